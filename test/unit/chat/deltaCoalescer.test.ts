import * as assert from 'node:assert/strict';
import { DeltaCoalescer } from '../../../src/chat/deltaCoalescer';
import { type ChatStreamEvent } from '../../../src/chat/protocol';

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('DeltaCoalescer', () => {
  let posted: ChatStreamEvent[];
  let events: DeltaCoalescer;
  beforeEach(() => {
    posted = [];
    events = new DeltaCoalescer((event) => posted.push(event));
  });

  it('joins the deltas of one kind pushed in one turn and posts them on the next macrotask', async () => {
    events.push({ kind: 'contentDelta', text: 'Hel' });
    events.push({ kind: 'contentDelta', text: 'lo' });
    assert.deepEqual(posted, []);
    await nextMacrotask();
    assert.deepEqual(posted, [{ kind: 'contentDelta', text: 'Hello' }]);
    events.push({ kind: 'contentDelta', text: ' there' });
    await nextMacrotask();
    assert.deepEqual(posted, [{ kind: 'contentDelta', text: 'Hello' }, { kind: 'contentDelta', text: ' there' }]);
  });

  it('keeps the order: a change of kind or any other event posts the held text first', () => {
    const usage = { promptTokens: 1, completionTokens: 2, reasoningTokens: 0, cachedTokens: 0, costUsd: 0, latencyMs: 5, timeToFirstTokenMs: 1 };
    events.push({ kind: 'reasoningDelta', text: 'think ' });
    events.push({ kind: 'reasoningDelta', text: 'more' });
    events.push({ kind: 'contentDelta', text: 'A' });
    events.push({ kind: 'usage', usage });
    events.push({ kind: 'contentDelta', text: 'B' });
    events.flush();
    events.push({ kind: 'done' });
    assert.deepEqual(posted, [
      { kind: 'reasoningDelta', text: 'think more' },
      { kind: 'contentDelta', text: 'A' },
      { kind: 'usage', usage },
      { kind: 'contentDelta', text: 'B' },
      { kind: 'done' },
    ]);
  });

  it('posts nothing twice: a flushed delta is not posted again by the pending macrotask', async () => {
    const original = { kind: 'contentDelta', text: 'x' } as const;
    events.push(original);
    events.push({ kind: 'contentDelta', text: 'y' });
    events.flush();
    events.flush();
    await nextMacrotask();
    assert.deepEqual(posted, [{ kind: 'contentDelta', text: 'xy' }]);
    assert.equal(original.text, 'x', 'the pushed event is not changed');
  });
});
