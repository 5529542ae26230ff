import * as assert from 'node:assert/strict';
import { modelIdFor, parseSettings } from '../../../src/platform/settingsSchema';

describe('parseSettings', () => {
  it('gives the defaults and no warning when nothing is set', () => {
    const { settings, warnings } = parseSettings({ values: {} });
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.endpoint, { profile: 'xai', baseUrl: 'https://api.x.ai/v1' });
    assert.equal(settings.maxTokens, 32_000);
    assert.equal(settings.temperature, undefined);
    assert.equal(settings.rateLimits.requestsPerDay, 10_000);
    assert.deepEqual(settings.models, { chat: 'grok-code-fast-1', inline: 'grok-code-fast-1', action: 'grok-code-fast-1' });
    assert.equal(settings.cloud.features.logging, true);
    assert.equal(settings.proxy, undefined);
  });

  it('keeps valid values', () => {
    const { settings, warnings } = parseSettings({
      values: { maxTokens: 1000, temperature: 0.2, 'rateLimits.requestsPerMinute': 5, 'analytics.enabled': false, exclude: ['**/a', ' '] },
    });
    assert.deepEqual(warnings, []);
    assert.equal(settings.maxTokens, 1000);
    assert.equal(settings.temperature, 0.2);
    assert.equal(settings.rateLimits.requestsPerMinute, 5);
    assert.equal(settings.analytics.enabled, false);
    assert.deepEqual(settings.exclude, ['**/a']);
  });

  it('replaces max tokens over 32,000 by the default and names the setting in a warning', () => {
    const { settings, warnings } = parseSettings({ values: { maxTokens: 50_000 } });
    assert.equal(settings.maxTokens, 32_000);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /"grokCodeFast\.maxTokens"/);
    assert.match(warnings[0], /50000/);
    assert.match(warnings[0], /using 32000 instead/);
  });

  it('warns for each bad value separately, never throwing', () => {
    const { settings, warnings } = parseSettings({
      values: { 'rateLimits.requestsPerMinute': -3, 'endpoint.profile': 'openai', 'cloud.features': { logging: 'no' }, temperature: 5 },
    });
    assert.equal(settings.rateLimits.requestsPerMinute, 60);
    assert.equal(settings.endpoint.profile, 'xai');
    assert.equal(settings.cloud.features.logging, true);
    assert.equal(settings.temperature, undefined);
    assert.equal(warnings.length, 4);
    assert.ok(warnings.some((w) => w.includes('"grokCodeFast.rateLimits.requestsPerMinute"') && w.includes('using 60')));
    assert.ok(warnings.some((w) => w.includes('"grokCodeFast.endpoint.profile"') && w.includes('using "xai"')));
    assert.ok(warnings.some((w) => w.includes('"grokCodeFast.cloud.features"')));
  });

  it('fills the cloud features left out of a partial object', () => {
    const { settings, warnings } = parseSettings({ values: { 'cloud.features': { logging: false } } });
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.cloud.features, { analytics: true, monitoring: true, logging: false, caching: true, rateLimiting: true });
  });

  it('maps Roo Code Cloud to its URL and vendor-prefixed model ids', () => {
    const { settings } = parseSettings({ values: { 'endpoint.profile': 'rooCodeCloud', 'chat.model': 'xai/grok-4' } });
    assert.equal(settings.endpoint.baseUrl, 'https://api.roocode.com/proxy/v1');
    assert.equal(settings.models.inline, 'xai/grok-code-fast-1');
    assert.equal(settings.models.chat, 'xai/grok-4');
  });

  it('accepts a custom loopback http URL and trims the trailing slash', () => {
    const { settings, warnings } = parseSettings({ values: { 'endpoint.profile': 'custom', 'endpoint.url': 'http://127.0.0.1:11434/v1/' } });
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.endpoint, { profile: 'custom', baseUrl: 'http://127.0.0.1:11434/v1' });
  });

  it('refuses a custom plain-http URL to another host without falling back to xAI', () => {
    const { settings, warnings } = parseSettings({ values: { 'endpoint.profile': 'custom', 'endpoint.url': 'http://10.0.0.5/v1' } });
    assert.deepEqual(settings.endpoint, { profile: 'custom', baseUrl: null });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /"grokCodeFast\.endpoint\.url"/);
  });

  it('replaces a debounce minimum above the maximum with both defaults', () => {
    const { settings, warnings } = parseSettings({ values: { 'inlineCompletions.debounceMinMs': 900, 'inlineCompletions.debounceMaxMs': 100 } });
    assert.deepEqual(settings.inlineCompletions.debounce, { minMs: 40, maxMs: 400 });
    assert.equal(warnings.length, 1);
  });

  it("reads VS Code's proxy settings", () => {
    assert.deepEqual(parseSettings({ values: {}, httpProxy: 'http://proxy:3128', httpProxyStrictSSL: false }).settings.proxy, {
      url: 'http://proxy:3128',
      strictSSL: false,
    });
    const bad = parseSettings({ values: {}, httpProxy: 'not a url' });
    assert.equal(bad.settings.proxy, undefined);
    assert.match(bad.warnings[0], /"http\.proxy"/);
  });

  it('passes http.proxyAuthorization on to the proxy', () => {
    const { settings } = parseSettings({ values: {}, httpProxy: 'http://proxy:3128', httpProxyAuthorization: 'Basic dTpw' });
    assert.deepEqual(settings.proxy, { url: 'http://proxy:3128', strictSSL: true, authorization: 'Basic dTpw' });
  });

  it('uses HTTPS_PROXY / HTTP_PROXY from the environment when http.proxy is empty, unless NO_PROXY names the host', () => {
    const environment = { HTTPS_PROXY: 'http://corp-proxy:8080', HTTP_PROXY: 'http://plain-proxy:80' };
    assert.equal(parseSettings({ values: {}, httpProxy: '', environment }).settings.proxy?.url, 'http://corp-proxy:8080');
    assert.equal(parseSettings({ values: {}, httpProxy: 'http://set:1', environment }).settings.proxy?.url, 'http://set:1');
    const bypass = { ...environment, NO_PROXY: 'localhost,.x.ai' };
    assert.equal(parseSettings({ values: {}, environment: bypass }).settings.proxy, undefined);
  });
});

describe('modelIdFor', () => {
  it('prefixes only for Roo Code Cloud', () => {
    assert.equal(modelIdFor('xai', 'grok-code-fast-1'), 'grok-code-fast-1');
    assert.equal(modelIdFor('rooCodeCloud', 'grok-code-fast-1'), 'xai/grok-code-fast-1');
  });
});
