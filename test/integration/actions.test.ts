import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scenarios, TEST_API_KEY, type FakeXai } from '../fake-xai';
import { userInput } from './support/userInput';
import { chatRequests, connectToFakeXai, disconnectFromFakeXai, sentText, waitFor, workspaceFile, type GrokTestApi } from './support/extensionApi';

const SOURCE = ['export function add(a, b) {', '  var sum = a + b;', '  return sum;', '}', ''].join('\n');
const SELECTED_LINES = { from: 1, to: 2 };

interface EditOutcome {
  status: string;
}

/** Writes `name` with SOURCE, opens it and selects lines 2-3 whole (with their line break). */
async function openWithSelection(name: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(SOURCE));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(SELECTED_LINES.from, 0, SELECTED_LINES.to + 1, 0);
  return editor;
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
    await vscode.commands.executeCommand('grokCodeFast.setApiKey', TEST_API_KEY);
    api.setConsentPrompt(async () => true);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('grokCodeFast.rejectProposal');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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

  it('overwrites nothing when the file changed after the proposal', async () => {
    const editor = await openWithSelection('stale.js');
    fake.enqueue(scenarios.text(ANSWER));
    assert.equal((await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.addErrorHandling')).status, 'proposed');
    // The diff took the editor's place, so the user's edit goes through the document.
    const mine = new vscode.WorkspaceEdit();
    mine.insert(editor.document.uri, new vscode.Position(0, 0), '// mine\n');
    assert.ok(await vscode.workspace.applyEdit(mine));
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'stale');
    assert.equal(editor.document.getText(), `// mine\n${SOURCE}`);
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
  });

  it('shows the Set API Key path on a rejected key and opens no diff', async () => {
    await vscode.commands.executeCommand('grokCodeFast.setApiKey', 'xai-not-the-right-one');
    try {
      await openWithSelection('unauthorized.js');
      const outcome = await vscode.commands.executeCommand<EditOutcome>('grokCodeFast.refactor');
      assert.equal(outcome.status, 'stopped');
      assert.equal(proposalTabs().length, 0);
      assert.ok(api.logLines().some((line) => /Refactor failed: The API key was rejected/.test(line)));
    } finally {
      await vscode.commands.executeCommand('grokCodeFast.setApiKey', TEST_API_KEY);
    }
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
