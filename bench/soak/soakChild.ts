/**
 * Child-process entry of the soak (`node --expose-gc soakChild.js`): one extension host for a day
 * of work. Loads dist/extension.js with the soak's workbench as `vscode`, on a fake clock
 * (@sinonjs/fake-timers: timers and Date, so debounces, health checks, retention and the daily jobs
 * run on simulated time while sockets keep real time), and drives the real composition root
 * through the plan against the soak's fake xAI server. Measures at fixed points after a forced GC
 * and sends one SoakReport to the parent.
 */
import FakeTimers from '@sinonjs/fake-timers';
import { promises as fs } from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { createExtensionContext } from '../activation/vscodeStub';
import { type Stub } from '../activation/permissive';
import { ASK_SLOW, ASK_TOOL } from './soakServerMain';
import { analyticsFiles } from './analyticsOnDisk';
import { countOutcome, runSoakDay } from './daySchedule';
import { soakSource } from './soakSources';
import { type SoakCheckpoint, type SoakPlan, SoakPlanSchema, type SoakReport } from './soakProtocol';
import { type TextDocumentModel } from './textModel';
import { createWorkbench, type Editor, type Workbench } from './workbench';

const HOUR_MS = 3_600_000;
/** grokCodeFast.inlineCompletions.debounceMaxMs's default. */
const DEBOUNCE_MAX_MS = 400;
const SOCKET_POOL_SIZE = 16;
const RETENTION_DAYS = 90;
/** The first simulated day starts here (a fixed local midnight keeps every run the same). */
const DAY_START = Date.UTC(2026, 11, 7, 6, 0, 0);

type Api = {
  setConsentPrompt(dialog: ((notice: unknown) => Promise<boolean>) | undefined): void;
  setNoticePrompt(prompt: (() => Promise<undefined>) | undefined): void;
  logLines(): readonly string[];
};

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

interface Day {
  plan: SoakPlan;
  clock: ReturnType<typeof FakeTimers.install>;
  bench: Workbench;
  api: Api;
  storage: string;
  outcomes: Record<string, number>;
  /** Closed documents, held weakly: those that survive a GC are held by the extension. */
  closed: WeakRef<TextDocumentModel>[];
}

const count = (day: Day, outcome: string) => countOutcome(day.outcomes, outcome);

// Captured before the fake clock is installed: waiting for sockets is done in real time.
const realSetTimeout = globalThis.setTimeout;
const REAL_WAIT_LIMIT_MS = 60_000;

/**
 * Waits in real time until `done()`. Simulated time never runs ahead of a request in flight (its
 * time-outs would fire on answers still on their way); it moves only between the user's steps.
 */
async function settle(day: Day, done: () => boolean, what: string): Promise<void> {
  const until = performance.now() + REAL_WAIT_LIMIT_MS;
  while (!done()) {
    if (performance.now() > until) throw new Error(`soak: ${what} did not happen (log: ${day.api.logLines().slice(-5).join(' | ')})`);
    await new Promise((resolve) => realSetTimeout(resolve, 1));
  }
}

async function checkpoint(day: Day, done: number): Promise<SoakCheckpoint> {
  await day.clock.tickAsync(0);
  gc();
  gc();
  const resources = process.getActiveResourcesInfo();
  const analytics = await analyticsFiles(day.storage);
  return {
    done,
    heapUsedBytes: process.memoryUsage().heapUsed,
    sockets: resources.filter((name) => name === 'TCPSocketWrap').length,
    timers: day.clock.countTimers(),
    listeners: day.bench.listenerCounts(),
    openDocuments: day.bench.openDocuments(),
    closedDocumentsHeld: day.closed.filter((ref) => ref.deref() !== undefined).length,
    analyticsBytes: analytics.bytes,
    analyticsDays: analytics.days.size,
  };
}

/** Types `text` at the cursor, one character per edit, as a user does. */
function typeAt(day: Day, editor: Editor, text: string): void {
  const { Range } = day.bench.classes;
  for (const char of text) {
    const at = editor.selection.active;
    day.bench.edit(editor.document, new Range(at, at), char);
  }
}

async function inlineRequest(day: Day, editor: Editor, index: number): Promise<void> {
  const provider = day.bench.inlineProviders[0] as { provideInlineCompletionItems: (...args: unknown[]) => Promise<{ insertText: string }[] | undefined> };
  typeAt(day, editor, index % 5 === 0 ? '\n  ' : 'v');
  const cancel = day.bench.cancellation();
  const context = { triggerKind: index % 10 === 0 ? 0 : 1, selectedCompletionInfo: undefined };
  const asked = provider.provideInlineCompletionItems(editor.document, editor.selection.active, context, cancel.token);
  let result: { insertText: string }[] | undefined;
  let finished = false;
  void asked.then(
    (items) => ((result = items), (finished = true)),
    () => (finished = true),
  );
  // The debounce runs on simulated time: past its longest wait, the request goes out.
  await day.clock.tickAsync(DEBOUNCE_MAX_MS);
  if (index % day.plan.cancelEvery === 0) cancel.cancel();
  await settle(day, () => finished, 'an inline answer');
  cancel.dispose();
  if (result && result.length > 0) {
    count(day, 'inline: shown');
    if (index % 3 === 0) {
      const { Range } = day.bench.classes;
      const at = editor.selection.active;
      day.bench.edit(editor.document, new Range(at, at), result[0].insertText);
      // VS Code runs the item's command when the user accepts it.
      await day.bench.commands.get('grokCodeFast.inlineAccepted')?.();
      count(day, 'inline: accepted');
    }
  } else count(day, index % day.plan.cancelEvery === 0 ? 'inline: cancelled' : 'inline: nothing');
}

