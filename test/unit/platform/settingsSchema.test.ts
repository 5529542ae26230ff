import * as assert from 'node:assert/strict';
import { parseSettings, wireApiFor } from '../../../src/platform/settingsSchema';

describe('parseSettings', () => {
  it('gives the defaults and no warning when nothing is set', () => {
    const { settings, warnings } = parseSettings({ values: {} });
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.endpoint, { profile: 'xai', baseUrl: 'https://api.x.ai/v1', wireApi: 'responses' });
    assert.equal(settings.maxTokens, 32_000);
    assert.equal(settings.temperature, undefined);
    assert.equal(settings.rateLimits.requestsPerDay, 10_000);
    assert.deepEqual(settings.models, { chat: 'grok-4.3', inline: 'auto', action: 'grok-4.3' });
    assert.deepEqual(settings.reasoningEffort, { chat: 'auto', inline: 'auto', action: 'auto' });
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

  it('reads the retired Roo Code Cloud profile as custom with no endpoint: nothing is sent anywhere', () => {
    for (const url of ['', 'https://api.roocode.com/proxy/v1', 'http://127.0.0.1:8080/v1']) {
      const { settings, warnings } = parseSettings({ values: { 'endpoint.profile': 'rooCodeCloud', 'endpoint.url': url, 'chat.model': 'xai/grok-4' } });
      assert.deepEqual(settings.endpoint, { profile: 'custom', baseUrl: null, wireApi: 'chat-completions', retiredProfile: 'rooCodeCloud' });
      assert.equal(settings.models.chat, 'xai/grok-4');
      assert.deepEqual(warnings, []);
    }
  });

  it('reads a reasoning effort per feature and warns for an unknown one', () => {
    const { settings, warnings } = parseSettings({ values: { 'chat.reasoningEffort': 'high', 'inlineCompletions.reasoningEffort': 'turbo' } });
    assert.deepEqual(settings.reasoningEffort, { chat: 'high', inline: 'auto', action: 'auto' });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /"grokCodeFast\.inlineCompletions\.reasoningEffort"/);
  });

  it('accepts a custom loopback http URL and trims the trailing slash', () => {
    const { settings, warnings } = parseSettings({ values: { 'endpoint.profile': 'custom', 'endpoint.url': 'http://127.0.0.1:11434/v1/' } });
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.endpoint, { profile: 'custom', baseUrl: 'http://127.0.0.1:11434/v1', wireApi: 'chat-completions' });
  });

  it('refuses a custom plain-http URL to another host without falling back to xAI', () => {
    const { settings, warnings } = parseSettings({ values: { 'endpoint.profile': 'custom', 'endpoint.url': 'http://10.0.0.5/v1' } });
    assert.deepEqual(settings.endpoint, { profile: 'custom', baseUrl: null, wireApi: 'chat-completions' });
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

describe('wireApiFor', () => {
  it('picks the Responses API for api.x.ai and Chat Completions elsewhere when auto', () => {
    assert.equal(wireApiFor('auto', 'https://api.x.ai/v1'), 'responses');
    assert.equal(wireApiFor('auto', 'https://API.X.AI/v1'), 'responses');
    assert.equal(wireApiFor('auto', 'https://openrouter.ai/api/v1'), 'chat-completions');
    assert.equal(wireApiFor('auto', 'http://127.0.0.1:11434/v1'), 'chat-completions');
    assert.equal(wireApiFor('auto', null), 'chat-completions');
  });

  it('keeps an explicit choice for any host', () => {
    assert.equal(wireApiFor('chat-completions', 'https://api.x.ai/v1'), 'chat-completions');
    assert.equal(wireApiFor('responses', 'http://127.0.0.1:8080/v1'), 'responses');
  });

  it('maps the setting into the endpoint', () => {
    const { settings } = parseSettings({ values: { 'endpoint.profile': 'custom', 'endpoint.url': 'http://localhost:1/v1', 'endpoint.api': 'responses' } });
    assert.equal(settings.endpoint.wireApi, 'responses');
  });
});
