import { strict as assert } from 'node:assert';
import { unbatch } from '../../../../src/provider/client/unbatch';
import { drain } from '../harness';

/** A source of batches that records how it ended. */
function source(batches: number[][], failAfter?: unknown) {
  const log: string[] = [];
  async function* generate(): AsyncGenerator<number[]> {
    try {
      for (const batch of batches) {
        await Promise.resolve();
        yield batch;
      }
      if (failAfter !== undefined) throw failAfter;
      log.push('ended');
    } catch (error) {
      log.push(`caught ${String(error)}`);
      throw error;
    } finally {
      log.push('cleaned up');
    }
  }
  return { batches: generate(), log };
}

const odd = (n: number) => (n % 2 === 1 ? `n${n}` : undefined);

describe('unbatch', () => {
  it('hands out the picked items of every batch in order, skipping the unpicked, then ends', async () => {
    const { batches, log } = source([[1, 2, 3], [], [4], [5, 7]]);
    const generator = unbatch(batches, odd);
    assert.deepEqual((await drain(generator)).items, ['n1', 'n3', 'n5', 'n7']);
    assert.deepEqual(log, ['ended', 'cleaned up']);
    assert.deepEqual(await generator.next(), { done: true, value: undefined });
  });

  it('runs the source cleanup when the caller stops in the middle of a batch', async () => {
    const { batches, log } = source([[1, 3, 5], [7]]);
    const received: string[] = [];
    for await (const item of unbatch(batches, odd)) {
      received.push(item);
      if (received.length === 2) break;
    }
    assert.deepEqual(received, ['n1', 'n3']);
    assert.deepEqual(log, ['cleaned up']);
  });

  it('delivers what came before a failure, then the failure, then nothing', async () => {
    const failure = new Error('broken');
    const { batches } = source([[1, 3]], failure);
    const generator = unbatch(batches, odd);
    const { items, error } = await drain(generator);
    assert.deepEqual(items, ['n1', 'n3']);
    assert.equal(error, failure);
    assert.deepEqual(await generator.next(), { done: true, value: undefined });
  });

  it('answers calls made without waiting in order, across batches and the end', async () => {
    const { batches } = source([[1], [3, 5], [7]]);
    const generator = unbatch(batches, odd);
    const results = await Promise.all(Array.from({ length: 6 }, () => generator.next()));
    assert.deepEqual(
      results.map((result) => (result.done ? 'done' : result.value)),
      ['n1', 'n3', 'n5', 'n7', 'done', 'done'],
    );
  });

  it('passes throw on to the source, which sees the error at its current batch', async () => {
    const { batches, log } = source([[1], [3]]);
    const generator = unbatch(batches, odd);
    assert.deepEqual(await generator.next(), { done: false, value: 'n1' });
    await assert.rejects(generator.throw(new Error('stop')), /stop/);
    assert.deepEqual(log, ['caught Error: stop', 'cleaned up']);
    assert.deepEqual(await generator.next(), { done: true, value: undefined });
  });

  it('does not touch the source before the first call', async () => {
    let started = false;
    const batches = (async function* () {
      started = true;
      yield [1];
    })();
    const generator = unbatch(batches, odd);
    assert.equal(started, false);
    assert.deepEqual(await generator.next(), { done: false, value: 'n1' });
    assert.equal(started, true);
  });
});
