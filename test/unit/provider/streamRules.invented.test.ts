/**
 * Issue 22, invented instances of the stream rules: failures reported inside the stream or in a
 * 200 body classified like the same failure as an HTTP status, cut tool calls never run, billed
 * usage of failed attempts counted. Every request goes to the strict fake.
 */
import { strict as assert } from 'node:assert';
import { scenarios } from '../../fake-xai';
import { sse } from '../../fake-xai/fieldFaults';
import { frames } from '../../fake-xai/responsesFieldFaults';
import { ApiError, AuthenticationError } from '../../../src/provider/errors';
import { type StreamEvent } from '../../../src/provider/types';
import { recordingAnalytics } from './doubles';
import { drain, startHarness, type Harness } from './harness';

const readFile = { name: 'read_file', description: 'Reads a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } };
const CONTEXT_TOO_LONG = "This model's maximum prompt length is 256000 but the request contains 300123 tokens.";

describe('stream rules, invented instances (issue 22)', function () {
  this.timeout(10_000);
  let h: Harness;
  afterEach(async () => h?.close());

  describe('failures classified like the same HTTP status', () => {
    it('a Chat Completions error chunk in xAI’s shape saying the key is wrong is an authentication error, sent once', async () => {
      h = await startHarness({ wireApi: 'chat-completions' });
      h.fake.enqueue({ kind: 'raw', body: sse('{"code":"Client specified an invalid argument","error":"Incorrect API key provided: xa***ey. You can obtain an API key from https://console.x.ai."}') });
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), AuthenticationError);
      assert.equal(h.fake.requests.length, 1);
    });

    it('a Responses error event with no code whose message says the prompt is too long is not retried', async () => {
      h = await startHarness({ wireApi: 'responses' });
      h.fake.setDefault({ kind: 'raw', body: frames([{ type: 'error', code: null, message: CONTEXT_TOO_LONG, param: null }]) });
      const error = await h.provider.generateResponse({ prompt: 'q' }).catch((e: unknown) => e);
      assert.ok(error instanceof ApiError && !(error instanceof AuthenticationError), String(error));
      assert.equal(error.status, 400);
      assert.equal(h.fake.requests.length, 1);
      assert.deepEqual(h.sleeps, []);
    });

    it('an error event with no code and a server message ("Internal error during token generation") is still retried', async () => {
      h = await startHarness({ wireApi: 'responses' });
      h.fake.enqueue({ kind: 'raw', body: frames([{ type: 'error', code: null, message: 'Internal error during token generation', param: null }]) }, scenarios.text('ok'));
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'ok');
      assert.equal(h.fake.requests.length, 2);
    });

    for (const wireApi of ['chat-completions', 'responses'] as const) {
      it(`${wireApi}: an HTTP 200 JSON error body that refuses the request (prompt too long) is not retried`, async () => {
        h = await startHarness({ wireApi });
        h.fake.setDefault({ kind: 'json', body: { code: 'Client specified an invalid argument', error: CONTEXT_TOO_LONG } });
        const error = await h.provider.generateResponse({ prompt: 'q' }).catch((e: unknown) => e);
        assert.ok(error instanceof ApiError, String(error));
        assert.equal(error.status, 400);
        assert.equal(h.fake.requests.length, 1);
      });

      it(`${wireApi}: an HTTP 200 JSON error body about the API key is an authentication error, sent once`, async () => {
        h = await startHarness({ wireApi });
        h.fake.setDefault({ kind: 'json', body: { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***ey.' } });
        await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), AuthenticationError);
        assert.equal(h.fake.requests.length, 1);
      });

      it(`${wireApi}: xAI’s 200 "Timed out waiting for first token" is still retried`, async () => {
        h = await startHarness({ wireApi });
        h.fake.enqueue(scenarios.errorIn200(), scenarios.text('ok'));
        assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'ok');
        assert.equal(h.fake.requests.length, 2);
      });
    }
  });

  describe('stream end', () => {
    it('Chat Completions: the connection reset after the finish and the usage, before [DONE], still gives the whole answer', async () => {
      h = await startHarness({ wireApi: 'chat-completions' });
      h.fake.enqueue({ kind: 'answer', content: ['Whole', ' answer.'], done: false, cutAfterEvents: 4 });
      const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q' }));
      assert.equal(error, undefined);
      const done = items.at(-1) as Extract<StreamEvent, { type: 'done' }>;
      assert.equal(done.result.content, 'Whole answer.');
    });

    it('Responses: [DONE] with no terminal event after half a tool call is a stream closed early; the call is never run', async () => {
      h = await startHarness({ wireApi: 'responses' });
      h.fake.setDefault({
        kind: 'raw',
        body:
          frames([
            { type: 'response.created', response: { id: 'r1', object: 'response', model: 'grok-4.3', status: 'in_progress', output: [], usage: null } },
            { type: 'response.output_item.added', output_index: 0, item: { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'read_file', arguments: '', status: 'in_progress' } },
            { type: 'response.function_call_arguments.delta', output_index: 0, item_id: 'fc_1', delta: '{"path":"src/ut' },
          ]) + 'data: [DONE]\n\n',
      });
      const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q', options: { tools: [readFile] } }));
      assert.ok(!items.some((event) => event.type === 'tool_call'));
      assert.ok(error instanceof Error && /before the answer was complete/.test(error.message), String(error));
    });
  });

  describe('cut tool calls', () => {
    it('Responses: response.incomplete cut inside the second of two parallel calls runs neither, the whole first one included', async () => {
      h = await startHarness({ wireApi: 'responses' });
      const first = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'read_file', arguments: '{"path":"a.ts"}', status: 'completed' };
      const second = { type: 'function_call', id: 'fc_2', call_id: 'call_2', name: 'read_file', arguments: '', status: 'in_progress' };
      const snapshot = (status: string, output: object[]) => ({ id: 'r1', object: 'response', model: 'grok-4.3', status, output, usage: null, incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' } : null });
      h.fake.enqueue({
        kind: 'raw',
        body: frames([
          { type: 'response.created', response: snapshot('in_progress', []) },
          { type: 'response.output_item.added', output_index: 0, item: { ...first, arguments: '', status: 'in_progress' } },
          { type: 'response.function_call_arguments.done', output_index: 0, item_id: 'fc_1', arguments: first.arguments },
          { type: 'response.output_item.done', output_index: 0, item: first },
          { type: 'response.output_item.added', output_index: 1, item: second },
          { type: 'response.function_call_arguments.delta', output_index: 1, item_id: 'fc_2', delta: '{"path":"src/ut' },
          { type: 'response.incomplete', response: { ...snapshot('incomplete', [first, { ...second, arguments: '{"path":"src/ut' }]), usage: { input_tokens: 10, output_tokens: 20, cost_in_usd_ticks: 700 } } },
        ]),
      });
      const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q', options: { tools: [readFile] } }));
      assert.equal(error, undefined);
      assert.ok(!items.some((event) => event.type === 'tool_call'));
      const done = items.at(-1) as Extract<StreamEvent, { type: 'done' }>;
      assert.equal(done.result.finishReason, 'length');
      assert.deepEqual(done.result.toolCalls, []);
    });

    it('Chat Completions: two parallel calls then finish_reason "length" run neither', async () => {
      h = await startHarness({ wireApi: 'chat-completions' });
      h.fake.enqueue({ kind: 'answer', toolCalls: [{ name: 'read_file', arguments: '{"path":"a.ts"}' }, { name: 'read_file', arguments: '{"path":"src/ut' }], finishReason: 'length' });
      const { items } = await drain(h.provider.streamEvents({ prompt: 'q', options: { tools: [readFile] } }));
      assert.ok(!items.some((event) => event.type === 'tool_call'));
    });
  });

  describe('billed usage of failed attempts', () => {
    it('Responses: usage only in a response.failed that is not retried (invalid prompt) is counted in analytics and getMetrics', async () => {
      const analytics = recordingAnalytics();
      h = await startHarness({ wireApi: 'responses', analyticsTracker: analytics.analyticsTracker });
      h.fake.enqueue({
        kind: 'raw',
        body: frames([{ type: 'response.failed', response: { id: 'r1', object: 'response', model: 'grok-4.3', status: 'failed', output: [], error: { code: 'invalid_prompt', message: 'refused' }, usage: { input_tokens: 500, output_tokens: 0, total_tokens: 500, cost_in_usd_ticks: 6_250_000 } } }]),
      });
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), ApiError);
      assert.equal(h.fake.requests.length, 1);
      assert.equal(analytics.responses[0].usage?.costUsd, 0.000625);
      assert.equal(h.provider.getMetrics().totalTokensProcessed, 500);
    });

    for (const wireApi of ['chat-completions', 'responses'] as const) {
      it(`${wireApi}: an answer cut by the output limit before any text (reasoning only) is an error whose usage is counted`, async () => {
        const analytics = recordingAnalytics();
        h = await startHarness({ wireApi, analyticsTracker: analytics.analyticsTracker });
        h.fake.enqueue({ kind: 'answer', reasoning: ['Thinking', ' hard'], content: [], finishReason: 'length', usage: { prompt_tokens: 30, completion_tokens: 0, total_tokens: 130, cost_in_usd_ticks: 2_500_000 } });
        await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), /output tokens/);
        assert.equal(h.fake.requests.length, 1);
        assert.equal(analytics.responses[0].usage?.costUsd, 0.00025);
      });
    }

    it('Chat Completions: usage in the error chunk that ends the stream is counted', async () => {
      const analytics = recordingAnalytics();
      h = await startHarness({ wireApi: 'chat-completions', analyticsTracker: analytics.analyticsTracker });
      h.fake.enqueue({
        kind: 'raw',
        body: sse(
          '{"choices":[{"index":0,"delta":{"content":"Half"}}]}',
          '{"choices":[],"error":{"code":"server_error","message":"lost the GPU"},"usage":{"prompt_tokens":40,"completion_tokens":3,"total_tokens":43,"cost_in_usd_ticks":9000}}',
        ),
      });
      const { error } = await drain(h.provider.streamEvents({ prompt: 'q' }));
      assert.ok(error instanceof ApiError, String(error));
      assert.equal(h.fake.requests.length, 1, 'content had reached the caller: no retry');
      assert.equal(analytics.responses[0].usage?.costUsd, 9000 / 1e10);
    });

    it('Chat Completions: a usage chunk, then an error chunk: the usage is counted and the retry billed on top', async () => {
      h = await startHarness({ wireApi: 'chat-completions' });
      h.fake.enqueue(
        { kind: 'raw', body: sse('{"choices":[],"usage":{"prompt_tokens":40,"completion_tokens":0,"total_tokens":40,"cost_in_usd_ticks":1000}}', '{"error":{"code":"server_error","message":"overloaded"}}') },
        { ...scenarios.text('ok'), usage: { prompt_tokens: 40, completion_tokens: 1, total_tokens: 41, cost_in_usd_ticks: 3000 } },
      );
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.equal(h.fake.requests.length, 2);
      assert.ok(Math.abs(result.usage.costUsd - 4000 / 1e10) < 1e-15, String(result.usage.costUsd));
    });
  });
});
