import { strict as assert } from 'node:assert';
import { ConsentRequiredError, InvalidConfigError } from '../../../src/provider/errors';
import { createLogger } from '../../../src/provider/logger';
import { ModelRegistry } from '../../../src/provider/registry';
import { type FakeXai, startFakeXai, TEST_API_KEY } from '../../fake-xai';
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

  it('validates its options', () => {
    assert.throws(() => new ModelRegistry(logger, { endpoint: 'http://example.com/v1' }), InvalidConfigError);
  });
});
