import { strict as assert } from 'node:assert';
import { endpointProblem, parseConfig, providerConfigSchema } from '../../../src/provider/config';
import { InvalidConfigError } from '../../../src/provider/errors';
import { DEFAULT_RATE_LIMITS } from '../../../src/provider/limits';

function fieldOf(input: unknown): string | undefined {
  try {
    parseConfig(providerConfigSchema, input);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof InvalidConfigError);
    assert.equal(error.code, 'invalid_config');
    assert.ok(error.message.includes(error.field ?? '?'), 'the message names the field');
    return error.field;
  }
}

describe('provider configuration', () => {
  it('fills the defaults', () => {
    const config = parseConfig(providerConfigSchema, { endpoint: 'https://api.x.ai/v1', apiKey: '' });
    assert.equal(config.model, 'grok-code-fast-1');
    assert.equal(config.maxTokens, 32_000);
    assert.equal(config.timeoutMs, 30_000);
    assert.equal(config.idleTimeoutMs, 60_000);
    assert.equal(config.maxRetries, 2);
    assert.equal(config.rateLimitingEnabled, true);
    assert.equal(config.cachingEnabled, true);
  });

  it('names the bad field', () => {
    const base = { endpoint: 'https://api.x.ai/v1', apiKey: '' };
    assert.equal(fieldOf({ ...base, maxTokens: 32_001 }), 'maxTokens');
    assert.equal(fieldOf({ ...base, temperature: 3 }), 'temperature');
    assert.equal(fieldOf({ ...base, rateLimits: { ...DEFAULT_RATE_LIMITS, requestsPerMinute: 0 } }), 'rateLimits.requestsPerMinute');
    assert.equal(fieldOf({ ...base, proxy: { url: 'socks://x' } }), 'proxy.url');
    assert.equal(fieldOf({ ...base, consentManager: {} }), 'consentManager');
    assert.equal(fieldOf({ endpoint: 'https://api.x.ai/v1' }), 'apiKey');
    assert.equal(fieldOf(base), undefined);
  });

  it('a partial rateLimits takes the defaults for the limits it leaves out (the document names five of six)', () => {
    const documented = { requestsPerMinute: 30, requestsPerHour: 500, requestsPerDay: 5000, tokensPerMinute: 50000, concurrentRequests: 5 };
    const config = parseConfig(providerConfigSchema, { endpoint: 'https://api.x.ai/v1', apiKey: '', rateLimits: documented });
    assert.deepEqual(config.rateLimits, { ...documented, tokensPerDay: DEFAULT_RATE_LIMITS.tokensPerDay });
    assert.deepEqual(parseConfig(providerConfigSchema, { endpoint: 'https://api.x.ai/v1', apiKey: '', rateLimits: {} }).rateLimits, DEFAULT_RATE_LIMITS);
    assert.equal(fieldOf({ endpoint: 'https://api.x.ai/v1', apiKey: '', rateLimits: { tokensPerDay: 1.5 } }), 'rateLimits.tokensPerDay');
  });

  it('accepts https anywhere and plain http only on loopback hosts', () => {
    for (const ok of ['https://api.x.ai/v1', 'http://127.0.0.1:8080/v1', 'http://127.1.2.3/v1', 'http://localhost:11434/v1', 'http://[::1]:9/v1']) {
      assert.equal(endpointProblem(ok), undefined, ok);
    }
    for (const bad of ['http://api.x.ai/v1', 'http://10.0.0.1/v1', 'http://127.0.0.1.example.com/v1', 'ftp://api.x.ai', 'api.x.ai/v1']) {
      assert.ok(endpointProblem(bad), bad);
    }
    assert.equal(fieldOf({ endpoint: 'http://api.x.ai/v1', apiKey: 'k' }), 'endpoint');
  });
});
