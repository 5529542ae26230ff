import { strict as assert } from 'node:assert';
import { ConsentRequiredError, InvalidConfigError, NetworkError } from '../../../src/provider/errors';
import { scenarios, startFakeXai, TEST_API_KEY } from '../../fake-xai';
import { grantConsent, startHarness, type Harness } from './harness';

describe('GrokCodeFast1Provider: status, models, key check, metrics, settings', function () {
  this.timeout(10_000);
  let h: Harness;
  afterEach(async () => h?.close());

  describe('getStatus', () => {
    it('reports operational from a real GET /models', async () => {
      h = await startHarness();
      const status = await h.provider.getStatus();
      assert.equal(status.operational, true);
      assert.ok(status.responseTime >= 0);
      assert.equal(status.errorRate, 0);
      assert.match(status.message, /Operational/);
      assert.deepEqual(
        h.fake.requests.map((request) => `${request.method} ${request.path}`),
        ['GET /v1/models'],
      );
    });

    it('reports an outage with the reason and the error rate of sent requests', async () => {
      h = await startHarness({ maxRetries: 0 });
      await h.provider.generateResponse({ prompt: 'q' });
      h.fake.enqueue(scenarios.status(500));
      await assert.rejects(h.provider.generateResponse({ prompt: 'q' }));
      h.fake.enqueue({ kind: 'error', status: 503, path: '/v1/models', body: { error: 'down for maintenance' } });
      const status = await h.provider.getStatus();
      assert.equal(status.operational, false);
      assert.match(status.message, /down for maintenance/);
      assert.equal(status.errorRate, 0.5);
    });
  });

  describe('listModels', () => {
    it('lists the server models', async () => {
      h = await startHarness();
      assert.deepEqual(await h.provider.listModels(), [
        { id: 'grok-code-fast-1', ownedBy: 'xai', created: 1_700_000_000 },
        { id: 'grok-4', ownedBy: 'xai', created: 1_700_000_000 },
      ]);
    });
  });

  describe('checkApiKey', () => {
    it("accepts a valid key through GET /api-key and returns xAI's redacted form", async () => {
      h = await startHarness();
      const check = await h.provider.checkApiKey();
      assert.equal(check.valid, true);
      assert.equal(check.redactedKey, 'xai-...-key');
      assert.equal(h.fake.requests[0].path, '/v1/api-key');
    });

    it('rejects a wrong key', async () => {
      h = await startHarness({ apiKey: 'xai-not-the-right-one' });
      const check = await h.provider.checkApiKey();
      assert.equal(check.valid, false);
      assert.match(check.message, /Incorrect API key/);
    });

    it('reports a blocked key as invalid', async () => {
      h = await startHarness({}, { fake: { apiKeyInfo: { api_key_blocked: true } } });
      const check = await h.provider.checkApiKey();
      assert.equal(check.valid, false);
      assert.match(check.message, /blocked/);
    });

    it('falls back to GET /models when /api-key answers 404', async () => {
      h = await startHarness({}, { fake: { apiKeyRoute: false } });
      assert.equal((await h.provider.checkApiKey()).valid, true);
      assert.deepEqual(
        h.fake.requests.map((request) => request.path),
        ['/v1/api-key', '/v1/models'],
      );
    });

    it('answers without a request when no key is set', async () => {
      h = await startHarness({ apiKey: '' });
      const check = await h.provider.checkApiKey();
      assert.equal(check.valid, false);
      assert.match(check.message, /No API key set/);
      assert.equal(h.fake.connections, 0);
    });

    it('throws when the server cannot be reached: that says nothing about the key', async () => {
      const gone = await startFakeXai();
      await gone.close();
      h = await startHarness({ endpoint: gone.url });
      await assert.rejects(h.provider.checkApiKey(), NetworkError);
    });
  });

  describe('getMetrics', () => {
    it('counts sent requests, successes, failures and tokens; a refusal before sending does not count', async () => {
      h = await startHarness({ maxRetries: 0 });
      const a = await h.provider.generateResponse({ prompt: 'one' });
      const b = await h.provider.generateResponse({ prompt: 'two' });
      h.fake.enqueue(scenarios.status(500));
      await assert.rejects(h.provider.generateResponse({ prompt: 'three' }));
      await h.provider.consentManager.revokeConsent({ userId: 'default', modelId: 'grok-code-fast-1', endpoint: h.provider.origin });
      await assert.rejects(h.provider.generateResponse({ prompt: 'four' }));
      const metrics = h.provider.getMetrics();
      assert.equal(metrics.totalRequests, 3);
      assert.equal(metrics.successfulRequests, 2);
      assert.equal(metrics.failedRequests, 1);
      assert.equal(metrics.totalTokensProcessed, a.usage.totalTokens + b.usage.totalTokens);
      assert.ok(metrics.p50Latency <= metrics.p95Latency && metrics.p95Latency <= metrics.p99Latency);
      assert.ok(metrics.averageTimeToFirstToken >= 0);
    });
  });

  describe('updateConfig', () => {
    it('uses a new API key for the next request', async () => {
      h = await startHarness({}, { fake: { apiKeys: [TEST_API_KEY, 'xai-second-key'] } });
      h.provider.updateConfig({ apiKey: 'xai-second-key' });
      await h.provider.generateResponse({ prompt: 'q' });
      assert.equal(h.fake.requests[0].headers.authorization, 'Bearer xai-second-key');
    });

    it('moves to a new endpoint', async () => {
      h = await startHarness();
      const other = await startFakeXai();
      try {
        h.provider.updateConfig({ endpoint: other.url });
        // Consent was given for the first server's origin, not this one: nothing goes there yet.
        await assert.rejects(h.provider.generateResponse({ prompt: 'q' }), ConsentRequiredError);
        assert.equal(other.connections, 0);
        await grantConsent(h.provider);
        await h.provider.generateResponse({ prompt: 'q' });
        assert.equal(other.requests.length, 1);
        assert.equal(h.fake.requests.length, 0);
      } finally {
        await other.close();
      }
    });

    it('rejects an invalid change and keeps the old settings', async () => {
      h = await startHarness();
      assert.throws(() => h.provider.updateConfig({ endpoint: 'http://example.com/v1' }), InvalidConfigError);
      assert.equal((await h.provider.generateResponse({ prompt: 'q' })).content, 'Hello from the fake Grok.');
    });

    it('refuses to change the model of a provider', async () => {
      h = await startHarness();
      assert.throws(() => h.provider.updateConfig({ model: 'grok-4' }), (error: unknown) => error instanceof InvalidConfigError && error.field === 'model');
    });
  });
});
