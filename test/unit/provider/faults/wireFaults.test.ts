/**
 * One fault suite over both wire formats (issue 12 item 5): every guarantee of the Chat Completions
 * client holds for the Responses API too, against the fake server speaking each. Then the
 * any-byte-split property over every field-fault stream of both formats.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ChunkReader } from '../../../../src/provider/client/chunkReader';
import { RetryableFailure } from '../../../../src/provider/client/retry';
import { ResponsesAssembler } from '../../../../src/provider/client/responsesAssembler';
import { ResponsesReader } from '../../../../src/provider/client/responsesReader';
import { StreamAssembler } from '../../../../src/provider/client/streamAssembler';
import { type WireApi } from '../../../../src/provider/client/answerStream';
import { AbortError, ApiError, NetworkError, TimeoutError } from '../../../../src/provider/errors';
import { type StreamEvent } from '../../../../src/provider/types';
import { scenarios, type RawScenario, type Scenario } from '../../../fake-xai';
import { connectionFailures, inStreamErrors, leniency, rateLimitHints, rawStreams, webPages } from '../../../fake-xai/fieldFaults';
import { responsesInStreamErrors, responsesLeniency, responsesRawStreams, responsesToolCalls } from '../../../fake-xai/responsesFieldFaults';
import { contentOf, drain, startHarness, waitUntil, type Harness } from '../harness';

interface WireCase {
  api: WireApi;
  path: string;
  /** Events the fake sends before the first text delta of an answer scenario. */
  eventsBeforeText: number;
  errorAfterText: Scenario;
  errorAtStart: Scenario;
  stopsMidAnswer: Scenario;
}

const WIRES: WireCase[] = [
  {
    api: 'chat-completions',
    path: '/v1/chat/completions',
    eventsBeforeText: 0,
    errorAfterText: inStreamErrors.example,
    errorAtStart: { kind: 'raw', body: 'data: {"error":{"code":503,"message":"No capacity"},"choices":[]}\n\ndata: [DONE]\n\n' },
    stopsMidAnswer: leniency.stopsMidAnswer,
  },
  {
    api: 'responses',
    path: '/v1/responses',
    // response.created, response.in_progress, output_item.added, content_part.added
    eventsBeforeText: 4,
    errorAfterText: responsesInStreamErrors.errorEvent,
    errorAtStart: responsesInStreamErrors.capacityAtStart,
    stopsMidAnswer: responsesLeniency.stopsMidAnswer,
  },
];