type Posted = { type?: string; messageId?: string; event?: { kind?: string }; conversations?: { id: string }[] };

async function chatTurn(day: Day, turn: number): Promise<void> {
  const view = day.bench.chatView();
  const posted = view.posted as Posted[];
  const ends = () => posted.filter((message) => message.type === 'stream' && (message.event?.kind === 'done' || message.event?.kind === 'error')).length;
  const before = ends();
  const slow = turn % 7 === 3;
  const text = `Question ${turn}: how does this work? ${turn % 3 === 0 ? ASK_TOOL : ''}${slow ? ASK_SLOW : ''}`;
  view.send({ type: 'send', text, chips: [] });
  if (slow) {
    const deltas = () => posted.filter((message) => message.type === 'stream' && message.event?.kind === 'contentDelta').length;
    const seen = deltas();
    await settle(day, () => deltas() > seen + 2 || ends() > before, 'a slow answer to start');
    view.send({ type: 'stop' });
    count(day, 'chat: stopped');
  }
  await settle(day, () => ends() > before, 'a chat answer');
  count(day, 'chat: answered');
  if (turn % 9 === 4) {
    const again = ends();
    // Regenerate names the answer it replaces: the one that just ended.
    const last = posted.filter((message) => message.type === 'stream' && (message.event?.kind === 'done' || message.event?.kind === 'error')).at(-1);
    view.send({ type: 'regenerate', messageId: last?.messageId });
    await settle(day, () => ends() > again, 'a regenerated answer');
    count(day, 'chat: regenerated');
  }
  // The webview keeps only what it shows: the soak keeps no more than a browser would.
  if (posted.length > 200) posted.splice(0, posted.length - 50);
}

async function newConversation(day: Day): Promise<void> {
  const view = day.bench.chatView();
  const posted = view.posted as Posted[];
  const states = posted.filter((message) => message.type === 'state' && Array.isArray(message.conversations));
  const history = states[states.length - 1]?.conversations ?? [];
  // A history switch: open an older conversation, then start a new one.
  if (history.length > 1) {
    view.send({ type: 'openConversation', id: history[history.length - 1].id });
    count(day, 'chat: history switch');
  }
  view.send({ type: 'newChat' });
  await day.clock.tickAsync(10);
}

async function action(day: Day, index: number, editor: Editor): Promise<void> {
  const { Position, Selection } = day.bench.classes;
  day.bench.select(editor, new Selection(new Position(0, 0), new Position(Math.min(3, editor.document.lineCount - 1), 0)));
  const names = ['refactor', 'addErrorHandling', 'generateDocs', 'fix'];
  const command = day.bench.commands.get(`grokCodeFast.${names[index % names.length]}`);
  if (!command) throw new Error('soak: the selection actions are not registered');
  const before = editor.document.version;
  await command();
  const decide = day.bench.commands.get(index % 2 === 0 ? 'grokCodeFast.acceptProposal' : 'grokCodeFast.rejectProposal');
  await decide?.();
  count(day, editor.document.version > before ? 'action: accepted' : 'action: rejected or refused');
}

async function lmRequest(day: Day, index: number, history: unknown[]): Promise<void> {
  const provider = day.bench.lmProviders.values().next().value as Stub | undefined;
  if (!provider) throw new Error('soak: no Language Model Chat Provider registered');
  const cancel = day.bench.cancellation();
  const models = (await (provider.provideLanguageModelChatInformation as (o: unknown, t: unknown) => Promise<{ id: string }[]>)({ silent: true }, cancel.token)) ?? [];
  if (models.length === 0) throw new Error('soak: VS Code’s chat lists no Grok model');
  const vscode = day.bench.vscode as { LanguageModelTextPart: new (value: string) => unknown };
  history.push({ role: 1, name: undefined, content: [new vscode.LanguageModelTextPart(`VS Code chat question ${index}`)] });
  let text = '';
  await (provider.provideLanguageModelChatResponse as (...args: unknown[]) => Promise<void>)(
    models[0],
    history.slice(-9),
    { tools: [], toolMode: 1, modelOptions: {}, requestInitiator: 'soak' },
    { report: (part: { value?: string }) => void (text += part.value ?? '') },
    cancel.token,
  ).then(
    () => count(day, 'lm: answered'),
    () => count(day, 'lm: refused'),
  );
  cancel.dispose();
  history.push({ role: 2, name: undefined, content: [new vscode.LanguageModelTextPart(text || '…')] });
}

