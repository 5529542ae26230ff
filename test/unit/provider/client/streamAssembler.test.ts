import { strict as assert } from 'node:assert';
import { RetryableFailure } from '../../../../src/provider/client/retry';
import { EMPTY_ANSWER_MESSAGE } from '../../../../src/provider/client/answerAssembler';
import { StreamAssembler } from '../../../../src/provider/client/streamAssembler';
import { type ChatChunk } from '../../../../src/provider/client/wire';
import { ApiError } from '../../../../src/provider/errors';
import { lastResortFactsFor } from '../../../../src/provider/models';
import { type StreamEvent } from '../../../../src/provider/types';

const delta = (d: NonNullable<NonNullable<ChatChunk['choices']>[number]['delta']>, finish?: string): ChatChunk => ({
  choices: [{ index: 0, delta: d, finish_reason: finish ?? null }],
});

function run(chunks: ChatChunk[]) {
  const assembler = new StreamAssembler('grok-code-fast-1', () => lastResortFactsFor('grok-code-fast-1')?.pricing);
  const events: StreamEvent[] = chunks.flatMap((chunk) => assembler.accept([chunk]));
  const { events: tail, answer } = assembler.finish();
  return { events: [...events, ...tail], answer };
}

describe('StreamAssembler', () => {
  it('gives the same events for chunks taken in one batch as one by one', () => {
    const chunks = [
      delta({ reasoning_content: 'r' }),
      delta({ content: 'a' }),
      delta({ tool_calls: [{ index: 0, id: 'c0', function: { name: 'f', arguments: '{}' } }] }),
      delta({ content: 'b' }, 'tool_calls'),
    ];
    const batched = new StreamAssembler('grok-code-fast-1', () => lastResortFactsFor('grok-code-fast-1')?.pricing);
    const events = batched.accept(chunks);
    assert.deepEqual(events, run(chunks).events);
    assert.equal(batched.finish().answer.content, 'ab');
  });

  it('emits reasoning and content deltas in order and assembles the text', () => {
    const { events, answer } = run([
      delta({ reasoning_content: 'Think' }),
      delta({ reasoning_content: 'ing' }),
      delta({ content: 'Hel' }),
      delta({ content: 'lo' }),
      delta({}, 'stop'),
    ]);
    assert.deepEqual(events, [
      { type: 'reasoning', text: 'Think' },
      { type: 'reasoning', text: 'ing' },
      { type: 'content', text: 'Hel' },
      { type: 'content', text: 'lo' },
    ]);
    assert.equal(answer.content, 'Hello');
    assert.equal(answer.reasoning, 'Thinking');
    assert.equal(answer.finishReason, 'stop');
  });

  it('assembles tool calls sent whole, in parallel, and emits each once at finish', () => {
    const { events, answer } = run([
      delta({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'read_file', arguments: '{"path":"a"}' } }] }),
      delta({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'search', arguments: '{"q":"b"}' } }] }),
      delta({}, 'tool_calls'),
    ]);
    const calls = [
      { id: 'call_a', name: 'read_file', arguments: '{"path":"a"}' },
      { id: 'call_b', name: 'search', arguments: '{"q":"b"}' },
    ];
    assert.deepEqual(events, calls.map((call) => ({ type: 'tool_call', call })));
    assert.deepEqual(answer.toolCalls, calls);
    assert.equal(answer.finishReason, 'tool_calls');
  });

  it('assembles tool call arguments sent in fragments, interleaved by index', () => {
    const { events, answer } = run([
      delta({ tool_calls: [{ index: 0, id: 'c0', function: { name: 'a', arguments: '' } }] }),
      delta({ tool_calls: [{ index: 1, id: 'c1', function: { name: 'b', arguments: '{"y"' } }] }),
      delta({ tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] }),
      delta({ tool_calls: [{ index: 1, function: { arguments: ':2}' } }] }),
      delta({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
      delta({}, ''),
    ]);
    assert.deepEqual(answer.toolCalls, [
      { id: 'c0', name: 'a', arguments: '{"x":1}' },
      { id: 'c1', name: 'b', arguments: '{"y":2}' },
    ]);
    assert.equal(events.filter((event) => event.type === 'tool_call').length, 2);
    assert.equal(answer.finishReason, 'tool_calls', 'xAI has sent "" beside tool calls');
  });

  it('emits tool calls at the end of the stream when no finish reason came', () => {
    const { events } = run([delta({ tool_calls: [{ index: 0, id: 'c', function: { name: 'n', arguments: '{}' } }] })]);
    assert.deepEqual(events, [{ type: 'tool_call', call: { id: 'c', name: 'n', arguments: '{}' } }]);
  });

  it('reads the usage chunk into the answer (the provider sends the usage event) and keeps the server model name', () => {
    const { events, answer } = run([
      { model: 'grok-code-fast-1-0825', choices: [{ index: 0, delta: { content: 'x' } }] },
      delta({}, 'stop'),
      {
        choices: [],
        usage: {
          prompt_tokens: 213,
          completion_tokens: 2,
          total_tokens: 471,
          prompt_tokens_details: { cached_tokens: 192 },
          completion_tokens_details: { reasoning_tokens: 256 },
          cost_in_usd_ticks: 3950400,
        },
      },
    ]);
    const usage = { promptTokens: 213, completionTokens: 2, reasoningTokens: 256, cachedTokens: 192, totalTokens: 471, costUsd: 0.00039504 };
    assert.ok(!events.some((event) => event.type === 'usage'), 'the request may sum several attempts: the provider tells the usage');
    assert.deepEqual(answer.usage, usage);
    assert.equal(answer.model, 'grok-code-fast-1-0825');
  });

  it('reports an empty answer as an ApiError that may be retried once', () => {
    assert.throws(
      () => run([delta({ reasoning_content: 'hmm' }), delta({}, 'stop')]),
      (error: unknown) => error instanceof RetryableFailure && error.advice.once === true && error.error.message === EMPTY_ANSWER_MESSAGE,
    );
  });

  it('reports output tokens used up before any answer as a final ApiError', () => {
    assert.throws(
      () => run([delta({ reasoning_content: 'long thought' }), delta({}, 'length')]),
      (error: unknown) => error instanceof ApiError && /output tokens/.test(error.message),
    );
  });
});
