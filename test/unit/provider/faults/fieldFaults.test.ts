/**
 * The stream faults of issue 11, each as the exact bytes reported from the field plus one instance
 * per kind made up here, through the whole provider against the fake server.
 */
import { strict as assert } from 'node:assert';
import {
  ApiError,
  isGrokError,
  NetworkError,
  RateLimitError,
  type GrokError,
} from '../../../../src/provider/errors';
import { type StreamEvent, type ToolCall } from '../../../../src/provider/types';
import { connectionFailures, inStreamErrors, leniency, rateLimitHints, sse, toolCallKeys, webPages } from '../../../fake-xai/fieldFaults';
import { contentOf, drain, startHarness, type Harness } from '../harness';

function toolCallsOf(events: StreamEvent[]): ToolCall[] {
  return events.flatMap((event) => (event.type === 'tool_call' ? [event.call] : []));
}

function grokError(error: unknown): GrokError {
  assert.ok(isGrokError(error), `expected a GrokError, got ${String(error)}`);
  return error;
}

describe('field faults (issue 11) through the provider', function () {
  this.timeout(10_000);
  let h: Harness;
  afterEach(async () => h?.close());

  describe('kind 1: an error inside the stream is an error, never a success', () => {
    it('the report: an error chunk with finish_reason "error" after half an answer, then [DONE]', async () => {
      h = await startHarness();
      h.fake.enqueue(inStreamErrors.example);
      const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q' }));
      assert.equal(contentOf(items), 'Here is the first half of the ');
      assert.ok(!items.some((event) => event.type === 'done'));
      const failure = grokError(error);
      assert.ok(failure instanceof ApiError && failure.status === 502, String(failure));
      assert.match(failure.message, /Provider disconnected/);
      assert.deepEqual(failure.partial, { content: 'Here is the first half of the ', reasoning: '' });
      assert.equal(h.fake.requests.length, 1, 'never retried once text reached the caller');
    });

    it('an error object next to empty choices', async () => {
      h = await startHarness();
      h.fake.enqueue(inStreamErrors.besideEmptyChoices);
      const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q' }));
      assert.equal(contentOf(items), 'Partial ');
      assert.match(grokError(error).message, /Upstream overloaded/);
      assert.equal(grokError(error).partial?.content, 'Partial ');
    });

    it('finish_reason "error" alone, even with a usage chunk and [DONE] after it', async () => {
      h = await startHarness();
      h.fake.enqueue(inStreamErrors.finishReasonError);
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
        return error instanceof ApiError && /finish_reason "error"/.test(error.message) && error.partial?.content === 'Some text';
      });
    });

    it("xAI's error shape in the middle of a stream", async () => {
      h = await startHarness();
      h.fake.enqueue(inStreamErrors.xaiShape);
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), /Internal error during token generation/);
    });

    it('an error before any text reached the caller is retried like a 5xx', async () => {
      h = await startHarness();
      h.fake.enqueue({ kind: 'raw', body: sse('{"error":{"code":503,"message":"No capacity"},"choices":[]}', '[DONE]') });
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
      assert.equal(h.fake.requests.length, 2);
    });
  });

  describe('kind 2: tool calls are assembled by index and id', () => {
    it('the report: two whole calls both sent with index 0 stay two calls', async () => {
      h = await startHarness();
      h.fake.enqueue(toolCallKeys.example);
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.deepEqual(result.toolCalls, [
        { id: 'call_a', name: 'read_file', arguments: '{"path":"a.ts"}' },
        { id: 'call_b', name: 'list_directory', arguments: '{"path":"."}' },
      ]);
      assert.equal(result.finishReason, 'tool_calls');
    });

    it('fragments without an index follow the last id seen', async () => {
      h = await startHarness();
      h.fake.enqueue(toolCallKeys.noIndex);
      const { items } = await drain(h.provider.streamEvents({ prompt: 'q' }));
      assert.deepEqual(toolCallsOf(items), [
        { id: 'call_x', name: 'search_text', arguments: '{"query":"TODO"}' },
        { id: 'call_y', name: 'get_diagnostics', arguments: '{}' },
      ]);
    });
  });

  describe('kind 3: lenient where harmless, strict where it matters', () => {
    it('the report: finish_reason "" beside a tool call, a usage chunk and no [DONE] is a complete answer', async () => {
      h = await startHarness();
      h.fake.enqueue(leniency.example);
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.deepEqual(result.toolCalls, [{ id: 'call_1', name: 'read_file', arguments: '{"path":"src/a.ts"}' }]);
      assert.equal(result.finishReason, 'tool_calls');
      assert.equal(result.usage.promptTokens, 120);
    });

    it('unknown extra fields and null usage counts do not fail a stream', async () => {
      h = await startHarness();
      h.fake.enqueue(leniency.extrasAndNulls);
      const result = await h.provider.generateResponse({ prompt: 'q' });
      assert.equal(result.content, 'Hi there');
      assert.equal(result.finishReason, 'stop');
      assert.deepEqual([result.usage.promptTokens, result.usage.completionTokens, result.usage.reasoningTokens], [9, 2, 0]);
    });

    it('a stream that simply stops mid-answer stays a NetworkError with the partial text kept', async () => {
      h = await startHarness();
      h.fake.enqueue(leniency.stopsMidAnswer);
      const { items, error } = await drain(h.provider.streamEvents({ prompt: 'q' }));
      assert.equal(contentOf(items), 'The answer is forty');
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(error.partial?.content, 'The answer is forty');
      assert.equal(h.fake.requests.length, 1);
    });
  });

  describe('kind 4: every rate-limit hint is read', () => {
    it('the report: retry-after-ms 20000 is waited for (cancellable), then retried', async () => {
      h = await startHarness();
      h.fake.enqueue(rateLimitHints.example);
      await h.provider.generateResponse({ prompt: 'q' });
      assert.deepEqual(h.sleeps, [20_000]);
      assert.equal(h.fake.requests.length, 2);
    });

    it('the report, with waits capped lower: 20 s is reported, not 5', async () => {
      h = await startHarness({}, { deps: { retry: { maxRetryAfterMs: 10_000 } } });
      h.fake.enqueue(rateLimitHints.example);
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => error instanceof RateLimitError && error.retryAfter === 20);
      assert.deepEqual(h.sleeps, []);
    });

    it('x-ratelimit-reset-requests "1.5s" is waited for', async () => {
      h = await startHarness();
      h.fake.enqueue(rateLimitHints.resetRequests);
      await h.provider.generateResponse({ prompt: 'q' });
      assert.deepEqual(h.sleeps, [1500]);
    });

    it('x-ratelimit-reset-tokens "6m0s" is reported as 360 s without a retry', async () => {
      h = await startHarness();
      h.fake.enqueue(rateLimitHints.resetTokens);
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => error instanceof RateLimitError && error.retryAfter === 360);
      assert.equal(h.fake.requests.length, 1);
    });
  });

  describe('kind 5: a body that is neither JSON nor an event stream gives a readable message', () => {
    it("the report: a Cloudflare 502 page gives the status and the page's title, never markup", async () => {
      h = await startHarness({ maxRetries: 0 });
      h.fake.enqueue(webPages.example);
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.message, 'The server failed (502): the endpoint answered with a web page titled "api.x.ai | 502: Bad gateway"');
        assert.doesNotMatch(`${error.message} ${error.serverMessage}`, /[<>]/);
        return true;
      });
    });

    it("nginx's 503 page, retried like any 503", async () => {
      h = await startHarness();
      h.fake.enqueue(webPages.nginx503);
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
      assert.match(h.logLines.join('\n'), /503 Service Temporarily Unavailable/);
    });

    it('a 200 web page (captive portal) says so, and is not retried', async () => {
      h = await startHarness();
      h.fake.enqueue(webPages.captivePortal);
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.match(error.message, /answered with a web page titled "Guest Wi-Fi – Sign in", not an event stream/);
        return true;
      });
      assert.equal(h.fake.requests.length, 1);
    });
  });

  describe('kind 6: transient connection failures before any byte are retried', () => {
    for (const [name, scenario] of Object.entries(connectionFailures)) {
      it(`${name}: retried, then the answer comes`, async () => {
        h = await startHarness();
        h.fake.enqueue(scenario);
        assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
        assert.equal(h.fake.requests.length, 2);
        assert.equal(h.sleeps.length, 1);
      });
    }

    it('a reset after text reached the caller is never retried', async () => {
      h = await startHarness();
      h.fake.enqueue({
        kind: 'handler',
        handle: (_request, res) => {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(sse('{"choices":[{"index":0,"delta":{"content":"Half"}}]}'));
          setTimeout(() => res.socket?.resetAndDestroy(), 20);
        },
      });
      const { items, error } = await drain(h.provider.streamResponse({ prompt: 'q' }));
      assert.deepEqual(items, ['Half']);
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(h.fake.requests.length, 1);
    });
  });
});
