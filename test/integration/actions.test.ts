import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scenarios, TEST_API_KEY, type FakeXai } from '../fake-xai';
import { streamPayloads } from '../fake-xai/answer';
import { type HandlerScenario } from '../fake-xai/scenarios';
import { userInput } from './support/userInput';
import { chatRequests, connectToFakeXai, disconnectFromFakeXai, type GrokTestApi, sentText, setApiKeyAs, waitFor, workspaceFile } from './support/extensionApi';

const SOURCE = ['export function add(a, b) {', '  var sum = a + b;', '  return sum;', '}', ''].join('\n');
const SELECTED_LINES = { from: 1, to: 2 };

interface EditOutcome {
  status: string;
}

/** Writes `name` with SOURCE, opens it and selects lines 2-3 whole (with their line break). */
async function openWithSelection(name: string): Promise<vscode.TextEditor> {
  return openDocument(name, SOURCE, new vscode.Selection(SELECTED_LINES.from, 0, SELECTED_LINES.to + 1, 0));
}

/**
 * Writes and shows the file with `selection`, and returns once it is the active editor holding that
 * selection (the commands read the active editor's selection).
 */
async function openDocument(name: string, text: string, selection = new vscode.Selection(0, 0, 0, 0)): Promise<vscode.TextEditor> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  const document = await vscode.workspace.openTextDocument(uri);
  // An editor the previous test closed can take the focus back a moment later, and showing a file may
  // restore its old view state: show it again, with the selection, until both hold.
  return waitFor(async () => {
    const active = vscode.window.activeTextEditor;
    if (active?.document === document && active.selection.isEqual(selection)) return active;
    await vscode.window.showTextDocument(document, { selection });
    return undefined;
  }, `${name} as the active editor with its selection`);
}

