import { strict as assert } from 'node:assert';
import { EMPTY_ANSWER_MESSAGE } from '../../../src/provider/client/streamAssembler';
import { AbortError, ApiError, AuthenticationError, NetworkError, RateLimitError, TimeoutError } from '../../../src/provider/errors';
import { scenarios } from '../../fake-xai';
import { drain, startHarness, waitUntil, type Harness } from './harness';

const status = scenarios.status;

describe('GrokCodeFast1Provider: failures, retries, cancellation and timeouts', function () {
  this.timeout(10_000);
  let h: Harness;
  afterEach(async () => h?.close());

  describe('retries', () => {
    it('retries 5xx with exponential backoff and jitter, then succeeds', async () => {
      h = await startHarness();
      h.fake.enqueue(status(503), status(500));
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.equal(result.content, 'Hello from the fake Grok.');
      assert.equal(h.fake.requests.length, 3);
      assert.deepEqual(h.sleeps, [375, 750]);
    });

    it("retries a 429 after the server's Retry-After", async () => {
      h = await startHarness();
      h.fake.enqueue(status(429, undefined, { 'retry-after': '2' }));
      await h.provider.generateResponse({ prompt: 'q' });
      assert.deepEqual(h.sleeps, [2000]);
      assert.equal(h.fake.requests.length, 2);
    });

    it('retries a 429 without Retry-After by backoff, and gives up as RateLimitError', async () => {
      h = await startHarness();
      h.fake.enqueue(status(429), status(429), status(429));
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
        return error instanceof RateLimitError && !error.quotaExhausted && error.retryAfter > 0;
      });
      assert.equal(h.fake.requests.length, 3);
      assert.deepEqual(h.sleeps, [375, 750]);
    });

    it('does not retry a 429 about credits or the spending limit', async () => {
      h = await startHarness();
      h.fake.enqueue(scenarios.creditsExhausted());
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => error instanceof RateLimitError && error.quotaExhausted);
      assert.equal(h.fake.requests.length, 1);
    });

    for (const code of [400, 401, 403, 404, 415, 422]) {
      it(`never retries ${code}`, async () => {
        h = await startHarness();
        h.fake.enqueue(status(code));
        await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
          return error instanceof AuthenticationError || (error instanceof ApiError && error.status === code);
        });
        assert.equal(h.fake.requests.length, 1);
        assert.deepEqual(h.sleeps, []);
      });
    }

    it("retries xAI's HTTP 200 with a JSON error body", async () => {
      h = await startHarness();
      h.fake.enqueue(scenarios.errorIn200());
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
      assert.equal(h.fake.requests.length, 2);
    });

    it('stops after maxRetries (default 2) with the server error', async () => {
      h = await startHarness();
      h.fake.enqueue(status(500), status(502), status(503), status(504));
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => error instanceof ApiError && error.status === 503);
      assert.equal(h.fake.requests.length, 3);
    });

    it('honours maxRetries 0', async () => {
      h = await startHarness({ maxRetries: 0 });
      h.fake.enqueue(status(503));
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), ApiError);
      assert.equal(h.fake.requests.length, 1);
    });

    it('never retries once content reached the caller', async () => {
      h = await startHarness();
      h.fake.enqueue({ kind: 'answer', content: ['partial ', 'answer'], cutAfterEvents: 1 });
      const { items, error } = await drain(h.provider.streamResponse({ prompt: 'q' }));
      assert.deepEqual(items, ['partial ']);
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(h.fake.requests.length, 1);
    });

    it('retries an empty answer once, then succeeds', async () => {
      h = await startHarness();
      h.fake.enqueue(scenarios.empty());
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
      assert.equal(h.fake.requests.length, 2);
    });

    it('reports a repeated empty answer as an ApiError', async () => {
      h = await startHarness();
      h.fake.enqueue(scenarios.empty(), scenarios.empty());
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
        return error instanceof ApiError && error.code === 'api_error' && error.message === EMPTY_ANSWER_MESSAGE;
      });
      assert.equal(h.fake.requests.length, 2);
    });
  });

  describe('server errors as xAI sends them', () => {
    it('maps a wrong API key (xAI: HTTP 400) to AuthenticationError without echoing the key', async () => {
      h = await startHarness({ apiKey: 'xai-wrongwrongwrong' });
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
        return error instanceof AuthenticationError && /Incorrect API key/.test(error.message) && !error.message.includes('wrongwrong');
      });
    });

    it('maps an unknown model (404) to an ApiError saying so', async () => {
      h = await startHarness({ model: 'grok-nonexistent' });
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
        return error instanceof ApiError && error.status === 404 && /unknown model or wrong URL/.test(error.message);
      });
    });

    it('reports malformed JSON in the stream as ApiError', async () => {
      h = await startHarness();
      h.fake.enqueue({ kind: 'answer', content: ['a'], malformedAfterEvents: 1 });
      const { items, error } = await drain(h.provider.streamResponse({ prompt: 'q' }));
      assert.deepEqual(items, ['a']);
      assert.ok(error instanceof ApiError);
    });
  });

  describe('cancellation', () => {
    it('closes the stream at once when the signal aborts', async () => {
      h = await startHarness();
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

    it('closes the socket when the consumer stops in the middle of a read', async () => {
      h = await startHarness();
      h.fake.enqueue({
        kind: 'handler',
        handle: (_request, res) => {
          // Fifty events in one write, then silence: the consumer's break falls inside one batch.
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(Array.from({ length: 50 }, (_, i) => `data: {"choices":[{"index":0,"delta":{"content":"${i} "}}]}\n\n`).join(''));
        },
      });
      const received: string[] = [];
      for await (const text of h.provider.streamResponse({ prompt: 'q' })) {
        received.push(text);
        if (received.length === 3) break;
      }
      assert.deepEqual(received, ['0 ', '1 ', '2 ']);
      await waitUntil(() => h.fake.openConnections === 0, 1000);
    });

    it('does not send a request whose signal is already aborted', async () => {
      h = await startHarness();
      await assert.rejects(h.provider.generateResponse({ prompt: 'q', options: { signal: AbortSignal.abort() } }), AbortError);
      assert.equal(h.fake.connections, 0);
    });

    it('cancels the wait between retries', async () => {
      const controller = new AbortController();
      h = await startHarness({}, { deps: { retry: { sleep: (_ms, signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new AbortError()))) } } });
      h.fake.enqueue(status(503));
      const pending = h.provider.generateResponse({ prompt: 'q', options: { signal: controller.signal } });
      await waitUntil(() => h.fake.requests.length === 1);
      controller.abort();
      await assert.rejects(pending, AbortError);
      assert.equal(h.fake.requests.length, 1);
    });
  });

  describe('timeouts', () => {
    it('ends a stream that stalls mid-way in TimeoutError, never a hang', async () => {
      h = await startHarness({ idleTimeoutMs: 150 });
      h.fake.enqueue({ kind: 'answer', content: ['a', 'b', 'c'], stallAfterEvents: 2 });
      const { items, error } = await drain(h.provider.streamResponse({ prompt: 'q' }));
      assert.deepEqual(items, ['a', 'b']);
      assert.ok(error instanceof TimeoutError, String(error));
    });

    it('ends in TimeoutError when no headers come within timeoutMs', async () => {
      h = await startHarness({ timeoutMs: 150, maxRetries: 0 });
      h.fake.enqueue({ kind: 'answer', content: ['late'], headersDelayMs: 3000 });
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), TimeoutError);
    });

    it('waits through a slow first token that stays within the idle timeout', async () => {
      h = await startHarness({ idleTimeoutMs: 2000 });
      h.fake.enqueue({ kind: 'answer', content: ['slow'], latencyMs: 300 });
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.equal(result.content, 'slow');
      assert.ok((result.metadata.timeToFirstTokenMs ?? 0) >= 250);
    });
  });
});
