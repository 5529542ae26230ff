import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { grokApi, grokConfig, waitFor, type GrokTestApi } from './support/extensionApi';

const Global = vscode.ConfigurationTarget.Global;

describe('settings', () => {
  let api: GrokTestApi;

  before(async () => {
    api = await grokApi();
  });

  afterEach(async () => {
    await grokConfig().update('maxTokens', undefined, Global);
    await grokConfig().update('rateLimits.requestsPerMinute', undefined, Global);
    await grokConfig().update('endpoint.profile', undefined, Global);
    await grokConfig().update('endpoint.url', undefined, Global);
    await vscode.workspace.getConfiguration('http').update('proxy', undefined, Global);
    await waitFor(() => api.settingsWarnings().length === 0, 'the warnings to clear');
  });

  it('replaces a bad value by its default and warns, naming the setting and the default', async () => {
    await grokConfig().update('maxTokens', 50_000, Global);
    const warning = await waitFor(() => api.settingsWarnings().find((w) => w.includes('"grokCodeFast.maxTokens"')), 'the maxTokens warning');
    assert.match(warning, /50000/);
    assert.match(warning, /using 32000 instead/);
    assert.equal(api.settings().maxTokens, 32_000);
    assert.ok(api.logLines().some((line) => line.includes('"grokCodeFast.maxTokens"')), 'the warning is not in the log');
  });

  it('keeps the other settings when one is bad', async () => {
    await grokConfig().update('maxTokens', 1000, Global);
    await grokConfig().update('rateLimits.requestsPerMinute', -1, Global);
    await waitFor(() => api.settingsWarnings().some((w) => w.includes('requestsPerMinute')), 'the rate-limit warning');
    assert.equal(api.settings().maxTokens, 1000);
  });

  it('refuses a plain-http custom endpoint off this machine instead of sending elsewhere', async () => {
    await grokConfig().update('endpoint.profile', 'custom', Global);
    await grokConfig().update('endpoint.url', 'http://example.com/v1', Global);
    await waitFor(() => api.settingsWarnings().some((w) => w.includes('"grokCodeFast.endpoint.url"')), 'the endpoint warning');
    assert.deepEqual(api.settings().endpoint, { profile: 'custom', baseUrl: null, wireApi: 'chat-completions' });
  });

  it("honours VS Code's http.proxy", async () => {
    await vscode.workspace.getConfiguration('http').update('proxy', 'http://127.0.0.1:3128', Global);
    const proxy = await waitFor(() => api.settings().proxy, 'the proxy setting');
    assert.equal(proxy.url, 'http://127.0.0.1:3128');
  });
});
