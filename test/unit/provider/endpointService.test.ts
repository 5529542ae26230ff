import { strict as assert } from 'node:assert';
import { EndpointService, RooCodeCloudService, type EndpointServiceConfig } from '../../../src/provider/endpointService';
import { InvalidConfigError } from '../../../src/provider/errors';
import { createLogger } from '../../../src/provider/logger';
import { type FakeXai, startFakeXai, TEST_API_KEY } from '../../fake-xai';

describe('EndpointService (the document\'s Cloud Service Configuration, for the configured endpoint)', function () {
  this.timeout(10_000);
  let fake: FakeXai;
  let service: EndpointService | undefined;
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (level, line) => lines.push(`${level} ${line}`) });

  beforeEach(async () => {
    lines.length = 0;
    fake = await startFakeXai();
  });

  afterEach(async () => {
    await service?.dispose();
    service = undefined;
    await fake.close();
  });

  function start(config: EndpointServiceConfig = {}, rateLimits?: { requestsPerMinute: number }): EndpointService {
    service = new EndpointService(logger, { endpoint: fake.url, apiKey: TEST_API_KEY, ...config }, { rateLimits });
    return service;
  }

  /** One chat request through the service's registry, consent given for its endpoint. */
  async function ask(s: EndpointService, conversationId?: string): Promise<void> {
    s.registry.restore(undefined);
    const provider = s.registry.getProvider('grok-code-fast-1');
    await provider.consentManager.recordConsent({ userId: 'default', modelId: provider.model, consentGiven: true, dataUsageAcknowledged: true });
    await provider.generateResponse({ prompt: 'q', metadata: { conversationId } });
  }

  it('getHealthStatus times a real GET /models: healthy with the key, unavailable (and why) without a valid one', async () => {
    const healthy = await start().getHealthStatus();
    assert.equal(healthy.success, true);
    assert.equal(healthy.data?.status, 'healthy');
    assert.ok(Number.isInteger(healthy.data?.latencyMs) && (healthy.data?.latencyMs ?? -1) >= 0);
    assert.equal(healthy.error, undefined);
    assert.deepEqual(fake.requests.map((r) => [r.method, r.path, r.headers.authorization]), [['GET', '/v1/models', `Bearer ${TEST_API_KEY}`]]);
    await service?.dispose();
    const wrongKey = await start({ apiKey: 'xai-wrong' }).getHealthStatus();
    assert.equal(wrongKey.success, false);
    assert.equal(wrongKey.data?.status, 'unavailable');
    assert.ok(wrongKey.error && wrongKey.error.length > 0);
  });

  it('features.monitoring false: getHealthStatus sends nothing and says checks are off', async () => {
    const health = await start({ features: { monitoring: false } }).getHealthStatus();
    assert.deepEqual(health, { success: false, error: 'Health checks are off (features.monitoring is false).' });
    assert.equal(fake.requests.length, 0);
  });

  it('features.analytics false: the registry keeps no analytics', async () => {
    const s = start({ features: { analytics: false } });
    await ask(s);
    assert.equal((await s.registry.getAnalyticsTracker().generatePerformanceReport()).totalRequests, 0);
    await service?.dispose();
    const on = start();
    await ask(on);
    assert.equal((await on.registry.getAnalyticsTracker().generatePerformanceReport()).totalRequests, 1);
  });

  it('features.logging false: only warnings and errors reach the logger', async () => {
    const s = start({ features: { logging: false } });
    s.registry.restore({ not: 'a snapshot' }); // warns
    await ask(s); // logs at debug
    assert.ok(lines.length > 0 && lines.every((line) => line.startsWith('warn ') || line.startsWith('error ')), lines.join('\n'));
  });

  it('features.caching false: no conversation id is sent', async () => {
    await ask(start({ features: { caching: false } }), 'conv-1');
    await service?.dispose();
    await ask(start(), 'conv-1');
    const sent = fake.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.headers['x-grok-conv-id']);
    assert.deepEqual(sent, [undefined, 'conv-1']);
  });

  it('features.rateLimiting false: the local limits are not applied', async () => {
    const s = start({ features: { rateLimiting: false } }, { requestsPerMinute: 1 });
    await ask(s);
    await ask(s);
    await service?.dispose();
    const limited = start({}, { requestsPerMinute: 1 });
    await ask(limited);
    await assert.rejects(ask(limited), { name: 'RateLimitError' });
  });

  it('accepts region and environment (they do nothing), refuses an unknown feature naming it, and is RooCodeCloudService', () => {
    assert.ok(start({ region: 'us-west-2', environment: 'production' }) instanceof EndpointService);
    assert.throws(
      () => new EndpointService(logger, { endpoint: fake.url, features: { telemetry: true } as never }),
      (error: unknown) => error instanceof InvalidConfigError && /features/.test(error.field ?? ''),
    );
    assert.equal(RooCodeCloudService, EndpointService);
  });
});
