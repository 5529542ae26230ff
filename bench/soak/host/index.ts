/**
 * The soak's day of work inside a real VS Code (code-server), loaded as the extension's
 * `extensionTestsPath` by `npm run bench -- --only soak --code-server`. Real time, real editors:
 * typing and VS Code's own inline-suggest trigger, the chat panel's host through the test seam,
 * selection actions with Accept or Reject, `vscode.lm` requests, a consent revoke and re-grant, a
 * Delete My Data and catalogue reads, against the soak's fake xAI server started in this host.
 * Writes one `{ report, served }` JSON file to GROK_SOAK_REPORT.
 *
 * What a real VS Code does not show is left out rather than guessed: listener counts on VS Code's
 * emitters (the stub run counts them), and documents VS Code itself keeps after their editor closes.
 */
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { startFakeXai, TEST_API_KEY, type FakeXai } from '../../../test/fake-xai';
import { analyticsFiles } from '../analyticsOnDisk';
import { countOutcome, runSoakDay } from '../daySchedule';
import { respond, ASK_SLOW, ASK_TOOL } from '../soakServerMain';
import { type SoakCheckpoint, type SoakPlan, SoakPlanSchema, type SoakReport } from '../soakProtocol';
import { soakSource } from '../soakSources';

const EXTENSION_ID = 'grok-code-fast.grok-code-fast';
const SOCKET_POOL_SIZE = 16;
const RETENTION_DAYS = 90;
/** How long VS Code may take to ask for ghost text after a trigger, or to show it. */
const ASK_WAIT_MS = 3_000;

interface ChatSeam {
  handle(message: unknown): Promise<void>;
  idle(): Promise<void>;
  readonly activeConversation: { id: string; entries: readonly { id: string }[] } | undefined;
}
interface HostApi {
  setConsentPrompt(prompt: (() => Promise<boolean>) | undefined): void;
  setNoticePrompt(prompt: (() => Promise<undefined>) | undefined): void;
  chat(): ChatSeam;
  analyticsFeatures: {
    setPrompts(dialogs: { confirmDeletion?: () => Promise<boolean> } | undefined): void;
    testing?: { deps: { analyticsStore: { dir: string } } };
  };
}

interface Day {
  plan: SoakPlan;
  fake: FakeXai;
  api: HostApi;
  analyticsDir: string;
  served: Record<string, number>;
  outcomes: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (day: Day, outcome: string) => countOutcome(day.outcomes, outcome);

/** The extension host runs without --expose-gc: V8's flag turned on here gives the same gc(). */
function forcedGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
const gc = forcedGc();

/** Polls `done` until it holds (true) or `ms` pass (false). */
async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(5);
  }
  return true;
}

/** Moves the fake's recorded requests into per-route counts: the day keeps no request bodies. */
function drainServed(day: Day): void {
  for (const request of day.fake.requests) day.served[request.path] = (day.served[request.path] ?? 0) + 1;
  day.fake.requests.length = 0;
}

/** The extension's sockets: those connected to the fake server (the fake's own ends are not ours). */
function clientSockets(port: number): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((handle) => handle instanceof net.Socket && handle.remotePort === port).length;
}

async function checkpoint(day: Day, done: number): Promise<SoakCheckpoint> {
  drainServed(day);
  gc();
  gc();
  const analytics = await analyticsFiles(day.analyticsDir);
  return {
    done,
    heapUsedBytes: process.memoryUsage().heapUsed,
    sockets: clientSockets(Number(new URL(day.fake.url).port)),
    timers: process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length,
    openDocuments: vscode.workspace.textDocuments.filter((doc) => doc.uri.scheme === 'file').length,
    analyticsBytes: analytics.bytes,
    analyticsDays: analytics.days.size,
  };
}

