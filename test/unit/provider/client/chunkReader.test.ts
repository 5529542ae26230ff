import { strict as assert } from 'node:assert';
import { ChunkReader, prepareChunkValidation } from '../../../../src/provider/client/chunkReader';
import { RetryableFailure } from '../../../../src/provider/client/retry';
import { type ChatChunk } from '../../../../src/provider/client/wire';
import { ApiError } from '../../../../src/provider/errors';

const event = (payload: object | string) => `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;
const content = (text: string, finish: string | null = null) => ({
  id: 'x',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'grok-code-fast-1',
  choices: [{ index: 0, delta: { content: text }, finish_reason: finish }],
});

/** Pushes `text` as one read; returns the chunks and what was thrown. */
function read(reader: ChunkReader, text: string): { chunks: ChatChunk[]; error?: unknown } {
  const chunks: ChatChunk[] = [];
  try {
    reader.push(Buffer.from(text, 'utf8'), chunks);
    return { chunks };
  } catch (error) {
    return { chunks, error };
  }
}

describe('ChunkReader', () => {
  it('takes a finish reason (even "") or a usage chunk with counts as the end, but not a usage of nulls', () => {
    const nulls = new ChunkReader();
    read(nulls, event(content('a')) + event({ choices: [], usage: { prompt_tokens: null, completion_tokens: null } }));
    assert.equal(nulls.complete, false);
    const usage = new ChunkReader();
    read(usage, event(content('a')) + event({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 1 } }));
    assert.equal(usage.complete, true);
    const empty = new ChunkReader();
    read(empty, event(content('a', '')));
    assert.equal(empty.complete, true);
  });

  it('returns every chunk of one read, validated', () => {
    const reader = new ChunkReader();
    const { chunks, error } = read(reader, event(content('a')) + event(content('b')));
    assert.equal(error, undefined);
    assert.deepEqual(
      chunks.map((chunk) => [chunk.model, chunk.choices?.[0]?.delta?.content, chunk.choices?.[0]?.finish_reason]),
      [
        ['grok-code-fast-1', 'a', null],
        ['grok-code-fast-1', 'b', null],
      ],
    );
    assert.equal(reader.complete, false);
  });

  it('keeps the chunks before a bad event of the same read, then throws', () => {
    const reader = new ChunkReader();
    const { chunks, error } = read(reader, event(content('a')) + event('{"choices":[{"delta":'));
    assert.equal(chunks.length, 1);
    assert.ok(error instanceof ApiError);
    assert.match(error.message, /malformed JSON/);
  });

  it('rejects a chunk of the wrong shape', () => {
    const { chunks, error } = read(new ChunkReader(), event({ choices: [{ index: 0, delta: { content: 5 } }] }));
    assert.deepEqual(chunks, []);
    assert.ok(error instanceof ApiError);
    assert.match(error.message, /unexpected chunk/);
  });

  it('rejects a tool call fragment with a negative index', () => {
    const { error } = read(new ChunkReader(), event({ choices: [{ delta: { tool_calls: [{ index: -1 }] } }] }));
    assert.ok(error instanceof ApiError);
  });

  it('maps an error object in the stream to a retryable failure', () => {
    const { error } = read(new ChunkReader(), event({ error: { message: 'upstream overloaded' } }));
    assert.ok(error instanceof RetryableFailure);
    assert.match(error.error.message, /upstream overloaded/);
  });

  it('is complete after [DONE] and ignores what follows it', () => {
    const reader = new ChunkReader();
    const { chunks } = read(reader, event(content('a')) + event('[DONE]') + event(content('late')) + event('not json'));
    assert.equal(chunks.length, 1);
    assert.equal(reader.complete, true);
  });

  it('is complete after a finish reason even without [DONE]', () => {
    const reader = new ChunkReader();
    read(reader, event(content('a', 'stop')));
    const rest: ChatChunk[] = [];
    reader.end(rest);
    assert.equal(reader.complete, true);
  });

  it('takes a padded [DONE]', () => {
    const reader = new ChunkReader();
    read(reader, 'data:  [DONE] \n\n');
    assert.equal(reader.complete, true);
  });

  it('checks the same once the schema is compiled', async () => {
    prepareChunkValidation();
    await new Promise((resolve) => setImmediate(resolve));
    const good = read(new ChunkReader(), event(content('a', 'stop')));
    assert.equal(good.error, undefined);
    assert.equal(good.chunks[0].choices?.[0]?.delta?.content, 'a');
    for (const bad of [{ choices: [{ delta: { content: 5 } }] }, { choices: {} }, { model: 1 }, { choices: [{ delta: { tool_calls: [{ index: 0.5 }] } }] }]) {
      const { error } = read(new ChunkReader(), event(bad));
      assert.ok(error instanceof ApiError, JSON.stringify(bad));
    }
  });
});
