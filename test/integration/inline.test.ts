/**
 * Inline completions (issue 8) in the real VS Code, against the fake xAI server: ghost text typed,
 * triggered and accepted through VS Code's own commands; excluded files and a missing consent send
 * nothing; typing on past a suggestion still streaming closes its HTTP request.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scenarios, TEST_API_KEY, type FakeXai, type RecordedRequest } from '../fake-xai';
import type { AnalyticsFeatures } from '../../src/report/registerAnalyticsFeatures';
import { chatRequests, connectToFakeXai, disconnectFromFakeXai, type GrokTestApi, grokConfig, sentText, setApiKeyAs, waitFor, workspaceFile } from './support/extensionApi';

type ApiWithAnalytics = GrokTestApi & {
  analyticsFeatures?: AnalyticsFeatures;
  statusView?: () => { text: string; tooltip: string };
  spend?: () => { dayUsd: number; dailyUsd: number; reached?: { period: 'day' | 'month'; resetsAt: number } };
};

/** VS Code shows and accepts ghost text asynchronously: this long after a trigger it is on screen. */
const GHOST_TEXT_SETTLE_MS = 1000;
/** An explicit trigger skips the debounce: a request it makes reaches the server well within this. */
const NO_REQUEST_WAIT_MS = 1500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `name` into the workspace, opens it and puts the cursor at the end of line `line`. */
async function openAt(name: string, content: string, line: number): Promise<vscode.TextEditor> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const end = editor.document.lineAt(line).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

/** Types like the keyboard does (VS Code's `type` command: the edit that triggers ghost text). */
async function type(text: string): Promise<void> {
  await vscode.commands.executeCommand('type', { text });
}

/** Asks for ghost text; the command settles only once the providers have answered. */
async function trigger(): Promise<void> {
  await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
}

/**
 * The completion requests for one file (the prompt names it). Each test uses its own files, so a
 * late prefetch from an earlier test is never counted.
 */
function requestsFor(fake: FakeXai, file: string): RecordedRequest[] {
  return chatRequests(fake).filter((request) => sentText(request).includes(`File: ${file}\n`));
}

