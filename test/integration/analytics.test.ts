/**
 * Issue 6's commands inside real VS Code. Needs the extension's activate() to return
 * `{ analyticsFeatures }` (the handle from registerAnalyticsFeatures); its `testing` seam (present in
 * ExtensionMode.Test) gives the deps to seed and inspect data, and `setPrompts` answers the dialogs.
 */
import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './support/extensionApi';
import type { ErasureResult } from '../../src/dataRights/personalDataEraser';
import type { AnalyticsFeatures } from '../../src/report/registerAnalyticsFeatures';

type AnalyticsFeatureDeps = NonNullable<AnalyticsFeatures['testing']>['deps'];

const EXTENSION_ID = 'grok-code-fast.grok-code-fast';
const USER = 'integration-user';
const MODEL = 'grok-code-fast-1';
const ORIGIN = 'https://api.x.ai';

/** True when every array anywhere in the value is empty (the chat history's shape is the chat's business). */
function holdsNothing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(holdsNothing);
  return true;
}

describe('analytics, data rights and health commands', () => {
  let features: AnalyticsFeatures;
  let deps: AnalyticsFeatureDeps;
  let scratch: string;
  let requestNumber = 0;

  async function seed(): Promise<void> {
    await deps.consentManager.recordConsent({ userId: USER, modelId: MODEL, endpoint: ORIGIN, consentGiven: true, dataUsageAcknowledged: true });
    for (let i = 0; i < 3; i++) {
      const requestId = `integration-${requestNumber++}`;
      deps.tracker.trackRequest({ requestId, userId: USER, feature: 'chat', model: MODEL });
      await deps.tracker.trackResponse({ requestId, outcome: 'success', latencyMs: 800 + i, timeToFirstTokenMs: 200 });
    }
  }

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension not found');
    const api = (await extension.activate()) as { analyticsFeatures?: AnalyticsFeatures } | undefined;
    assert.ok(api?.analyticsFeatures?.testing, 'activate() returns { analyticsFeatures } with its test seam');
    features = api.analyticsFeatures;
    deps = api.analyticsFeatures.testing.deps;
    scratch = await mkdtemp(join(tmpdir(), 'grok-analytics-it-'));
  });

  after(async () => {
    features?.setPrompts(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['showPerformanceReport', 'exportAnalytics', 'exportMyData', 'deleteMyData', 'checkHealth']) {
      assert.ok(commands.includes(`grokCodeFast.${command}`), command);
    }
  });

  it('opens the Performance Report in a webview tab', async () => {
    await vscode.commands.executeCommand('grokCodeFast.showPerformanceReport');
    const reportTab = () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === 'Grok Performance');
    await waitFor(reportTab, 'the Performance Report tab');
  });

  it('exports analytics as CSV through the save dialog', async () => {
    await seed();
    const target = vscode.Uri.file(join(scratch, 'analytics.csv'));
    features.setPrompts({ chooseAnalyticsExport: async () => ({ span: 7, format: 'csv' }), chooseSaveLocation: async () => target });
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('grokCodeFast.exportAnalytics');
    assert.equal(written?.fsPath, target.fsPath);
    const lines = (await readFile(target.fsPath, 'utf8')).trimEnd().split('\r\n');
    assert.match(lines[0], /^kind,v,time,timeIso,feature,model,requestId/);
    assert.ok(lines.length >= 4, 'a header and the seeded events');
  });

  it('deletes nothing when Delete My Data is not confirmed', async () => {
    await seed();
    features.setPrompts({ confirmDeletion: async () => false });
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.deleteMyData'), undefined);
    assert.ok((await deps.consentManager.listConsents()).length > 0);
    assert.ok((await deps.tracker.generatePerformanceReport()).totalRequests > 0);
  });

  it('Delete My Data, once confirmed, leaves no analytics, chat history or consent behind', async () => {
    await seed();
    let asked = 0;
    features.setPrompts({
      confirmDeletion: async () => {
        asked += 1;
        return true;
      },
    });
    const result = await vscode.commands.executeCommand<ErasureResult>('grokCodeFast.deleteMyData');
    assert.equal(asked, 1, 'asked for confirmation first');
    assert.deepEqual(result?.failed, []);

    assert.deepEqual(await deps.consentManager.listConsents(), []);
    assert.equal(await deps.consentManager.hasConsent({ userId: USER, modelId: MODEL, endpoint: ORIGIN }), false);
    assert.equal((await deps.tracker.generatePerformanceReport()).totalRequests, 0);
    assert.ok(holdsNothing(await deps.exportChatHistory()), 'chat history is empty');
    const dir = (deps.analyticsStore as { dir?: unknown }).dir;
    if (typeof dir === 'string') assert.deepEqual(await readdir(dir), [], 'the analytics directory is empty');

    // Export My Data afterwards has nothing to show.
    const target = vscode.Uri.file(join(scratch, 'my-data.json'));
    features.setPrompts({ chooseSaveLocation: async () => target });
    await vscode.commands.executeCommand('grokCodeFast.exportMyData');
    const exported = JSON.parse(await readFile(target.fsPath, 'utf8')) as { consents: unknown[]; analytics: { events: unknown[] }; chatHistory: unknown };
    assert.deepEqual(exported.consents, []);
    assert.deepEqual(exported.analytics.events, []);
    assert.ok(holdsNothing(exported.chatHistory));
  });
});