for (const wire of WIRES) {
  describe(`fault suite, wire format ${wire.api}`, function () {
    this.timeout(10_000);
    let h: Harness;
    afterEach(async () => h?.close());
    const start = (config: Parameters<typeof startHarness>[0] = {}, options: Parameters<typeof startHarness>[1] = {}) =>
      startHarness({ wireApi: wire.api, ...config }, options);

    it('talks to its own route', async () => {
      h = await start();
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
      assert.deepEqual(h.fake.requests.map((request) => request.path), [wire.path]);
    });

    it('bounds the served model like a requested one: a long or formula name is recorded as unrecognized-model', async () => {
      h = await start();
      for (const model of ['g'.repeat(305), '=HYPERLINK("http://attacker.example")', 'grok-4.3 latest', 'grok-4.7']) {
        h.fake.enqueue({ kind: 'answer', content: ['ok'], model });
        const result = await h.provider.generateResponse({ prompt: 'q' });
        assert.equal(result.model, model === 'grok-4.7' ? 'grok-4.7' : 'unrecognized-model', model);
      }
    });

    it('retries a 5xx before the first byte, with backoff', async () => {
      h = await start();
      h.fake.enqueue(scenarios.status(503), scenarios.status(500));
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
      assert.deepEqual(h.sleeps, [375, 750]);
    });

    it('retries an error event that came before any text', async () => {
      h = await start();
      h.fake.enqueue(wire.errorAtStart);
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
      assert.equal(h.fake.requests.length, 2);
    });

    it('never retries once text reached the caller; the error is typed and keeps the partial text', async () => {
      h = await start();
      h.fake.enqueue(wire.errorAfterText);
      const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q' }));
      assert.equal(contentOf(items), 'Here is the first half of the ');
      assert.ok(error instanceof ApiError, String(error));
      assert.equal(error.partial?.content, 'Here is the first half of the ');
      assert.equal(h.fake.requests.length, 1);
    });

    it('a cut connection after text is a NetworkError, not retried', async () => {
      h = await start();
      h.fake.enqueue({ kind: 'answer', content: ['partial ', 'answer'], cutAfterEvents: wire.eventsBeforeText + 1 });
      const { items, error } = await drain(h.provider.streamResponse({ prompt: 'q' }));
      assert.deepEqual(items, ['partial ']);
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(h.fake.requests.length, 1);
    });

    it('a stream that stops mid-answer is a NetworkError with the partial text kept', async () => {
      h = await start();
      h.fake.enqueue(wire.stopsMidAnswer);
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
        return error instanceof NetworkError && error.partial?.content === 'The answer is forty';
      });
    });

    it('retries a socket reset before the headers', async () => {
      h = await start();
      h.fake.enqueue(connectionFailures.reset, connectionFailures.closed);
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
      assert.equal(h.fake.requests.length, 3);
    });

    it('waits retry-after-ms, and describes a web page by its title', async () => {
      h = await start();
      h.fake.enqueue(rateLimitHints.example, webPages.captivePortal);
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), /web page titled "Guest Wi-Fi – Sign in"/);
      assert.deepEqual(h.sleeps, [20_000]);
    });

    it('abort closes the socket at once', async () => {
      h = await start();
      h.fake.enqueue({ kind: 'answer', content: Array.from({ length: 300 }, (_, i) => `${i} `), dripMs: 10 });
      const controller = new AbortController();
      const received: string[] = [];
      await assert.rejects(async () => {
        for await (const text of h.provider.streamResponse({ prompt: 'q', options: { signal: controller.signal } })) {
          received.push(text);
          if (received.length === 2) controller.abort();
        }
      }, AbortError);
      await waitUntil(() => h.fake.openConnections === 0, 1000);
      assert.equal(received.length, 2);
    });

    it('a consumer that stops reading closes the socket', async () => {
      h = await start();
      h.fake.enqueue({ kind: 'answer', content: Array.from({ length: 300 }, (_, i) => `${i} `), dripMs: 5 });
      for await (const text of h.provider.streamResponse({ prompt: 'q' })) if (text === '2 ') break;
      await waitUntil(() => h.fake.openConnections === 0, 1000);
    });

    it('ends a stream that stalls mid-way in TimeoutError (idle timeout)', async () => {
      h = await start({ idleTimeoutMs: 150 });
      h.fake.enqueue({ kind: 'answer', content: ['a', 'b', 'c'], stallAfterEvents: wire.eventsBeforeText + 2 });
      const { items, error } = await drain(h.provider.streamResponse({ prompt: 'q' }));
      assert.deepEqual(items, ['a', 'b']);
      assert.ok(error instanceof TimeoutError, String(error));
    });

    it('ends in TimeoutError when no headers come in time', async () => {
      h = await start({ timeoutMs: 150, maxRetries: 0 });
      h.fake.enqueue({ kind: 'answer', content: ['late'], headersDelayMs: 3000 });
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), TimeoutError);
    });

    it('reports malformed JSON in the stream as ApiError after what came before', async () => {
      h = await start();
      h.fake.enqueue({ kind: 'answer', content: ['a', 'b'], malformedAfterEvents: wire.eventsBeforeText + 1 });
      const { items, error } = await drain(h.provider.streamResponse({ prompt: 'q' }));
      assert.deepEqual(items, ['a']);
      assert.ok(error instanceof ApiError, String(error));
    });

    it('retries an empty answer once', async () => {
      h = await start();
      h.fake.enqueue(scenarios.empty());
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
      assert.equal(h.fake.requests.length, 2);
    });

    it('assembles tool calls sent whole or in fragments, and finishes with tool_calls', async () => {
      h = await start();
      h.fake.enqueue({
        kind: 'answer',
        toolCalls: [
          { id: 'call_1', name: 'read_file', arguments: '{"path":"src/a.ts"}', fragments: 3 },
          { id: 'call_2', name: 'list_directory', arguments: '{"path":"."}' },
        ],
      });
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.deepEqual(result.toolCalls, [
        { id: 'call_1', name: 'read_file', arguments: '{"path":"src/a.ts"}' },
        { id: 'call_2', name: 'list_directory', arguments: '{"path":"."}' },
      ]);
      assert.equal(result.finishReason, 'tool_calls');
    });

    it('a truncated answer finishes with length', async () => {
      h = await start();
      h.fake.enqueue({ kind: 'answer', content: ['cut ', 'short'], finishReason: 'length' });
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.equal(result.content, 'cut short');
      assert.equal(result.finishReason, 'length');
    });

    it('counts reasoning apart from completion tokens, and takes the served model', async () => {
      h = await start();
      h.fake.enqueue({ kind: 'answer', reasoning: ['x'.repeat(40)], content: ['y'.repeat(8)], model: 'grok-4.3', usage: { cost_in_usd_ticks: 5_000_000 } });
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.equal(result.usage.reasoningTokens, 10);
      assert.equal(result.usage.completionTokens, 2);
      assert.equal(result.usage.costUsd, 0.0005);
      assert.equal(result.model, 'grok-4.3');
    });
  });
}