async function inlineRequest(day: Day, editor: vscode.TextEditor, index: number): Promise<void> {
  const asked = day.fake.requests.length;
  // 'q' starts no suggestion the fake gives, so each keystroke needs a new answer (typing into a
  // shown suggestion is served without a request, and the driver would wait for one in vain).
  await vscode.commands.executeCommand('type', { text: index % 5 === 0 ? '\n  ' : 'q' });
  await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
  const askedNow = await waitUntil(() => day.fake.requests.length > asked, ASK_WAIT_MS);
  if (index % day.plan.cancelEvery === 0) {
    // The user types on before the answer: VS Code cancels the request it made.
    await vscode.commands.executeCommand('type', { text: 'w' });
    count(day, 'inline: typed on');
    return;
  }
  // No request: the extension answered from what it already had, or VS Code did not ask.
  if (!askedNow) return count(day, 'inline: no request');
  count(day, 'inline: asked');
  if (index % 3 !== 0) return;
  // Tab as soon as the ghost text shows: commit does nothing until then.
  const before = editor.document.version;
  const deadline = performance.now() + ASK_WAIT_MS;
  while (editor.document.version === before && performance.now() < deadline) {
    await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
    await sleep(20);
  }
  if (editor.document.version > before) count(day, 'inline: accepted');
}

async function chatTurn(day: Day, chat: ChatSeam, turn: number): Promise<void> {
  const slow = turn % 7 === 3;
  await chat.handle({ type: 'send', text: `Question ${turn}: how does this work? ${turn % 3 === 0 ? ASK_TOOL : ''}${slow ? ASK_SLOW : ''}`, chips: [] });
  if (slow) {
    await sleep(200);
    await chat.handle({ type: 'stop' });
    count(day, 'chat: stopped');
  }
  await chat.idle();
  count(day, 'chat: answered');
  if (turn % 9 === 4) {
    // Regenerate names the answer it replaces: the last one.
    await chat.handle({ type: 'regenerate', messageId: chat.activeConversation?.entries.at(-1)?.id });
    await chat.idle();
    count(day, 'chat: regenerated');
  }
}

async function action(day: Day, index: number, editor: vscode.TextEditor): Promise<void> {
  editor.selection = new vscode.Selection(0, 0, Math.min(3, editor.document.lineCount - 1), 0);
  const names = ['refactor', 'addErrorHandling', 'generateDocs', 'fix'];
  const before = editor.document.version;
  await vscode.commands.executeCommand(`grokCodeFast.${names[index % names.length]}`);
  await vscode.commands.executeCommand(index % 2 === 0 ? 'grokCodeFast.acceptProposal' : 'grokCodeFast.rejectProposal');
  count(day, editor.document.version > before ? 'action: accepted' : 'action: rejected or refused');
}

async function lmRequest(day: Day, index: number, history: vscode.LanguageModelChatMessage[]): Promise<void> {
  const [model] = await vscode.lm.selectChatModels({ vendor: 'grok' });
  if (!model) throw new Error('soak: VS Code’s chat lists no Grok model');
  history.push(vscode.LanguageModelChatMessage.User(`VS Code chat question ${index}`));
  const cancel = new vscode.CancellationTokenSource();
  let text = '';
  try {
    const response = await model.sendRequest(history.slice(-9), {}, cancel.token);
    for await (const piece of response.text) text += piece;
    count(day, 'lm: answered');
  } catch {
    count(day, 'lm: refused');
  } finally {
    cancel.dispose();
  }
  history.push(vscode.LanguageModelChatMessage.Assistant(text || '…'));
}