/** The user consents again in the chat panel's notice, as after a revoke or Delete My Data. */
async function grantConsent(day: Day): Promise<void> {
  day.bench.chatView().send({ type: 'consent', granted: true });
  await day.clock.tickAsync(10);
  count(day, 'consent granted');
}

async function runDay(plan: SoakPlan, workspaceDir: string, storage: string, extensionRoot: string, url: string, apiKey: string): Promise<SoakReport> {
  const clock = FakeTimers.install({ now: DAY_START, shouldAdvanceTime: true, advanceTimeDelta: 5, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const bench = createWorkbench(workspaceDir, {
    'grokCodeFast.endpoint.profile': 'custom',
    'grokCodeFast.endpoint.url': url,
    'grokCodeFast.rateLimits.requestsPerMinute': 10_000,
    'grokCodeFast.rateLimits.requestsPerHour': 100_000,
    'grokCodeFast.rateLimits.requestsPerDay': 1_000_000,
    'grokCodeFast.rateLimits.tokensPerMinute': 100_000_000,
    'grokCodeFast.rateLimits.tokensPerDay': 1_000_000_000,
  });
  bench.setAnswerer((message, buttons) => (/^Delete all/.test(message) ? buttons.find((label) => /Delete/.test(label)) : undefined));
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = function load(request, parent, isMain) {
    return request === 'vscode' ? bench.vscode : original.call(this, request, parent, isMain);
  };
  const context = createExtensionContext(extensionRoot, storage) as Stub & { secrets: { store(key: string, value: string): Promise<void> } };
  // Test mode: the extension returns its test seams (consent and notice prompts, its log).
  (context as unknown as { extensionMode: number }).extensionMode = 3;
  await context.secrets.store('grokCodeFast.apiKey', apiKey);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(path.join(extensionRoot, 'dist/extension.js')) as { activate(context: unknown): Promise<Api> };
  const activating = extension.activate(context);
  let api: Api | undefined;
  void activating.then((started) => (api = started));
  const starting: Api = { setConsentPrompt: () => undefined, setNoticePrompt: () => undefined, logLines: () => [] };
  const day: Day = { plan, clock, bench, api: starting, storage, outcomes: {}, closed: [] };
  await settle(day, () => api !== undefined, 'activation');
  day.api = api ?? starting;
  day.api.setConsentPrompt(async () => true);
  day.api.setNoticePrompt(async () => undefined);
  const afterActivation = await checkpoint(day, 0);

  // The day's work, its steps spread evenly over the simulated hours.
  const figures = await runSoakDay<Editor, unknown>(
    plan,
    {
      openDocument: async (index) => {
        const doc = soakSource(index);
        const editor = await bench.open(doc.path, doc.text, doc.language);
        bench.select(editor, new bench.classes.Selection(new bench.classes.Position(5, 0), new bench.classes.Position(5, 0)));
        return editor;
      },
      inlineRequest: (editor, index) => inlineRequest(day, editor, index),
      pause: () => clock.tickAsync(Math.round((plan.hours * HOUR_MS) / (plan.inlineRequests * 2))).then(() => undefined),
      action: (editor, index) => action(day, index, editor),
      closeDocument: async (editor) => {
        day.closed.push(new WeakRef(editor.document as TextDocumentModel));
        bench.close(editor.document as TextDocumentModel);
      },
      newConversation: () => newConversation(day),
      chatTurn: (turn) => chatTurn(day, turn),
      lmRequest: (index, history) => lmRequest(day, index, history),
      refreshCatalogue: async () => {
        // A new key (the same value) reads the catalogue again, as any key change does.
        await context.secrets.store('grokCodeFast.apiKey', apiKey);
        await clock.tickAsync(HOUR_MS / 2);
      },
      revokeConsent: async () => void (await bench.commands.get('grokCodeFast.revokeConsent')?.()),
      deleteMyData: async () => void (await bench.commands.get('grokCodeFast.deleteMyData')?.()),
      grantConsent: () => grantConsent(day),
      checkpoint: (done) => checkpoint(day, done),
    },
    day.outcomes,
  );
  clock.uninstall();
  return { ok: true, plan, afterActivation, ...figures, outcomes: day.outcomes, socketPoolSize: SOCKET_POOL_SIZE, retentionDays: RETENTION_DAYS };
}

if (require.main === module) {
  const [planJson, extensionRoot, url, apiKey] = process.argv.slice(2);
  void (async () => {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'grok-soak-'));
    try {
      const workspace = path.join(scratch, 'workspace');
      await fs.mkdir(path.join(workspace, 'src'), { recursive: true });
      await fs.writeFile(path.join(workspace, 'src/file0.ts'), soakSource(0).text);
      const report = await runDay(SoakPlanSchema.parse(JSON.parse(planJson)), workspace, path.join(scratch, 'storage'), extensionRoot, url, apiKey).catch(
        (error: unknown): SoakReport => ({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
      process.send?.(report, () => process.exit(0));
    } finally {
      await fs.rm(scratch, { recursive: true, force: true }).catch(() => undefined);
    }
  })();
}