/** An answer the fake server holds back until `release()`: the test edits while the model "thinks". */
function heldAnswer(content: string): { scenario: HandlerScenario; requested: Promise<void>; release(): void } {
  let release = () => {};
  let arrived = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const requested = new Promise<void>((resolve) => (arrived = resolve));
  const scenario: HandlerScenario = {
    kind: 'handler',
    handle: async (_request, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      arrived();
      await released;
      for (const payload of streamPayloads({ kind: 'answer', content: [content] }, 'grok-code-fast-1', '')) {
        res.write(`data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
      }
      res.end();
    },
  };
  return { scenario, requested, release };
}

function proposalTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'grok-proposal');
}

const ANSWER = 'Here is the refactored code:\n```javascript\n  const sum = a + b;\n  return sum;\n```\nUsing const is safer.';
const REPLACED = ['export function add(a, b) {', '  const sum = a + b;', '  return sum;', '}', ''].join('\n');

describe('selection actions', () => {
  let api: GrokTestApi;
  let fake: FakeXai;

  before(async () => {
    ({ api, fake } = await connectToFakeXai());
    await setApiKeyAs(TEST_API_KEY);
    api.setConsentPrompt(async () => true);
  });

  afterEach(async () => {
    // An answer queued for a request that never came must not answer the next test's request.
    fake.dropQueued();
    await vscode.commands.executeCommand('grokCodeFast.rejectProposal');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The next test starts once every tab is gone: a tab still closing can take the focus back from its file.
    await waitFor(() => (vscode.window.tabGroups.all.every((group) => group.tabs.length === 0) ? true : undefined), 'every tab closed');
  });

  after(async () => {
    await disconnectFromFakeXai(api, fake);
  });

  it('Refactor streams a diff preview; Accept applies it as one undo step', async () => {
    const editor = await openWithSelection('accept.js');
    fake.enqueue({ kind: 'answer', reasoning: ['Let me see.'], content: ANSWER.match(/.{1,7}/gs)!, dripMs: 5 });
    const outcome = await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.refactor');
    assert.equal(outcome.status, 'proposed');
    assert.equal(proposalTabs().length, 1, 'no diff preview is open');
    assert.equal(editor.document.getText(), SOURCE, 'the file changed before Accept');

    const request = chatRequests(fake).at(-1)!;
    const messages = (request.body as { messages: { role: string }[] }).messages;
    assert.equal(messages[0].role, 'system');
    assert.match(sentText(request), /Task: Refactor/);
    assert.match(sentText(request), /var sum = a \+ b;/);

    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'applied');
    assert.equal(editor.document.getText(), REPLACED);
    assert.equal(proposalTabs().length, 0, 'the diff stayed open');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SOURCE, 'one undo did not restore the original');
  });

  it('after Accept, the selection is the replaced text as it now stands, not the old line range (issue 24 item 4)', async () => {
    await openWithSelection('accept-selection.js');
    // A doc comment added above the selected lines: the replacement is one line longer than the selection.
    fake.enqueue(scenarios.text('```javascript\n  // Adds a and b.\n  const sum = a + b;\n  return sum;\n```'));
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.generateDocs')).status, 'proposed');
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'applied');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(), ['export function add(a, b) {', '  // Adds a and b.', '  const sum = a + b;', '  return sum;', '}', ''].join('\n'));
    assert.equal(editor.document.getText(editor.selection), '  // Adds a and b.\n  const sum = a + b;\n  return sum;\n');
    assert.deepEqual([editor.selection.start.line, editor.selection.end.line], [1, 4]);
  });

  it('Reject discards the proposal and leaves the file alone', async () => {
    const editor = await openWithSelection('reject.js');
    fake.enqueue(scenarios.text(ANSWER));
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.generateDocs')).status, 'proposed');
    assert.match(sentText(chatRequests(fake).at(-1)!), /Task: Add documentation comments/);
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.rejectProposal'), 'rejected');
    assert.equal(editor.document.getText(), SOURCE);
    assert.equal(proposalTabs().length, 0);
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'none');
  });

  /** Refactors line 2 of `line1\nTARGET();\nline3\n`; `edit` is applied while the model is answering. */
  async function refactorWhileEditing(name: string, edit: (uri: vscode.Uri, mine: vscode.WorkspaceEdit) => void): Promise<vscode.TextEditor> {
    const editor = await openDocument(name, 'line1\nTARGET();\nline3\n', new vscode.Selection(1, 0, 2, 0));
    const gate = heldAnswer('```js\nREPLACED();\n```');
    fake.enqueue(gate.scenario);
    const running = vscode.commands.executeCommand<EditOutcome>('grokCodeFast.refactor');
    await gate.requested;
    const mine = new vscode.WorkspaceEdit();
    edit(editor.document.uri, mine);
    assert.ok(await vscode.workspace.applyEdit(mine));
    gate.release();
    assert.equal((await running).status, 'proposed');
    return editor;
  }

  it('follows the selection through a line inserted above it while the model answers (issue example)', async () => {
    const editor = await refactorWhileEditing('stale-above.js', (uri, mine) => mine.insert(uri, new vscode.Position(0, 0), 'inserted();\n'));
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'applied');
    assert.equal(editor.document.getText(), 'inserted();\nline1\nREPLACED();\nline3\n');
  });

  it('follows the selection through edits above and below it after the diff opened', async () => {
    const editor = await openWithSelection('stale-around.js');
    fake.enqueue(scenarios.text(ANSWER));
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.addErrorHandling')).status, 'proposed');
    const mine = new vscode.WorkspaceEdit();
    mine.insert(editor.document.uri, new vscode.Position(4, 0), '// below\n');
    mine.delete(editor.document.uri, new vscode.Range(0, 0, 1, 0));
    assert.ok(await vscode.workspace.applyEdit(mine));
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'applied');
    assert.equal(editor.document.getText(), REPLACED.replace('export function add(a, b) {\n', '') + '// below\n');
  });

  it('refuses to apply when the selected text itself changed while the model answered', async () => {
    const editor = await refactorWhileEditing('stale-inside.js', (uri, mine) => mine.replace(uri, new vscode.Range(1, 0, 1, 6), 'MINE'));
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'stale');
    assert.equal(editor.document.getText(), 'line1\nMINE();\nline3\n');
  });

  it('calls the same code with LF "unchanged" in a CRLF file, and proposes a change with CRLF only', async () => {
    const crlf = 'a();\r\nb();\r\nc();\r\n';
    const editor = await openDocument('crlf.js', crlf, new vscode.Selection(0, 0, 2, 0));
    fake.enqueue(scenarios.text('```js\na();\nb();\n```'));
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.refactor')).status, 'unchanged');
    fake.enqueue(scenarios.text('```js\na();\nx();\ny();\n```'));
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.refactor')).status, 'proposed');
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'applied');
    assert.equal(editor.document.getText(), 'a();\r\nx();\r\ny();\r\nc();\r\n');
  });

  it('proposes nothing from an answer cut at the output limit', async () => {
    const editor = await openWithSelection('cut.js');
    fake.enqueue({ kind: 'answer', content: ['```js\n  const sum = a +'], finishReason: 'length' });
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.refactor')).status, 'cut');
    assert.equal(proposalTabs().length, 0, 'a diff of the cut answer stayed open');
    assert.equal(editor.document.getText(), SOURCE);
    assert.ok(api.logLines().some((line) => /Refactor proposes nothing: the answer was cut before its end \(it reached the output limit/.test(line)));
    fake.enqueue({ kind: 'answer', content: ['```js\n  const sum'], finishReason: 'content_filter' });
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.fix')).status, 'cut');
    assert.ok(api.logLines().some((line) => /content filter stopped it/.test(line)));
    fake.enqueue({ kind: 'answer', content: ["```js\ntest('adds', () => {"], finishReason: 'length' });
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.writeTests')).status, 'cut', 'a cut test file was opened');
  });

  it('Fix sends the diagnostics inside the selection', async () => {
    const editor = await openWithSelection('fix.js');
    const diagnostics = vscode.languages.createDiagnosticCollection('grok-test');
    try {
      diagnostics.set(editor.document.uri, [
        new vscode.Diagnostic(new vscode.Range(1, 2, 1, 5), "Unexpected var, use let or const instead.", vscode.DiagnosticSeverity.Error),
        new vscode.Diagnostic(new vscode.Range(0, 0, 0, 6), 'Outside the selection.', vscode.DiagnosticSeverity.Warning),
      ]);
      fake.enqueue(scenarios.text(ANSWER));
      assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.fix')).status, 'proposed');
      const sent = sentText(chatRequests(fake).at(-1)!);
      assert.match(sent, /- line 2 error: Unexpected var, use let or const instead\./);
      assert.doesNotMatch(sent, /Outside the selection/);
    } finally {
      diagnostics.dispose();
    }
  });

  it('the lightbulb offers "Fix with Grok" on a diagnostic and runs Fix on its lines, not on excluded files', async function () {
    this.timeout(90_000); // the first code-action request waits for the TypeScript server to start
    const editor = await openWithSelection('lightbulb.js');
    editor.selection = new vscode.Selection(0, 0, 0, 0); // no selection: the lightbulb picks the lines
    const diagnostics = vscode.languages.createDiagnosticCollection('grok-test');
    try {
      const problem = new vscode.Diagnostic(new vscode.Range(1, 2, 1, 5), 'Unexpected var, use let or const instead.', vscode.DiagnosticSeverity.Error);
      diagnostics.set(editor.document.uri, [problem]);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(1, 3, 1, 3));
      const fix = actions.find((action) => action.title === 'Fix with Grok');
      assert.ok(fix?.command, `no "Fix with Grok" among ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);

      // What a user sees: the quick-fix menu at the problem (the README's picture).
      const user = userInput();
      assert.ok(user, 'this test shows the menu like a user: it needs the page bridge of the code-server runner');
      editor.selection = new vscode.Selection(1, 3, 1, 3);
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('editor.action.quickFix');
      await user.waitFor('.action-widget :text("Fix with Grok")');
      await user.screenshot('media/screenshots/lightbulb.png');
      await user.press('Escape');
      fake.enqueue(scenarios.text(ANSWER));
      const outcome = await vscode.commands.executeCommand<EditOutcome>(fix.command.command, ...(fix.command.arguments ?? []));
      assert.equal(outcome.status, 'proposed');
      const sent = sentText(chatRequests(fake).at(-1)!);
      assert.match(sent, /Task: Fix/);
      assert.match(sent, /- line 2 error: Unexpected var, use let or const instead\./);
      assert.match(sent, /var sum = a \+ b;/);

      const excluded = await openWithSelection('.env.lightbulb.js');
      diagnostics.set(excluded.document.uri, [problem]);
      const none = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', excluded.document.uri, new vscode.Range(1, 3, 1, 3));
      assert.equal(none.filter((action) => action.title === 'Fix with Grok').length, 0, 'offered on an excluded file');
    } finally {
      diagnostics.dispose();
    }
  });

  it('the chat slash command /fix runs Fix on the selection', async () => {
    const chat = (api as GrokTestApi & { chat?: () => { handle(message: unknown): Promise<void> } }).chat?.();
    assert.ok(chat, 'the extension exports no chat test seam');
    await openWithSelection('slash.js');
    fake.enqueue(scenarios.text(ANSWER));
    const before = chatRequests(fake).length;
    await chat.handle({ type: 'slashCommand', command: 'fix' });
    await waitFor(() => proposalTabs().length === 1, 'the diff proposal of /fix', 10_000);
    const sent = sentText(chatRequests(fake).at(-1)!);
    assert.equal(chatRequests(fake).length, before + 1);
    assert.match(sent, /Task: Fix/);
    assert.match(sent, /var sum = a \+ b;/);
  });

  it('Ask Grok sends the instruction', async () => {
    await openWithSelection('ask.js');
    fake.enqueue(scenarios.text(ANSWER));
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.askGrok', 'use const')).status, 'proposed');
    assert.match(sentText(chatRequests(fake).at(-1)!), /Instruction: use const/);
  });

  it('Write tests opens an unsaved test file beside the source', async () => {
    await openWithSelection('math.js');
    fake.enqueue(scenarios.text("```javascript\nconst { add } = require('./math');\ntest('adds', () => expect(add(1, 2)).toBe(3));\n```"));
    const outcome = await vscode.commands.executeCommand<{ status: string; document: vscode.TextDocument }>('grokCodeFast.writeTests');
    assert.equal(outcome.status, 'created');
    assert.equal(outcome.document.uri.scheme, 'untitled');
    assert.ok(outcome.document.uri.path.endsWith('/math.test.js'), outcome.document.uri.path);
    assert.match(outcome.document.getText(), /expect\(add\(1, 2\)\)\.toBe\(3\)/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceFile('math.test.js'))), 'the test file was saved');
  });

  it('Explain asks the question in the chat', async () => {
    await openWithSelection('explain.js');
    const before = chatRequests(fake).length;
    await vscode.commands.executeCommand('grokCodeFast.explain');
    const request = await waitFor(() => chatRequests(fake).slice(before).find((r) => /Explain what the selected code/.test(sentText(r))), 'the chat request');
    assert.match(sentText(request), /var sum = a \+ b;/);
    // The selection ends at column 0 of the next line: the chip and the question name the same lines, without that one.
    const lines = `${SELECTED_LINES.from + 1}-${SELECTED_LINES.to + 1}`;
    assert.ok(sentText(request).includes(`explain.js, lines ${lines}`), 'the attached selection');
    assert.ok(sentText(request).includes(`(lines ${lines})`), 'the question');
  });

  it('shows the Set API Key path on a rejected key and opens no diff', async () => {
    // The key was revoked after it was saved: the chat route now refuses it as xAI does.
    fake.enqueue(scenarios.status(400, { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***ne.' }));
    await openWithSelection('unauthorized.js');
    const outcome = await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.refactor');
    assert.equal(outcome.status, 'stopped');
    assert.equal(proposalTabs().length, 0);
    assert.ok(api.logLines().some((line) => /Refactor failed: The endpoint rejected the API key/.test(line)));
  });

  it('sends nothing from an excluded file', async () => {
    const before = chatRequests(fake).length;
    await openWithSelection('.env.js');
    const outcome = await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.refactor');
    assert.equal(outcome.status, 'stopped');
    assert.equal(chatRequests(fake).length, before);
    assert.ok(api.logLines().some((line) => line.includes('.env.js matches grokCodeFast.exclude')));
  });
});