describe('Responses API requests', function () {
  this.timeout(10_000);
  let h: Harness;
  afterEach(async () => h?.close());

  it('stores nothing, keys the prompt cache by conversation, asks for and replays encrypted reasoning', async () => {
    h = await startHarness({ wireApi: 'responses' });
    h.fake.enqueue({ kind: 'answer', reasoning: ['Plan'], content: ['First answer'] });
    const first = await h.provider.generateResponse({ prompt: 'one', metadata: { conversationId: 'conv-7' } });
    const sent = h.fake.requests[0].body as Record<string, unknown>;
    assert.equal(sent.store, false);
    assert.equal(sent.prompt_cache_key, 'conv-7');
    assert.deepEqual(sent.include, ['reasoning.encrypted_content']);
    assert.equal(h.fake.requests[0].headers['x-grok-conv-id'], 'conv-7');
    for (const field of ['stop', 'presence_penalty', 'frequency_penalty', 'messages']) assert.ok(!(field in sent), field);
    const items = first.reasoningItems ?? [];
    assert.equal(items.length, 1);
    assert.equal(items[0].summary, 'Plan');
    assert.ok(items[0].encryptedContent);

    await h.provider.generateResponse({
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: first.content, reasoningItems: items },
        { role: 'user', content: 'two' },
      ],
      metadata: { conversationId: 'conv-7' },
    });
    const input = (h.fake.requests[1].body as { input: Record<string, unknown>[] }).input;
    assert.deepEqual(input.slice(1), [
      { role: 'user', content: 'one' },
      { type: 'reasoning', id: items[0].id, summary: [{ type: 'summary_text', text: 'Plan' }], encrypted_content: items[0].encryptedContent },
      { role: 'assistant', content: 'First answer' },
      { role: 'user', content: 'two' },
    ]);
  });

  it('sends tool calls and results as function_call items keyed by call_id', async () => {
    h = await startHarness({ wireApi: 'responses' });
    await h.provider.generateResponse({
      messages: [
        { role: 'user', content: 'read it' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_a', name: 'read_file', arguments: '{"path":"a.ts"}' }] },
        { role: 'tool', toolCallId: 'call_a', content: 'export {}' },
      ],
      options: { tools: [{ name: 'read_file', description: 'Reads a file', parameters: { type: 'object' } }], toolChoice: 'auto' },
    });
    const body = h.fake.requests[0].body as { input: unknown[]; tools: unknown[]; tool_choice: unknown };
    assert.deepEqual(body.input.slice(2), [
      { type: 'function_call', call_id: 'call_a', name: 'read_file', arguments: '{"path":"a.ts"}' },
      { type: 'function_call_output', call_id: 'call_a', output: 'export {}' },
    ]);
    assert.deepEqual(body.tools, [{ type: 'function', name: 'read_file', description: 'Reads a file', parameters: { type: 'object' } }]);
    assert.equal(body.tool_choice, 'auto');
  });

  it('takes a whole (non-streamed) response', async () => {
    h = await startHarness({ wireApi: 'responses' });
    h.fake.enqueue({
      kind: 'handler',
      handle: (_request, res) => {
        const body = JSON.stringify({
          object: 'response',
          model: 'grok-4.3',
          status: 'completed',
          output: [
            { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'hm' }], status: 'completed' },
            { type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'output_text', text: 'whole', annotations: [] }] },
          ],
          usage: { input_tokens: 10, output_tokens: 5, output_tokens_details: { reasoning_tokens: 4 }, total_tokens: 15 },
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      },
    });
    const result = await h.provider.generateResponse({ prompt: 'q' });
    assert.deepEqual([result.content, result.reasoning, result.finishReason, result.usage.completionTokens], ['whole', 'hm', 'stop', 1]);
  });
});

