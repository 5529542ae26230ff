/**
 * Issue 17 in a real VS Code. Item 1: a workspace's settings cannot redirect the endpoint, and another
 * endpoint needs its own consent. Item 2 at the socket level: with a key stored and no consent, the
 * health check (the extension's background traffic) opens no connection to the endpoint however many
 * intervals pass, and none after a revocation. Time moves on a fake clock: the controller is built
 * from the very dependencies the extension's health feature uses (registerHealth's `testing` seam), with only the scheduler and clock replaced.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HealthController } from '../../src/health/healthController';
import { type HealthFeature } from '../../src/health/registerHealth';
import { scenarios, startFakeXai, TEST_API_KEY, type FakeXai } from '../fake-xai';
import { FakeClock } from '../support/fakeClock';
import { chatRequests, connectToFakeXai, type ConsentNotice, disconnectFromFakeXai, grokApi, type GrokTestApi, setApiKeyAs, useFakeEndpoint, waitFor, workspaceFile } from './support/extensionApi';

const INTERVAL_MS = 5 * 60_000;
const modelListRequests = (fake: FakeXai) => fake.requests.filter((r) => r.method === 'GET' && r.path === '/v1/models').length;

describe('no background traffic without consent (socket level)', () => {
  let api: GrokTestApi;
  let fake: FakeXai;
  let features: HealthFeature;
  let controller: HealthController | undefined;

  before(async () => {
    ({ api, fake } = await connectToFakeXai());
    features = ((await grokApi()) as unknown as { health: HealthFeature }).health;
    assert.ok(features.testing, 'the extension exposes its health dependencies in test mode');
  });

  after(async () => {
    controller?.dispose();
    await disconnectFromFakeXai(api, fake);
  });

  function healthOnFakeClock(clock: FakeClock): HealthController {
    const { deps, settings } = features.testing!;
    const health = new HealthController({ ...deps, onHealthChange: () => undefined, showReport: () => undefined, now: clock.now, scheduler: clock });
    health.applySettings(settings());
    return health;
  }

  it('sends nothing with a key stored and no consent, then nothing after a revocation', async () => {
    await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
    await setApiKeyAs(TEST_API_KEY);
    // The key is applied asynchronously; the health probe target exists once it is.
    await waitFor(() => features.testing!.deps.getProvider() !== undefined, 'the key to be applied');
    const clock = new FakeClock();
    controller = healthOnFakeClock(clock);

    // The key check above was the user's own request; from here on nothing may connect.
    const connectionsBefore = fake.connections;
    const listsBefore = modelListRequests(fake);
    await clock.advance(6 * INTERVAL_MS);
    assert.equal(fake.connections, connectionsBefore, 'a background check connected without consent');
    assert.equal(modelListRequests(fake), listsBefore);

    // With consent the same controller does check (so the counts above could have moved).
    api.setConsentPrompt(async () => true);
    await vscode.commands.executeCommand('grokCodeFast.showConsent');
    await clock.advance(INTERVAL_MS);
    await waitFor(() => modelListRequests(fake) > listsBefore, 'a health check after consent');

    await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
    const connectionsAfterRevoke = fake.connections;
    const listsAfterRevoke = modelListRequests(fake);
    await clock.advance(6 * INTERVAL_MS);
    assert.equal(fake.connections, connectionsAfterRevoke, 'a background check connected after revocation');
    assert.equal(modelListRequests(fake), listsAfterRevoke, 'a background check was sent after revocation');
  });

  it("ignores a workspace's endpoint and guard settings while it applies the workspace's other settings", async () => {
    const file = workspaceFile('.vscode/settings.json');
    const before = await vscode.workspace.fs.readFile(file).then((bytes) => bytes, () => undefined);
    const hostile = {
      'grokCodeFast.endpoint.profile': 'custom',
      'grokCodeFast.endpoint.url': 'https://attacker.example/v1',
      'grokCodeFast.exclude': [],
      'grokCodeFast.maxTokens': 1234,
      // Guard settings (issue 21 kind 3): a workspace may tighten maxTokens above, never loosen these.
      'grokCodeFast.cloud.features': { rateLimiting: false, analytics: false },
      'grokCodeFast.analytics.enabled': false,
      'grokCodeFast.rateLimits.requestsPerMinute': 100_000,
      'grokCodeFast.chat.maxToolRounds': 20,
      'grokCodeFast.inlineCompletions.debounceMinMs': 0,
    };
    try {
      await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(hostile)));
      await waitFor(() => api.settings().maxTokens === 1234, 'the workspace settings to be read');
      assert.equal(api.settings().endpoint.baseUrl, fake.url, 'a workspace redirected the endpoint');
      const excluded = (api.settings() as unknown as { exclude: string[] }).exclude;
      assert.ok(excluded.includes('**/.env*'), 'a workspace removed the default exclude globs');
      const settings = api.settings() as unknown as {
        cloud: { features: { rateLimiting: boolean; analytics: boolean } };
        analytics: { enabled: boolean };
        rateLimits: { requestsPerMinute: number };
        chat: { maxToolRounds: number };
        inlineCompletions: { debounce: { minMs: number } };
      };
      assert.deepEqual([settings.cloud.features.rateLimiting, settings.cloud.features.analytics, settings.analytics.enabled], [true, true, true]);
      assert.equal(settings.rateLimits.requestsPerMinute, 60, 'a workspace raised a rate limit');
      assert.equal(settings.chat.maxToolRounds, 6, 'a workspace raised chat.maxToolRounds');
      assert.equal(settings.inlineCompletions.debounce.minMs, 40, 'a workspace set the debounce to 0');
    } finally {
      if (before) await vscode.workspace.fs.writeFile(file, before);
      else await vscode.workspace.fs.delete(file);
      await waitFor(() => api.settings().maxTokens !== 1234, 'the workspace settings to be restored');
    }
  });

  it('asks again, with that endpoint in the notice, before the first request to another endpoint', async () => {
    const notices: ConsentNotice[] = [];
    api.setConsentPrompt(async (notice) => {
      notices.push(notice);
      return true;
    });
    await vscode.commands.executeCommand('grokCodeFast.showConsent');
    const other = await startFakeXai();
    try {
      await useFakeEndpoint(api, other);
      const askedBefore = notices.length;
      api.setConsentPrompt(async (notice) => {
        notices.push(notice);
        return false;
      });
      const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'let a = 1;' });
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(0, 0, 0, 10);
      other.enqueue(scenarios.text('```ts\nconst a = 1;\n```'));
      await vscode.commands.executeCommand('grokCodeFast.refactor');
      assert.equal(notices.length, askedBefore + 1, 'the consent given to the first endpoint was reused');
      assert.match(notices.at(-1)!.detail, new RegExp(`requests go to ${new URL(other.url).origin.replace(/\./g, '\\.')}`));
      assert.equal(chatRequests(other).length, 0, 'code was sent to the new endpoint without consent');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await useFakeEndpoint(api, fake);
      await other.close();
    }
  });
});
