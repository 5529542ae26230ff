import { strict as assert } from 'node:assert';
import { scenarios } from '../../fake-xai';
import { ApiError, AuthenticationError } from '../../../src/provider/errors';
import { EMPTY_ANSWER_MESSAGE } from '../../../src/provider/client/answerAssembler';
import { type StreamEvent } from '../../../src/provider/types';
import { runTurn, type TurnTools } from '../../../src/chat/turnRunner';
import { type Entry } from '../../../src/chat/historySchema';
import { recordingAnalytics } from './doubles';
import { drain, startHarness, type Harness } from './harness';

const WIRE_APIS = ['chat-completions', 'responses'] as const;
/** $0.019 in xAI's ticks (1 USD = 1e10), the cost of each attempt of the recorded empty answer (vercel/ai#19652). */
const EMPTY_ANSWER_TICKS = 190_000_000;

describe('stream rules', function () {
  this.timeout(10_000);
  let h: Harness;
  afterEach(async () => h?.close());

  for (const wireApi of WIRE_APIS) {
    describe(wireApi, () => {
      it('an in-stream context_length_exceeded is sent once, never retried', async () => {
        h = await startHarness({ wireApi });
        h.fake.setDefault({ kind: 'answer', content: [], failure: { code: 'context_length_exceeded', message: 'This model’s maximum prompt length is 256000.' } });
        const error = await h.provider.generateResponse({ prompt: 'q' }).catch((e: unknown) => e);
        assert.ok(error instanceof ApiError, String(error));
        assert.equal(error.status, 400);
        assert.match(error.message, /context_length_exceeded/);
        assert.equal(h.fake.requests.length, 1);
        assert.deepEqual(h.sleeps, []);
      });

      it('an in-stream invalid request or authentication failure is not retried either; a server failure is', async () => {
        h = await startHarness({ wireApi });
        h.fake.enqueue({ kind: 'answer', content: [], failure: { code: 'invalid_request_error', message: 'bad field' } });
        await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (e: unknown) => e instanceof ApiError && e.status === 400);
        h.fake.enqueue({ kind: 'answer', content: [], failure: { code: 'invalid_api_key', message: 'Incorrect API key' } });
        await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), AuthenticationError);
        assert.equal(h.fake.requests.length, 2);
        h.fake.enqueue({ kind: 'answer', content: [], failure: { code: 'server_error', message: 'overloaded' } }, scenarios.text('ok'));
        assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'ok');
        assert.equal(h.fake.requests.length, 4);
      });

      for (const cut of ['length', 'content_filter'] as const) {
        it(`a tool call cut by ${cut === 'length' ? 'the output limit' : 'a content filter'} is never emitted or returned`, async () => {
          h = await startHarness({ wireApi });
          h.fake.enqueue({ kind: 'answer', toolCalls: [{ name: 'read_file', arguments: '{"path":"src/ut' }], finishReason: cut });
          const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q', options: { tools: [readFile] } }));
          assert.equal(error, undefined);
          assert.ok(!items.some((event) => event.type === 'tool_call'));
          const done = items.at(-1) as Extract<StreamEvent, { type: 'done' }>;
          assert.equal(done.result.finishReason, cut);
          assert.deepEqual(done.result.toolCalls, []);
        });
      }

      it('two empty answers: the error, and both attempts billed in analytics, the usage and getMetrics', async () => {
        const analytics = recordingAnalytics();
        h = await startHarness({ wireApi, analyticsTracker: analytics.analyticsTracker });
        const empty = { ...scenarios.empty(), usage: { prompt_tokens: 50, completion_tokens: 0, total_tokens: 60, cost_in_usd_ticks: EMPTY_ANSWER_TICKS } };
        h.fake.enqueue(empty, empty);
        await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), new RegExp(EMPTY_ANSWER_MESSAGE.replace(/[().]/g, '\\$&')));
        assert.equal(h.fake.requests.length, 2);
        const [response] = analytics.responses;
        assert.equal(response.outcome, 'error');
        assert.ok(Math.abs(response.usage!.costUsd - 0.038) < 1e-12, String(response.usage?.costUsd));
        assert.equal(response.usage!.promptTokens, 100);
        assert.equal(h.provider.getMetrics().totalTokensProcessed, response.usage!.totalTokens);
        assert.ok(response.usage!.totalTokens > 0);
      });

      it('an empty inline answer is one request, no retry, a success with no suggestion; a chat one is still retried', async () => {
        const analytics = recordingAnalytics();
        h = await startHarness({ wireApi, analyticsTracker: analytics.analyticsTracker });
        const empty = { ...scenarios.empty(), usage: { prompt_tokens: 50, completion_tokens: 0, total_tokens: 50, cost_in_usd_ticks: EMPTY_ANSWER_TICKS } };
        h.fake.enqueue(empty);
        const result = await h.provider.generateResponse({ prompt: 'q', metadata: { feature: 'inline' } });
        assert.equal(result.content, '');
        assert.equal(h.fake.requests.length, 1, 'one request');
        assert.deepEqual(h.sleeps, [], 'no retry waited for');
        assert.equal(analytics.responses[0].outcome, 'success');
        assert.equal(analytics.responses[0].noSuggestion, true);
        assert.ok(Math.abs(analytics.responses[0].usage!.costUsd - 0.019) < 1e-12, 'the one attempt is billed');
        assert.equal(h.provider.getMetrics().failedRequests, 0);

        h.fake.enqueue(empty, empty);
        await assert.rejects(h.provider.generateResponse({ prompt: 'q', metadata: { feature: 'chat' } }), ApiError);
        assert.equal(h.fake.requests.length, 3, 'the chat keeps its rule: retried once, then an error');
        assert.equal(analytics.responses[1].outcome, 'error');
        assert.equal(analytics.responses[1].noSuggestion, undefined);
      });

      it('a retried attempt is billed too: the answer’s usage is the sum of both', async () => {
        h = await startHarness({ wireApi });
        h.fake.enqueue(
          { kind: 'answer', content: [], failure: { code: 'server_error', message: 'overloaded' }, usage: { prompt_tokens: 40, completion_tokens: 0, total_tokens: 40, cost_in_usd_ticks: 1000 } },
          { ...scenarios.text('ok'), usage: { prompt_tokens: 40, completion_tokens: 1, total_tokens: 41, cost_in_usd_ticks: 3000 } },
        );
        const events = (await drain(h.provider.streamEvents({ prompt: 'q' }))).items;
        const done = events.at(-1) as Extract<StreamEvent, { type: 'done' }>;
        // Chat Completions' error chunk carries no usage: only the Responses failure is billed.
        const billed = wireApi === 'responses' ? 4000 : 3000;
        assert.ok(Math.abs(done.result.usage.costUsd - billed / 1e10) < 1e-15);
        assert.deepEqual(events.filter((event) => event.type === 'usage').map((event) => (event as { usage: unknown }).usage), [done.result.usage]);
      });
    });
  }

  it('Responses: a failure after content counts the usage its response.failed reports', async () => {
    const analytics = recordingAnalytics();
    h = await startHarness({ wireApi: 'responses', analyticsTracker: analytics.analyticsTracker });
    h.fake.enqueue({ kind: 'answer', content: ['Half an ans'], failure: { code: 'server_error', message: 'lost the GPU' }, usage: { cost_in_usd_ticks: 5_000_000 } });
    const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q' }));
    assert.ok(error instanceof ApiError);
    assert.equal(error.partial?.content, 'Half an ans');
    assert.ok(items.some((event) => event.type === 'content'));
    assert.equal(h.fake.requests.length, 1, 'content had reached the caller: no retry');
    assert.equal(analytics.responses[0].usage?.costUsd, 0.0005);
  });

  for (const cut of ['length', 'content_filter'] as const) {
    it(`the chat does not run read_file with a path cut by ${cut}, sends no second request, and marks the answer cut`, async () => {
      h = await startHarness({ wireApi: 'responses' });
      h.fake.enqueue({ kind: 'answer', toolCalls: [{ name: 'read_file', arguments: '{"path":"src/ut' }], finishReason: cut });
      const runs: string[] = [];
      const tools: TurnTools = {
        available: true,
        definitions: [readFile],
        describeCall: () => '',
        run: async (call) => {
          runs.push(call.arguments);
          return { ok: true, content: 'text', argsSummary: '', resultSummary: '' };
        },
      };
      const entries: Entry[] = [{ role: 'user', id: 'u1', createdAt: 0, text: 'read it', chips: [], prompt: 'read it' }];
      const entry = await runTurn({
        conversationId: 'c',
        entries,
        answerId: 'a1',
        model: h.provider,
        tools,
        settings: { maxTokens: 4000, maxToolRounds: 3 },
        signal: new AbortController().signal,
        now: () => 0,
        onEvent: () => {},
      });
      assert.deepEqual(runs, []);
      assert.equal(h.fake.requests.length, 1);
      assert.deepEqual(entry.cut, { reason: cut, maxTokens: 4000 });
      assert.equal(entry.error, undefined);
    });
  }
});

const readFile = { name: 'read_file', description: 'Reads a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } };
