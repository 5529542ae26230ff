import { strict as assert } from 'node:assert';
import { InvalidConfigError } from '../../../src/provider/errors';
import { createLogger } from '../../../src/provider/logger';
import { ModelRegistry } from '../../../src/provider/registry';
import { type FakeXai, startFakeXai, TEST_API_KEY } from '../../fake-xai';
import { type RequestFinished } from '../../../src/provider/requestOutcomes';
import { scenarios } from '../../fake-xai/scenarios';
import { recordingAnalytics } from './doubles';

describe('ModelRegistry', function () {
  this.timeout(10_000);
  let fake: FakeXai;
  let registry: ModelRegistry;
  const warnings: string[] = [];
  const logger = createLogger({ level: 'warn', sink: (_level, line) => warnings.push(line) });

  beforeEach(async () => {
    fake = await startFakeXai({ apiKeys: [TEST_API_KEY, 'xai-other-key'] });
    registry = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY });
  });

  afterEach(async () => {
    await registry.dispose();
    await fake.close();
  });

  async function consent(modelId: string): Promise<void> {
    await registry.getConsentManager().recordConsent({ userId: 'default', modelId, consentGiven: true, dataUsageAcknowledged: true });
  }

  it('knows grok-code-fast-1 before talking to the server', () => {
    const [facts] = registry.listModels();
    assert.equal(facts.id, 'grok-code-fast-1');
    assert.equal(facts.contextWindow, 256_000);
    assert.equal(registry.getProvider('grok-code-fast-1').model, 'grok-code-fast-1');
  });

  it('names the known models when asked for an unknown one', () => {
    assert.throws(
      () => registry.getProvider('grok-9'),
      (error: unknown) => error instanceof InvalidConfigError && /grok-9/.test(error.message) && /grok-code-fast-1/.test(error.message),
    );
  });

  it('caches one provider per model', () => {
    assert.equal(registry.getProvider('grok-code-fast-1'), registry.getProvider('grok-code-fast-1'));
  });

  it('adds the server models on initialize, with default facts for ids it does not know', async () => {
    await registry.initialize();
    assert.deepEqual(
      registry.listModels().map((model) => [model.id, model.inferred]),
      [
        ['grok-code-fast-1', false],
        ['grok-4', true],
      ],
    );
    assert.equal(registry.getProvider('grok-4').model, 'grok-4');
  });

  it('logs and goes on when the model list cannot be loaded', async () => {
    fake.enqueue({ kind: 'error', status: 500, path: '/v1/models' });
    await registry.initialize();
    assert.equal(registry.listModels().length, 1);
    assert.ok(warnings.some((line) => /model list/.test(line)));
  });

  it('shares consent, rate limits, analytics and connections between its providers', async () => {
    await registry.refreshModels();
    const a = registry.getProvider('grok-code-fast-1');
    const b = registry.getProvider('grok-4');
    assert.equal(a.consentManager, registry.getConsentManager());
    assert.equal(b.consentManager, registry.getConsentManager());
    await consent('grok-code-fast-1');
    await consent('grok-4');
    const before = registry.getRateLimiter().check('default').remaining;
    for (let i = 0; i < 10; i++) {
      await (i % 2 === 0 ? a : b).generateResponse({ prompt: 'q', metadata: { feature: 'chat' } });
    }
    assert.ok(fake.connections <= 2, `${fake.connections} sockets for two providers`);
    assert.equal(registry.getRateLimiter().check('default').remaining, before - 10);
    assert.equal(registry.getAnalyticsTracker().getMetrics().totalRequests, 10);
  });

  it('uses a shared analytics tracker passed in', async () => {
    const analytics = recordingAnalytics();
    await registry.dispose();
    registry = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY, analyticsTracker: analytics.analyticsTracker });
    await consent('grok-code-fast-1');
    await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q' });
    assert.equal(analytics.responses.length, 1);
  });

  it('applies a new key to every provider', async () => {
    const provider = registry.getProvider('grok-code-fast-1');
    await consent('grok-code-fast-1');
    registry.updateConfig({ apiKey: 'xai-other-key' });
    await provider.generateResponse({ prompt: 'q' });
    assert.equal(fake.requests.at(-1)?.headers.authorization, 'Bearer xai-other-key');
  });

  it('moves every provider to a new endpoint', async () => {
    const provider = registry.getProvider('grok-code-fast-1');
    await consent('grok-code-fast-1');
    const other = await startFakeXai();
    try {
      registry.updateConfig({ endpoint: other.url });
      await provider.generateResponse({ prompt: 'q' });
      assert.equal(other.requests.length, 1);
    } finally {
      await other.close();
    }
  });

  describe('the request-outcome stream', () => {
    it('announces every finished request once, whatever the feature or model, with model asked and served and usage', async () => {
      await registry.refreshModels();
      await consent('grok-code-fast-1');
      await consent('grok-4');
      const events: RequestFinished[] = [];
      registry.onDidFinishRequest((event) => events.push(event));
      await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', metadata: { feature: 'chat' } });
      await registry.getProvider('grok-4').generateResponse({ prompt: 'q', metadata: { feature: 'inline' } });
      await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', metadata: { feature: 'action' } });
      assert.deepEqual(
        events.map((e) => [e.feature, e.requestedModel, e.outcome, e.sent]),
        [
          ['chat', 'grok-code-fast-1', 'success', true],
          ['inline', 'grok-4', 'success', true],
          ['action', 'grok-code-fast-1', 'success', true],
        ],
      );
      assert.ok(events.every((e) => typeof e.servedModel === 'string' && e.servedModel !== '' && (e.usage?.totalTokens ?? 0) > 0));
    });

    it("carries a server rate limit's retryAfter and the error code", async () => {
      await consent('grok-code-fast-1');
      const events: RequestFinished[] = [];
      registry.onDidFinishRequest((event) => events.push(event));
      fake.enqueue(scenarios.status(429, undefined, { 'retry-after': '7' }));
      registry.updateConfig({ maxRetries: 0 });
      await assert.rejects(registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', metadata: { feature: 'chat' } }));
      assert.equal(events.length, 1);
      assert.equal(events[0].outcome, 'error');
      assert.equal(events[0].errorCode, 'rate_limited');
      assert.equal(events[0].retryAfter, 7);
      assert.equal(events[0].servedModel, undefined);
    });

    it('announces a request refused before sending (no consent) as not sent, and a cancelled one as aborted', async () => {
      const events: RequestFinished[] = [];
      registry.onDidFinishRequest((event) => events.push(event));
      await assert.rejects(registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', metadata: { feature: 'inline' } }));
      await consent('grok-code-fast-1');
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', options: { signal: controller.signal } }));
      assert.deepEqual(
        events.map((e) => [e.feature, e.outcome, e.errorCode, e.sent]),
        [
          ['inline', 'error', 'consent_required', false],
          ['other', 'aborted', undefined, false],
        ],
      );
    });

    it('stops calling a listener once disposed, and a throwing listener does not fail the request', async () => {
      await consent('grok-code-fast-1');
      const seen: string[] = [];
      registry.onDidFinishRequest(() => {
        throw new Error('broken subscriber');
      });
      const subscription = registry.onDidFinishRequest((event) => seen.push(event.requestId));
      await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q' });
      subscription.dispose();
      await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q' });
      assert.equal(seen.length, 1);
    });
  });

  it('counts a given user once, for every provider: dayUsage reads the shared limiter', async () => {
    await registry.dispose();
    registry = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY, userId: 'install-1' });
    await registry.getConsentManager().recordConsent({ userId: 'install-1', modelId: 'grok-code-fast-1', consentGiven: true, dataUsageAcknowledged: true });
    await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', metadata: { feature: 'chat' } });
    await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', metadata: { feature: 'inline' } });
    const usage = registry.dayUsage();
    assert.equal(usage.requests, 2);
    assert.ok(usage.tokens > 0);
    assert.equal(registry.getRateLimiter().dayUsage('default').requests, 0, 'the requests were counted for the given user, not the default one');
  });

  it('validates its options', () => {
    assert.throws(() => new ModelRegistry(logger, { endpoint: 'http://example.com/v1' }), InvalidConfigError);
  });
});