describe('Responses API field faults', function () {
  this.timeout(10_000);
  let h: Harness;
  afterEach(async () => h?.close());

  it('response.failed is a typed error keeping the partial text', async () => {
    h = await startHarness({ wireApi: 'responses' });
    h.fake.enqueue(responsesInStreamErrors.failed);
    await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
      return error instanceof ApiError && /The model crashed/.test(error.message) && error.partial?.content === 'Partial ';
    });
  });

  it('parallel calls whose argument deltas interleave are kept apart by item id', async () => {
    h = await startHarness({ wireApi: 'responses' });
    h.fake.enqueue(responsesToolCalls.interleaved);
    const result = await h.provider.generateResponse({ prompt: 'q' });
    assert.deepEqual(result.toolCalls, [
      { id: 'call_a', name: 'read_file', arguments: '{"path":"a.ts"}' },
      { id: 'call_b', name: 'list_directory', arguments: '{"path":"."}' },
    ]);
  });

  it('arguments sent only whole in the finished item', async () => {
    h = await startHarness({ wireApi: 'responses' });
    h.fake.enqueue(responsesToolCalls.wholeInItem);
    assert.deepEqual((await h.provider.generateResponse({ prompt: 'q' })).toolCalls, [{ id: 'call_x', name: 'search_text', arguments: '{"query":"TODO"}' }]);
  });

  it('data-only CRLF frames with comments, pings, unknown events and fields, and a [DONE]', async () => {
    h = await startHarness({ wireApi: 'responses' });
    h.fake.enqueue(responsesLeniency.bareCrlfDone);
    const result = await h.provider.generateResponse({ prompt: 'q' });
    assert.deepEqual([result.content, result.reasoning, result.finishReason], ['hello', 'Think', 'stop']);
    assert.deepEqual(result.reasoningItems, [{ id: 'rs_r1', summary: 'Think', encryptedContent: 'ZW5j' }]);
    assert.deepEqual([result.usage.promptTokens, result.usage.cachedTokens, result.usage.completionTokens, result.usage.reasoningTokens], [197, 128, 1, 110]);
    assert.equal(result.usage.costUsd, 3893500 / 1e10);
  });

  it('response.incomplete finishes with length', async () => {
    h = await startHarness({ wireApi: 'responses' });
    h.fake.enqueue(responsesLeniency.incomplete);
    const result = await h.provider.generateResponse({ prompt: 'q' });
    assert.equal(result.finishReason, 'length');
    assert.equal(result.content, 'Truncated answer');
  });

  it('null usage counts fall back to an estimate', async () => {
    h = await startHarness({ wireApi: 'responses' });
    h.fake.enqueue(responsesLeniency.nullUsage);
    const result = await h.provider.generateResponse({ prompt: 'q' });
    assert.equal(result.content, 'ok');
    assert.ok(result.usage.promptTokens > 0);
  });
});

/** What a stream of bytes comes to, pushed in these pieces: the events, then the answer or the error. */
function outcome(api: WireApi, body: Buffer, cuts: number[]): unknown {
  const reader = api === 'responses' ? new ResponsesReader() : new ChunkReader();
  const assembler = api === 'responses' ? new ResponsesAssembler('m', () => undefined) : new StreamAssembler('m', () => undefined);
  const events: StreamEvent[] = [];
  const take = (items: unknown[]) => events.push(...(assembler.accept as (items: unknown[]) => StreamEvent[])(items));
  try {
    let start = 0;
    for (const cut of [...cuts, body.length]) {
      const items: unknown[] = [];
      try {
        (reader.push as (bytes: Uint8Array, into: unknown[]) => void)(body.subarray(start, cut), items);
      } finally {
        take(items);
      }
      start = cut;
    }
    const rest: unknown[] = [];
    (reader.end as (into: unknown[]) => void)(rest);
    take(rest);
    if (!reader.complete) return { events, incomplete: true, partial: assembler.partial() };
    const { events: owed, answer } = assembler.finish();
    return { events: [...events, ...owed], answer };
  } catch (error) {
    const typed = error instanceof RetryableFailure ? error.error : error;
    return { events, error: `${(typed as Error).name}: ${(typed as Error).message}` };
  }
}

describe('any byte split of every field-fault stream (property)', () => {
  const streams: Array<[WireApi, string, RawScenario]> = [
    ...Object.entries(rawStreams).map(([name, scenario]): [WireApi, string, RawScenario] => ['chat-completions', name, scenario]),
    ...Object.entries(responsesRawStreams).map(([name, scenario]): [WireApi, string, RawScenario] => ['responses', name, scenario]),
  ];
  for (const [api, name, scenario] of streams) {
    it(`${api}: ${name}`, () => {
      const body = Buffer.from(scenario.body, 'utf8');
      const whole = outcome(api, body, []);
      fc.assert(
        fc.property(fc.array(fc.nat({ max: body.length }), { maxLength: 24 }), (seeds) => {
          const cuts = [...new Set(seeds)].sort((a, b) => a - b);
          assert.deepEqual(outcome(api, body, cuts), whole);
        }),
        { numRuns: 150 },
      );
    });
  }
});