async function openDocument(root: string, index: number): Promise<vscode.TextEditor> {
  const doc = soakSource(index);
  const file = path.join(root, doc.path);
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Written once: a document the day comes back to keeps its file (rewriting it under VS Code's model makes saves fail).
  await fs.writeFile(file, doc.text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
  editor.selection = new vscode.Selection(5, 0, 5, 0);
  return editor;
}

async function runDay(plan: SoakPlan, reportPath: string): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) throw new Error('soak: no workspace folder open');
  const extension = vscode.extensions.getExtension<HostApi>(EXTENSION_ID);
  const api = await extension?.activate();
  if (!api?.analyticsFeatures.testing) throw new Error(`soak: ${EXTENSION_ID} exports no test seams`);
  const fake = await startFakeXai({ host: '127.0.0.1', apiKeys: [TEST_API_KEY] });
  fake.setDefault({ kind: 'handler', handle: respond });
  const config = vscode.workspace.getConfiguration('grokCodeFast');
  const user = vscode.ConfigurationTarget.Global;
  await config.update('endpoint.profile', 'custom', user);
  await config.update('endpoint.url', fake.url, user);
  for (const [key, value] of Object.entries({ requestsPerMinute: 10_000, requestsPerHour: 100_000, requestsPerDay: 1_000_000, tokensPerMinute: 100_000_000, tokensPerDay: 1_000_000_000 })) {
    await config.update(`rateLimits.${key}`, value, user);
  }
  api.setConsentPrompt(async () => true);
  api.setNoticePrompt(async () => undefined);
  api.analyticsFeatures.setPrompts({ confirmDeletion: async () => true });
  await vscode.commands.executeCommand('grokCodeFast.setApiKey', TEST_API_KEY);
  const chat = api.chat();
  await chat.handle({ type: 'consent', granted: true });
  const day: Day = { plan, fake, api, analyticsDir: api.analyticsFeatures.testing.deps.analyticsStore.dir, served: {}, outcomes: {} };
  await sleep(1_000);
  const afterActivation = await checkpoint(day, 0);

  const conversations: string[] = [];
  const grantConsent = () => chat.handle({ type: 'consent', granted: true });
  const figures = await runSoakDay<vscode.TextEditor, vscode.LanguageModelChatMessage>(
    plan,
    {
      openDocument: (index) => openDocument(root, index),
      inlineRequest: (editor, index) => inlineRequest(day, editor, index),
      // Real time: the next keystroke follows at once.
      pause: async () => undefined,
      action: (editor, index) => action(day, index, editor),
      closeDocument: async () => {
        // Closed unsaved, as a scratch edit is: the next day's documents start from their text.
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        drainServed(day);
      },
      newConversation: async () => {
        // A history switch: open an older conversation, then start a new one.
        if (conversations.length > 1) {
          await chat.handle({ type: 'openConversation', id: conversations[0] });
          count(day, 'chat: history switch');
        }
        await chat.handle({ type: 'newChat' });
      },
      chatTurn: async (turn) => {
        await chatTurn(day, chat, turn);
        const id = chat.activeConversation?.id;
        if (id && !conversations.includes(id)) conversations.push(id);
      },
      lmRequest: (index, history) => lmRequest(day, index, history),
      // A new key (the same value) reads the catalogue again, as any key change does.
      refreshCatalogue: async () => void (await vscode.commands.executeCommand('grokCodeFast.setApiKey', TEST_API_KEY)),
      revokeConsent: async () => void (await vscode.commands.executeCommand('grokCodeFast.revokeConsent')),
      deleteMyData: async () => void (await vscode.commands.executeCommand('grokCodeFast.deleteMyData')),
      grantConsent,
      checkpoint: (done) => checkpoint(day, done),
    },
    day.outcomes,
  );
  const report: SoakReport = { ok: true, plan, afterActivation, ...figures, outcomes: day.outcomes, socketPoolSize: SOCKET_POOL_SIZE, retentionDays: RETENTION_DAYS };
  await fake.close();
  await fs.writeFile(reportPath, JSON.stringify({ report, served: day.served }));
}

/** Entry VS Code calls as the extension tests: resolves when the day is done and its report written. */
export async function run(): Promise<void> {
  const reportPath = process.env.GROK_SOAK_REPORT;
  if (!reportPath) throw new Error('GROK_SOAK_REPORT is not set');
  try {
    await runDay(SoakPlanSchema.parse(JSON.parse(process.env.GROK_SOAK_PLAN ?? '')), reportPath);
  } catch (error) {
    const failed: SoakReport = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    await fs.writeFile(reportPath, JSON.stringify({ report: failed, served: {} }));
  }
}
