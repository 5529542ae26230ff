import { strict as assert } from 'node:assert';
import { BudgetExceededError, ConsentRequiredError, InvalidConfigError, ModelNotServedError } from '../../../src/provider/errors';
import { SpendBudget } from '../../../src/provider/limits';
import { type RequestFinished } from '../../../src/provider/requestOutcomes';
import { createLogger } from '../../../src/provider/logger';
import { ModelRegistry } from '../../../src/provider/registry';
import { type FakeXai, LATE_2026_SERVED_BY, startFakeXai, TEST_API_KEY } from '../../fake-xai';
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

  async function consent(modelId: string, url = fake.url): Promise<void> {
    await registry.getConsentManager().recordConsent({ userId: 'default', modelId, endpoint: new URL(url).origin, consentGiven: true, dataUsageAcknowledged: true });
  }

  it('hands its spend budget to every provider: one cap over every model and feature, nothing sent past it', async () => {
    const budget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 0 });
    const capped = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY, spendBudget: budget });
    try {
      await capped.initialize();
      for (const name of ['grok-4.3', 'grok-4.5']) {
        await capped.getConsentManager().recordConsent({ userId: 'default', modelId: name, endpoint: new URL(fake.url).origin, consentGiven: true, dataUsageAcknowledged: true });
      }
      await capped.getProvider('grok-4.3').generateResponse({ prompt: 'q', metadata: { feature: 'chat' } });
      await capped.getProvider('grok-4.5').generateResponse({ prompt: 'q', metadata: { feature: 'inline' } });
      const spent = budget.snapshot().dayUsd;
      assert.ok(spent > 0, 'both answers were charged to the one budget');
      budget.setLimits({ dailyUsd: spent, monthlyUsd: 0 });
      const sent = fake.requests.length;
      for (const [name, feature] of [['grok-4.3', 'health'], ['grok-4.5', 'inline'], ['grok-4.3', 'other']] as const) {
        await assert.rejects(capped.getProvider(name).generateResponse({ prompt: 'q', metadata: { feature } }), BudgetExceededError, `${name} ${feature}`);
      }
      assert.equal(fake.requests.length, sent, 'nothing was sent past the cap');
    } finally {
      await capped.dispose();
    }
  });

  it('caches one provider per model', () => {
    registry.restore(undefined);
    assert.equal(registry.getProvider('grok-4.3'), registry.getProvider('grok-4.3'));
  });

  it('refuses getProvider before it was initialised (a wiring bug, not a user error)', () => {
    assert.throws(() => registry.getProvider('grok-4.3'), /before initialize\(\) or restore\(\)/);
  });

  it('reads the catalogue from GET /v1/language-models: every id and alias gets a provider', async () => {
    const snapshot = await registry.initialize();
    assert.equal(snapshot?.source, 'language-models');
    assert.deepEqual(
      registry.listModels().map((model) => model.id),
      ['grok-4.3', 'grok-4.5', 'grok-4.6', 'grok-4.7', 'grok-4.20-0309-non-reasoning'],
    );
    for (const name of ['grok-4.3', 'grok-4.3-latest', 'grok-4.5', 'grok-4.20-non-reasoning']) {
      await consent(name);
      const result = await registry.getProvider(name).generateResponse({ prompt: 'q', metadata: { feature: 'chat' } });
      assert.equal(result.content, 'Hello from the fake Grok.', name);
    }
    assert.equal(registry.canonicalId('grok-4.3-latest'), 'grok-4.3');
  });

  it('gives an unlisted id a provider with default facts: the server judges, and its 404 says the model is not served', async () => {
    await registry.initialize();
    const provider = registry.getProvider('grok-9');
    assert.equal(provider.modelFacts.inferred, true);
    await consent('grok-9');
    await assert.rejects(
      provider.generateResponse({ prompt: 'q' }),
      (error: unknown) => error instanceof ModelNotServedError && error.model === 'grok-9' && /"grok-9" is not served by this endpoint/.test(error.message) && /Select Model/.test(error.message),
    );
  });

  it('falls back to GET /v1/models on servers without /v1/language-models', async () => {
    await fake.close();
    await registry.dispose();
    fake = await startFakeXai({ languageModelsRoute: false, models: ['llama-3', 'grok-code-fast-1'] });
    registry = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY });
    const snapshot = await registry.initialize();
    assert.equal(snapshot?.source, 'models');
    assert.deepEqual(
      registry.listModels().map((model) => [model.id, model.inferred]),
      [
        ['llama-3', true],
        ['grok-code-fast-1', false],
      ],
    );
    await consent('llama-3');
    assert.equal((await registry.getProvider('llama-3').generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
  });

  it('logs and keeps the last-resort facts when the model list cannot be loaded', async () => {
    fake.enqueue({ kind: 'error', status: 500, path: '/v1/language-models' });
    assert.equal(await registry.initialize(), undefined);
    assert.equal(registry.listModels().length, 0);
    assert.equal(registry.factsFor('grok-code-fast-1').pricing?.inputPerMillion, 1.25);
    assert.ok(warnings.some((line) => /model list/.test(line)));
  });

  it('restores a stored snapshot for an offline start, only for the same endpoint', async () => {
    const snapshot = await registry.initialize();
    const offline = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY });
    const elsewhere = new ModelRegistry(logger, { endpoint: 'https://other.example/v1', apiKey: TEST_API_KEY });
    const broken = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY });
    try {
      assert.equal(offline.restore(JSON.parse(JSON.stringify(snapshot))), true);
      assert.equal(offline.factsFor('grok-4.3-latest').id, 'grok-4.3');
      assert.equal(elsewhere.restore(snapshot), false);
      assert.equal(elsewhere.listModels().length, 0);
      assert.equal(broken.restore({ version: 2 }), false);
      assert.ok(warnings.some((line) => /stored model list is not valid/.test(line)));
      // Initialised either way: providers work with last-resort facts.
      assert.equal(elsewhere.getProvider('grok-4.3').model, 'grok-4.3');
    } finally {
      await Promise.all([offline.dispose(), elsewhere.dispose(), broken.dispose()]);
    }
  });

  it("prices a request at the served model's catalogue rates when the server sends no cost", async () => {
    await fake.close();
    await registry.dispose();
    fake = await startFakeXai({ servedBy: { 'grok-code-fast-1': 'grok-4.7' } });
    registry = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY });
    await registry.initialize();
    await consent('grok-code-fast-1');
    const usage = { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1300, completion_tokens_details: { reasoning_tokens: 200 }, prompt_tokens_details: { text_tokens: 1000, cached_tokens: 500 } };
    fake.enqueue({ kind: 'answer', content: ['x'], usage: { ...usage, cost_in_usd_ticks: undefined } });
    const result = await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q' });
    assert.equal(result.model, 'grok-4.7');
    // grok-4.7: 20000 / 5000 / 60000 ticks a token.
    assert.ok(Math.abs(result.usage.costUsd - (500 * 20000 + 500 * 5000 + 300 * 60000) / 1e10) < 1e-12, String(result.usage.costUsd));
    fake.enqueue({ kind: 'answer', content: ['x'], usage: { ...usage, cost_in_usd_ticks: 1234 } });
    assert.equal((await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q' })).usage.costUsd, 1234 / 1e10);
  });

  it('tells listeners which model served each request, and why one failed', async () => {
    await fake.close();
    await registry.dispose();
    fake = await startFakeXai({ servedBy: LATE_2026_SERVED_BY, retired: ['grok-4'] });
    registry = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY });
    await registry.initialize();
    const events: RequestFinished[] = [];
    registry.onDidFinishRequest((event) => events.push(event));
    for (const name of ['grok-code-fast-1', 'grok-4.3-latest', 'grok-4']) await consent(name);
    await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', metadata: { feature: 'inline' } });
    await registry.getProvider('grok-4.3-latest').generateResponse({ prompt: 'q', metadata: { feature: 'chat' } });
    await assert.rejects(registry.getProvider('grok-4').generateResponse({ prompt: 'q', metadata: { feature: 'action' } }), ModelNotServedError);
    assert.deepEqual(
      events.map((event) => [event.feature, event.requestedModel, event.servedModel, event.failure instanceof ModelNotServedError]),
      [
        ['inline', 'grok-code-fast-1', 'grok-4.3', false],
        ['chat', 'grok-4.3-latest', 'grok-4.3', false],
        ['action', 'grok-4', undefined, true],
      ],
    );
  });

  it('sends a reasoning effort only to models whose catalogue lists it; inline defaults to the lowest', async () => {
    await registry.dispose();
    registry = new ModelRegistry(logger, { endpoint: fake.url, apiKey: TEST_API_KEY, reasoningEffort: { chat: 'high', inline: 'auto' } });
    await registry.initialize();
    for (const name of ['grok-4.3', 'grok-4.20-0309-non-reasoning', 'grok-code-fast-1']) await consent(name);
    const sent = async (model: string, feature: 'chat' | 'inline' | 'action') => {
      await registry.getProvider(model).generateResponse({ prompt: 'q', metadata: { feature } });
      return (fake.requests.at(-1)?.body as { reasoning_effort?: string }).reasoning_effort;
    };
    assert.equal(await sent('grok-4.3', 'chat'), 'high');
    assert.equal(await sent('grok-4.3', 'inline'), 'none');
    assert.equal(await sent('grok-4.3', 'action'), undefined);
    assert.equal(await sent('grok-4.20-0309-non-reasoning', 'chat'), undefined);
    assert.equal(await sent('grok-code-fast-1', 'inline'), undefined);
  });

  it('shares consent, rate limits, analytics and connections between its providers', async () => {
    await registry.initialize();
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
    registry.restore(undefined);
    await consent('grok-code-fast-1');
    await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q' });
    assert.equal(analytics.responses.length, 1);
  });

  it('applies a new key to every provider', async () => {
    registry.restore(undefined);
    const provider = registry.getProvider('grok-code-fast-1');
    await consent('grok-code-fast-1');
    registry.updateConfig({ apiKey: 'xai-other-key' });
    await provider.generateResponse({ prompt: 'q' });
    assert.equal(fake.requests.at(-1)?.headers.authorization, 'Bearer xai-other-key');
  });

  it('moves every provider to a new endpoint', async () => {
    registry.restore(undefined);
    const provider = registry.getProvider('grok-code-fast-1');
    await consent('grok-code-fast-1');
    const other = await startFakeXai();
    try {
      registry.updateConfig({ endpoint: other.url });
      // Consent is per endpoint origin: the new server is asked for nothing until the user consents to it.
      await assert.rejects(provider.generateResponse({ prompt: 'q' }), ConsentRequiredError);
      assert.equal(other.connections, 0);
      await consent('grok-code-fast-1', other.url);
      await provider.generateResponse({ prompt: 'q' });
      assert.equal(other.requests.length, 1);
    } finally {
      await other.close();
    }
  });

  describe('the request-outcome stream', () => {
    it('announces every finished request once, whatever the feature or model, with model asked and served and usage', async () => {
      await registry.initialize();
      await consent('grok-code-fast-1');
      await consent('grok-4.3');
      const events: RequestFinished[] = [];
      registry.onDidFinishRequest((event) => events.push(event));
      await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', metadata: { feature: 'chat' } });
      await registry.getProvider('grok-4.3').generateResponse({ prompt: 'q', metadata: { feature: 'inline' } });
      await registry.getProvider('grok-code-fast-1').generateResponse({ prompt: 'q', metadata: { feature: 'action' } });
      assert.deepEqual(
        events.map((e) => [e.feature, e.requestedModel, e.outcome, e.sent]),
        [
          ['chat', 'grok-code-fast-1', 'success', true],
          ['inline', 'grok-4.3', 'success', true],
          ['action', 'grok-code-fast-1', 'success', true],
        ],
      );
      assert.ok(events.every((e) => typeof e.servedModel === 'string' && e.servedModel !== '' && (e.usage?.totalTokens ?? 0) > 0));
    });

    it("carries a server rate limit's retryAfter and the error code", async () => {
      registry.restore(undefined);
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
      registry.restore(undefined);
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
      registry.restore(undefined);
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
    registry.restore(undefined);
    await registry
      .getConsentManager()
      .recordConsent({ userId: 'install-1', modelId: 'grok-code-fast-1', endpoint: new URL(fake.url).origin, consentGiven: true, dataUsageAcknowledged: true });
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