describe('inline completions', () => {
  let api: ApiWithAnalytics;
  let fake: FakeXai;

  async function grantConsent(): Promise<void> {
    api.setConsentPrompt(async () => true);
    try {
      assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), true);
    } finally {
      api.setConsentPrompt(undefined);
    }
  }

  before(async () => {
    ({ api, fake } = await connectToFakeXai());
    // Requests a test did not plan for (e.g. a prefetch after a shown suggestion) get nothing.
    fake.setDefault(scenarios.empty());
    await setApiKeyAs(TEST_API_KEY);
    await waitFor(async () => (await api.storedApiKey()) === TEST_API_KEY, 'the stored key');
    await grantConsent();
  });

  afterEach(async () => {
    // An answer queued for a request that never came (refused past a budget, say) must not answer the next test's.
    fake.dropQueued();
    fake.setDefault(scenarios.empty());
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await disconnectFromFakeXai(api, fake);
  });

  it('in a Jupyter notebook: the other code cell is context, ghost text shows in a cell and Tab accepts it', async () => {
    const uri = workspaceFile('inline-notebook.ipynb');
    const cell = (source: string[]) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source });
    const notebookJson = {
      cells: [cell(['def double(x):\n', '    return x * 2\n']), cell(['n = double(4)\n', 'result = '])],
      metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' }, language_info: { name: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(notebookJson)));
    // VS Code's built-in ipynb extension reads the file: no Jupyter extension is needed for cells to edit.
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    assert.equal(notebook.notebookType, 'jupyter-notebook');
    assert.equal(notebook.cellCount, 2);
    const second = notebook.cellAt(1).document;
    assert.equal(second.languageId, 'python');
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(1, 2)] });
    await vscode.commands.executeCommand('notebook.cell.edit');
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document === second ? vscode.window.activeTextEditor : undefined), 'the second cell in an editor');
    // Context is picked by the identifiers before the cursor: `double` names the other cell's function.
    const end = second.lineAt(1).range.end;
    editor.selection = new vscode.Selection(end, end);

    fake.enqueue(scenarios.text('double(21)'));
    await type('x = ');
    await trigger();
    // A cell's path is the notebook's: the request is found by the cell's own text.
    const request = await waitFor(() => chatRequests(fake).find((candidate) => sentText(candidate).includes('result = x = {{HOLE}}')), 'the completion request from the cell');
    const prompt = sentText(request);
    assert.ok(prompt.includes('def double(x):\n    return x * 2'), 'the first cell is in the prompt as context');
    assert.ok(prompt.includes('result = x = {{HOLE}}'), 'the cell being edited holds the cursor');
    await sleep(GHOST_TEXT_SETTLE_MS);
    await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
    await waitFor(() => second.getText() === 'n = double(4)\nresult = x = double(21)', 'the accepted completion in the cell');
    assert.equal(notebook.cellAt(0).document.getText().trimEnd(), 'def double(x):\n    return x * 2', 'the other cell is unchanged');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("shows the server's completion as ghost text and accepting it inserts it, recorded as shown and accepted", async () => {
    const started = Date.now();
    const editor = await openAt('inline-accept.ts', 'export function add(a: number, b: number): number {\n  \n}\n', 1);
    fake.enqueue(scenarios.text('a + ', 'b;'));
    await type('return ');
    await trigger();

    const request = await waitFor(() => requestsFor(fake, 'inline-accept.ts')[0], 'the completion request');
    assert.ok(sentText(request).includes('number {\n  return {{HOLE}}\n}'), 'the prompt marks the cursor after what was typed');
    await sleep(GHOST_TEXT_SETTLE_MS);
    await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
    await waitFor(() => editor.document.getText().includes('return a + b;'), 'the accepted completion in the document');
    assert.equal(editor.document.getText(), 'export function add(a: number, b: number): number {\n  return a + b;\n}\n');

    const features = api.analyticsFeatures;
    assert.ok(features?.testing, 'activate() returns { analyticsFeatures } with its test seam');
    const tracker = features.testing.deps.tracker;
    const inlineEvents = async () => {
      const exported = await tracker.exportAnalytics({ period: { start: new Date(started), end: new Date(Date.now() + 1000) }, format: 'json' });
      const { events } = JSON.parse(exported) as { events: Array<{ kind: string; feature: string; action?: string; chars?: number }> };
      return events.filter((event) => event.kind === 'interaction' && event.feature === 'inline');
    };
    const events = await waitFor(async () => {
      const found = await inlineEvents();
      return found.some((event) => event.action === 'accepted') ? found : undefined;
    }, 'the accepted interaction event');
    assert.ok(events.some((event) => event.action === 'shown' && event.chars === 'a + b;'.length), 'no shown event for the suggestion');
    assert.ok(events.some((event) => event.action === 'accepted' && event.chars === 'a + b;'.length), 'no accepted event for the suggestion');
  });

  it('with the suggest widget open, completes its selected item: the prompt reads the item applied and the ghost text starts with it', async () => {
    // The widget's item comes from a provider of the test's own, so its text and range are known.
    const items = vscode.languages.registerCompletionItemProvider({ pattern: '**/inline-suggest.ts' }, {
      provideCompletionItems: () => [new vscode.CompletionItem('itemsLength', vscode.CompletionItemKind.Property)],
    });
    try {
      const editor = await openAt('inline-suggest.ts', 'const list = { itemsLength: 3 };\nconst n = list.\n', 1);
      // Every request of this file gets the same answer: which one VS Code makes first does not matter.
      fake.setDefault(scenarios.text(' + 1;'));
      await type('it');
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(GHOST_TEXT_SETTLE_MS);
      await trigger();

      // Without the item applied the prompt would read `list.it{{HOLE}}`, and VS Code would drop the answer.
      await waitFor(() => requestsFor(fake, 'inline-suggest.ts').find((r) => sentText(r).includes('list.itemsLength{{HOLE}}')), 'a request with the selected item applied');
      await sleep(GHOST_TEXT_SETTLE_MS);
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
      await waitFor(() => editor.document.lineAt(1).text === 'const n = list.itemsLength + 1;', 'the item and the ghost text after it in the document');
    } finally {
      items.dispose();
      await vscode.commands.executeCommand('hideSuggestWidget');
    }
  });

  it('never sends an excluded file, neither as the current file nor as context', async () => {
    const secret = "export const databasePassword = 'hunter2-SECRET-MARKER';\nexport const databaseHost = 'db.internal';\n";
    const defaults = "export const databaseHost = 'localhost'; // PUBLIC-MARKER\nexport const databasePort = 5432;\n";
    const secretSent = () => chatRequests(fake).map(sentText).filter((text) => /config\.secret|SECRET-MARKER|hunter2/.test(text));
    const secretEditor = await openAt('config.secret.ts', `${secret}export const databaseUrl = \n`, 2);
    fake.setDefault(scenarios.text("'postgres://db.internal';"));
    await type('p');
    await trigger();
    await sleep(NO_REQUEST_WAIT_MS);
    assert.deepEqual(secretSent(), [], 'the excluded file reached the server');
    await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
    assert.equal(secretEditor.document.getText(), `${secret}export const databaseUrl = p\n`, 'ghost text was accepted in the excluded file');

    // The same steps in an ordinary file do send, with the other open files of its language as
    // context: the public one is there, the secret one (still open, just edited) is not.
    await openAt('config.defaults.ts', defaults, 0);
    await openAt('connect.ts', 'import { databaseHost, databasePort, databasePassword } from "./config";\nconnect(databaseHost, \n', 1);
    await type('d');
    await trigger();
    const request = await waitFor(() => requestsFor(fake, 'connect.ts')[0], 'the request from connect.ts');
    assert.match(sentText(request), /PUBLIC-MARKER/, 'the open file of the same language was not sent as context');
    assert.deepEqual(secretSent(), [], 'the excluded file was sent as context');
  });

  it('sends nothing without consent and asks nothing (no modal from this path)', async () => {
    let asked = 0;
    await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
    api.setConsentPrompt(async () => {
      asked += 1;
      return false;
    });
    const refusedByProvider = () => api.logLines().filter((line) => /Inline completion/.test(line) && /consent/i.test(line));
    fake.setDefault(scenarios.text('x * 2;'));
    try {
      const editor = await openAt('inline-consent.ts', 'export function double(x: number): number {\n  \n}\n', 1);
      await type('return ');
      await trigger();
      await sleep(NO_REQUEST_WAIT_MS);
      assert.equal(requestsFor(fake, 'inline-consent.ts').length, 0, 'a completion request was sent without consent');
      assert.equal(asked, 0, 'the inline path asked for consent');
      // Stopped before any request was attempted (the hint path), not refused by the provider's own gate.
      assert.deepEqual(refusedByProvider(), []);
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
      assert.equal(editor.document.getText(), 'export function double(x: number): number {\n  return \n}\n');
    } finally {
      await grantConsent();
    }
    // Once consented, the same steps do send.
    await type('x');
    await trigger();
    await waitFor(() => requestsFor(fake, 'inline-consent.ts').length > 0, 'a request once consent is given');
  });

  it('a tiny daily budget stops ghost text after a few suggestions, and the status bar says why and until when', async function () {
    // Up to eight suggestions, each given time to arrive (or to be refused) on a loaded machine.
    this.timeout(120_000);
    assert.ok(api.spend && api.statusView, 'the extension exports the spend and statusView test seams');
    const spend = api.spend;
    const view = api.statusView;
    // Each suggestion costs $0.0004 (the server's ticks); the cap leaves room for two or three of them over what other tests spent today.
    const COST_TICKS = 4_000_000;
    const cap = Math.round((spend().dayUsd + 0.001) * 1e6) / 1e6;
    await grokConfig().update('budget.dailyUsd', cap, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => spend().dailyUsd === cap, 'the daily budget setting');
      let sent = 0;
      let refusedAt: number | undefined;
      for (let i = 0; i < 8 && refusedAt === undefined; i++) {
        const file = `inline-budget-${i}.ts`;
        await openAt(file, `export function twice${i}(x: number): number {\n  \n}\n`, 1);
        fake.enqueue({ ...scenarios.text('x * 2;'), usage: { cost_in_usd_ticks: COST_TICKS } });
        await type('return ');
        await trigger();
        await sleep(NO_REQUEST_WAIT_MS);
        if (requestsFor(fake, file).length > 0) sent += 1;
        else refusedAt = i;
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
      assert.ok(refusedAt !== undefined, 'ghost text never stopped');
      assert.ok(sent >= 2 && sent <= 4, `a few suggestions were sent before the cap (${sent})`);
      assert.ok(spend().dayUsd + 0.0004 > cap, 'stopped only once the next suggestion would pass the cap');
      const status = await waitFor(() => (/budget spent/.test(view().text) ? view() : undefined), 'the status bar to say the budget is spent');
      assert.match(status.tooltip, /Inline completions: paused: your daily budget is spent, until \d{4}-\d{2}-\d{2} 00:00/);
      assert.match(status.tooltip, /Spend today: \$[\d.]+ \/ \$/);
      // Nothing more is sent while it lasts.
      await openAt('inline-budget-after.ts', 'export function thrice(x: number): number {\n  \n}\n', 1);
      fake.enqueue(scenarios.text('x * 3;'));
      await type('return ');
      await trigger();
      await sleep(NO_REQUEST_WAIT_MS);
      assert.equal(requestsFor(fake, 'inline-budget-after.ts').length, 0, 'a request was sent past the cap');
    } finally {
      await grokConfig().update('budget.dailyUsd', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => !/budget spent/.test(view().text), 'the pause to end once the cap is lifted');
  });

  it('typing on past a suggestion still streaming closes its HTTP request', async () => {
    await openAt('inline-cancel.ts', 'export function sum(values: number[]): number {\n  \n}\n', 1);
    // The model starts the answer, then goes silent with the stream open.
    fake.setDefault({ kind: 'answer', content: ['values.reduce('], stallAfterEvents: 1 });
    await type('return ');
    // Not awaited: the trigger command settles when the answer is complete, and this one never is.
    const triggered = trigger();
    await waitFor(() => requestsFor(fake, 'inline-cancel.ts')[0], 'the completion request');
    await sleep(300);
    // VS Code may ask again for the same position (an automatic trigger racing the explicit one), and
    // the engine rightly closes the superseded request; what matters is that one is still streaming.
    const open = requestsFor(fake, 'inline-cancel.ts').filter((request) => request.closedEarlyAt === undefined);
    assert.equal(open.length, 1, 'no request was still streaming before the user typed on');

    // `z` diverges from the pending `values.reduce(`: the request can serve nothing any more.
    await type('z');
    await waitFor(() => open[0].closedEarlyAt, 'the stalled request to be closed', 3000);
    await triggered;
  });
});
