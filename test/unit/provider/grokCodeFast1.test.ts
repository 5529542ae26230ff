import { strict as assert } from 'node:assert';
import { ConsentRequiredError, AuthenticationError, RateLimitError, InvalidConfigError } from '../../../src/provider/errors';
import { GrokCodeFast1Provider } from '../../../src/provider/grokCodeFast1';
import { RateLimiter, DEFAULT_RATE_LIMITS } from '../../../src/provider/limits';
import { createLogger } from '../../../src/provider/logger';
import { type StreamEvent } from '../../../src/provider/types';
import { scenarios } from '../../fake-xai';
import { recordingAnalytics, recordingConsent, recordingLimiter } from './doubles';
import { drain, grantConsent, startHarness, type Harness } from './harness';

const silent = createLogger({ sink: () => undefined });

describe('GrokCodeFast1Provider: gates, request body and results', function () {
  this.timeout(10_000);
  let h: Harness;
  afterEach(async () => h?.close());

  describe('consent', () => {
    it('refuses without consent before the rate limiter and before any socket', async () => {
      const log: string[] = [];
      const { consentManager, asked } = recordingConsent(false, log);
      const { limiter } = recordingLimiter(log);
      h = await startHarness({ consentManager, rateLimiter: limiter }, { consent: false });
      await assert.rejects(h.provider.generateResponse({ prompt: 'hi' }), ConsentRequiredError);
      assert.deepEqual(asked, [{ userId: 'default', modelId: 'grok-code-fast-1', endpoint: h.provider.origin }]);
      assert.deepEqual(log, ['consent']);
      assert.equal(h.fake.connections, 0);
    });

    it('asks consent first, then the limiter, then sends', async () => {
      const log: string[] = [];
      const { consentManager, asked } = recordingConsent(true, log);
      const { limiter } = recordingLimiter(log);
      h = await startHarness({ consentManager, rateLimiter: limiter }, { consent: false });
      await h.provider.generateResponse({ prompt: 'hi', metadata: { userId: 'u1' } });
      assert.deepEqual(log, ['consent', 'acquire']);
      assert.deepEqual(asked, [{ userId: 'u1', modelId: 'grok-code-fast-1', endpoint: h.provider.origin }]);
      assert.equal(h.fake.requests.length, 1);
    });

    it('makes its own in-memory consent manager when none is given', async () => {
      h = await startHarness({}, { consent: false });
      await assert.rejects(h.provider.generateResponse({ prompt: 'hi' }), ConsentRequiredError);
      await h.provider.consentManager.recordConsent({ userId: 'default', modelId: 'grok-code-fast-1', endpoint: h.provider.origin, consentGiven: true, dataUsageAcknowledged: true });
      assert.equal((await h.provider.generateResponse({ prompt: 'hi' })).content, 'Hello from the fake Grok.');
    });

    it('stops a request in flight when consent is revoked', async () => {
      h = await startHarness();
      h.fake.enqueue({ kind: 'answer', content: Array.from({ length: 100 }, () => 'x'), dripMs: 20 });
      const events: StreamEvent[] = [];
      await assert.rejects(async () => {
        for await (const event of h.provider.streamEvents({ prompt: 'hi' })) {
          events.push(event);
          if (events.length === 2) await h.provider.consentManager.revokeConsent({ userId: 'default', modelId: 'grok-code-fast-1', endpoint: h.provider.origin });
        }
      }, ConsentRequiredError);
      assert.ok(events.length < 10);
    });
  });

  describe('API key and configuration', () => {
    it('fails without an API key before any socket opens', async () => {
      h = await startHarness({ apiKey: '' });
      await assert.rejects(h.provider.generateResponse({ prompt: 'hi' }), (error: unknown) => {
        return error instanceof AuthenticationError && /No API key set/.test(error.message);
      });
      assert.equal(h.fake.connections, 0);
    });

    it('refuses a plain-http endpoint that is not loopback, naming the field', () => {
      assert.throws(
        () => new GrokCodeFast1Provider(silent, { endpoint: 'http://api.example.com/v1', apiKey: 'k' }),
        (error: unknown) => error instanceof InvalidConfigError && error.code === 'invalid_config' && error.field === 'endpoint',
      );
    });

    it('refuses maxTokens above 32,000', () => {
      assert.throws(
        () => new GrokCodeFast1Provider(silent, { endpoint: 'https://api.x.ai/v1', apiKey: '', maxTokens: 32_001 }),
        (error: unknown) => error instanceof InvalidConfigError && error.field === 'maxTokens',
      );
    });
  });

  describe('rate limiting', () => {
    it('releases the lease with the actual total tokens', async () => {
      const { limiter, released, acquired } = recordingLimiter();
      h = await startHarness({ rateLimiter: limiter });
      await grantConsent(h.provider, 'u2');
      const result = await h.provider.generateResponse({ prompt: 'hello there', metadata: { userId: 'u2' } });
      assert.equal(acquired[0].userId, 'u2');
      assert.ok(acquired[0].estimatedTokens > 0);
      assert.deepEqual(released, [result.usage.totalTokens]);
    });

    it('releases the lease when the request fails', async () => {
      const { limiter, released } = recordingLimiter();
      h = await startHarness({ rateLimiter: limiter });
      h.fake.enqueue(scenarios.status(401));
      await assert.rejects(h.provider.generateResponse({ prompt: 'x' }), AuthenticationError);
      assert.deepEqual(released, [0]);
    });

    it('refuses over the window limit without contacting the server', async () => {
      h = await startHarness({ rateLimits: { ...DEFAULT_RATE_LIMITS, requestsPerMinute: 1 } });
      await h.provider.generateResponse({ prompt: 'x' });
      await assert.rejects(h.provider.generateResponse({ prompt: 'x' }), (error: unknown) => error instanceof RateLimitError && error.retryAfter > 0);
      assert.equal(h.fake.requests.length, 1);
      const status = h.provider.checkRateLimit('default');
      assert.equal(status.allowed, false);
      assert.ok(status.resetTime instanceof Date);
    });

    it('skips the limiter when rate limiting is disabled', async () => {
      const { limiter, acquired } = recordingLimiter();
      h = await startHarness({ rateLimiter: limiter, rateLimitingEnabled: false });
      await h.provider.generateResponse({ prompt: 'x' });
      assert.equal(acquired.length, 0);
    });

    it('reports limits through checkRateLimit without consuming', async () => {
      h = await startHarness({ rateLimiter: new RateLimiter({ ...DEFAULT_RATE_LIMITS, requestsPerMinute: 5 }) });
      const before = h.provider.checkRateLimit('someone');
      assert.equal(h.provider.checkRateLimit('someone').remaining, before.remaining);
      assert.equal(before.allowed, true);
    });
  });

  describe('request body', () => {
    it('streams with usage, max_tokens and never stop or penalties', async () => {
      h = await startHarness({ maxTokens: 2000, temperature: 0.3 });
      await h.provider.generateResponse({ prompt: 'hi', options: { maxTokens: 500 } });
      const body = h.fake.requests[0].body as Record<string, unknown>;
      assert.equal(body.stream, true);
      assert.deepEqual(body.stream_options, { include_usage: true });
      assert.equal(body.max_tokens, 500);
      assert.equal(body.temperature, 0.3);
      for (const name of ['stop', 'presence_penalty', 'frequency_penalty', 'reasoning_effort']) assert.ok(!(name in body), name);
    });

    it('sends x-grok-conv-id for a conversation, unless caching is disabled', async () => {
      h = await startHarness();
      await h.provider.generateResponse({ prompt: 'a', metadata: { conversationId: 'conv-7' } });
      await h.provider.generateResponse({ prompt: 'b' });
      assert.equal(h.fake.requests[0].headers['x-grok-conv-id'], 'conv-7');
      assert.equal(h.fake.requests[1].headers['x-grok-conv-id'], undefined);
      await h.close();
      h = await startHarness({ cachingEnabled: false });
      await h.provider.generateResponse({ prompt: 'a', metadata: { conversationId: 'conv-7' } });
      assert.equal(h.fake.requests[0].headers['x-grok-conv-id'], undefined);
    });

    it('maps messages, tools and tool choice to the wire', async () => {
      h = await startHarness();
      await h.provider.generateResponse({
        messages: [
          { role: 'user', content: 'read a' },
          { role: 'assistant', content: '', reasoning: 'I should read', toolCalls: [{ id: 'c1', name: 'read_file', arguments: '{"path":"a"}' }] },
          { role: 'tool', toolCallId: 'c1', content: 'file a' },
          { role: 'user', content: 'thanks' },
        ],
        options: {
          tools: [{ name: 'read_file', description: 'Reads a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } }],
          toolChoice: { name: 'read_file' },
        },
      });
      const body = h.fake.requests[0].body as { messages: unknown[]; tools: unknown; tool_choice: unknown };
      assert.deepEqual(body.messages.slice(1), [
        { role: 'user', content: 'read a' },
        {
          role: 'assistant',
          content: '',
          reasoning_content: 'I should read',
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'read_file', arguments: '{"path":"a"}' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'file a' },
        { role: 'user', content: 'thanks' },
      ]);
      assert.deepEqual(body.tools, [
        {
          type: 'function',
          function: { name: 'read_file', description: 'Reads a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } },
        },
      ]);
      assert.deepEqual(body.tool_choice, { type: 'function', function: { name: 'read_file' } });
    });
  });

  describe('results and streams', () => {
    it('returns content, reasoning, usage with cost from ticks, and timings', async () => {
      h = await startHarness();
      h.fake.enqueue({
        kind: 'answer',
        reasoning: ['Let me', ' think'],
        content: ['The ', 'answer'],
        usage: { prompt_tokens: 213, completion_tokens: 2, total_tokens: 471, completion_tokens_details: { reasoning_tokens: 256 }, prompt_tokens_details: { text_tokens: 213, cached_tokens: 192 }, cost_in_usd_ticks: 3950400 },
      });
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.equal(result.content, 'The answer');
      assert.equal(result.reasoning, 'Let me think');
      assert.equal(result.finishReason, 'stop');
      assert.equal(result.model, 'grok-code-fast-1');
      assert.deepEqual(result.usage, { promptTokens: 213, completionTokens: 2, reasoningTokens: 256, cachedTokens: 192, totalTokens: 471, costUsd: 0.00039504 });
      assert.match(result.metadata.requestId, /^[0-9a-f-]{36}$/);
      assert.ok(result.metadata.timeToFirstTokenMs !== null && result.metadata.timeToFirstTokenMs <= result.metadata.latencyMs);
    });

    it('computes the cost from the last-resort prices when the server sends no ticks and no catalogue was read', async () => {
      h = await startHarness();
      h.fake.enqueue({
        kind: 'answer',
        content: ['x'],
        usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1300, completion_tokens_details: { reasoning_tokens: 200 }, prompt_tokens_details: { text_tokens: 1000, cached_tokens: 0 }, cost_in_usd_ticks: undefined },
      });
      const { usage } = await h.provider.generateResponse({ prompt: 'q' });
      assert.ok(Math.abs(usage.costUsd - (1000 * 1.25 + 300 * 2.5) / 1e6) < 1e-12);
    });

    it('estimates usage only when the server sent none', async () => {
      h = await startHarness();
      h.fake.enqueue({ kind: 'answer', content: ['x'.repeat(40)], usage: false });
      const events = (await drain(h.provider.streamEvents({ prompt: 'q' }))).items;
      const usage = events.find((event) => event.type === 'usage');
      assert.ok(usage && usage.type === 'usage' && usage.usage.completionTokens === 10);
    });

    it('streams content text as it arrives with streamResponse', async () => {
      h = await startHarness();
      h.fake.enqueue({ kind: 'answer', reasoning: ['hidden'], content: ['a', 'b', 'c'] });
      assert.deepEqual((await drain(h.provider.streamResponse({ prompt: 'q' }))).items, ['a', 'b', 'c']);
    });

    it('streams reasoning, content, fragmented tool calls once each, usage, then done', async () => {
      h = await startHarness();
      h.fake.enqueue({
        kind: 'answer',
        reasoning: ['r'],
        content: ['Reading.'],
        toolCalls: [
          { id: 'call_1', name: 'read_file', arguments: '{"path":"src/a.ts"}', fragments: 4 },
          { id: 'call_2', name: 'search', arguments: '{"query":"x"}' },
        ],
      });
      const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q' }));
      assert.equal(error, undefined);
      assert.deepEqual(
        items.map((event) => event.type),
        ['reasoning', 'content', 'tool_call', 'tool_call', 'usage', 'done'],
      );
      const done = items.at(-1);
      assert.ok(done?.type === 'done');
      assert.deepEqual(done.result.toolCalls, [
        { id: 'call_1', name: 'read_file', arguments: '{"path":"src/a.ts"}' },
        { id: 'call_2', name: 'search', arguments: '{"query":"x"}' },
      ]);
      assert.equal(done.result.finishReason, 'tool_calls');
    });
    it('gives the same events when the whole answer arrives in one read', async () => {
      h = await startHarness();
      const answer = { kind: 'answer' as const, reasoning: ['r'], content: ['a', 'b'], toolCalls: [{ id: 'call_1', name: 'f', arguments: '{"x":1}', fragments: 3 }] };
      h.fake.enqueue({ ...answer, split: 1_000_000 }, answer);
      const types = async () => (await drain(h.provider.streamEvents({ prompt: 'q' }))).items.map((event) => (event.type === 'content' ? event.text : event.type));
      const whole = await types();
      assert.deepEqual(whole, ['reasoning', 'a', 'b', 'tool_call', 'usage', 'done']);
      assert.deepEqual(await types(), whole);
    });
  });

  describe('analytics', () => {
    it('records a success once with the feature, usage and timings', async () => {
      const analytics = recordingAnalytics();
      h = await startHarness({ analyticsTracker: analytics.analyticsTracker });
      await grantConsent(h.provider, 'u');
      const result = await h.provider.generateResponse({ prompt: 'q', metadata: { userId: 'u', feature: 'chat' } });
      assert.deepEqual(analytics.requests, [{ requestId: result.metadata.requestId, userId: 'u', feature: 'chat', model: 'grok-code-fast-1' }]);
      assert.equal(analytics.responses.length, 1);
      const [response] = analytics.responses;
      assert.equal(response.outcome, 'success');
      assert.deepEqual(response.usage, result.usage);
      assert.equal(response.latencyMs, result.metadata.latencyMs);
      assert.equal(response.timeToFirstTokenMs, result.metadata.timeToFirstTokenMs);
    });

    it('records an error once with its code, and a refusal before sending too', async () => {
      const analytics = recordingAnalytics();
      h = await startHarness({ analyticsTracker: analytics.analyticsTracker, maxRetries: 0 });
      h.fake.enqueue(scenarios.status(500));
      await assert.rejects(h.provider.generateResponse({ prompt: 'q', metadata: { feature: 'inline' } }));
      await h.provider.consentManager.revokeConsent({ userId: 'default', modelId: 'grok-code-fast-1', endpoint: h.provider.origin });
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), ConsentRequiredError);
      assert.deepEqual(
        analytics.responses.map((response) => [response.outcome, response.errorCode]),
        [
          ['error', 'api_error'],
          ['error', 'consent_required'],
        ],
      );
      assert.equal(analytics.requests[0].feature, 'inline');
      assert.equal(analytics.requests[1].feature, 'other');
    });

    it('records a request the consumer stopped reading as aborted', async () => {
      const analytics = recordingAnalytics();
      h = await startHarness({ analyticsTracker: analytics.analyticsTracker });
      h.fake.enqueue({ kind: 'answer', content: Array.from({ length: 50 }, () => 'x'), dripMs: 10 });
      for await (const text of h.provider.streamResponse({ prompt: 'q' })) if (text) break;
      assert.deepEqual(
        analytics.responses.map((response) => response.outcome),
        ['aborted'],
      );
    });
  });
});
