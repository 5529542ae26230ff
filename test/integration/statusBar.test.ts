/**
 * The status bar counts every feature's requests (issue 14): a chat message and an inline
 * completion, each through VS Code itself against the fake xAI server, both show in the item's
 * figures. The figures come from the core's request-outcome stream; no feature reports to the bar.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scenarios, TEST_API_KEY, type FakeXai } from '../fake-xai';
import { chatRequests, connectToFakeXai, disconnectFromFakeXai, type GrokTestApi, setApiKeyAs, waitFor, workspaceFile } from './support/extensionApi';

interface Usage {
  requests: number;
  tokens: number;
}
type ApiWithStatus = GrokTestApi & {
  statusUsage?: () => Usage;
  chat?: () => { handle(message: unknown): Promise<void>; idle(): Promise<void> };
};

describe('status bar', () => {
  let api: ApiWithStatus;
  let fake: FakeXai;

  before(async () => {
    ({ api, fake } = await connectToFakeXai());
    fake.setDefault(scenarios.empty());
    await setApiKeyAs(TEST_API_KEY);
    await waitFor(async () => (await api.storedApiKey()) === TEST_API_KEY, 'the stored key');
    api.setConsentPrompt(async () => true);
    assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), true);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await disconnectFromFakeXai(api, fake);
  });

  it('counts a chat message and an inline completion', async () => {
    assert.ok(api.statusUsage && api.chat, 'the extension exports the statusUsage and chat test seams');
    const usage = api.statusUsage;
    const start = usage();

    const chat = api.chat();
    await chat.handle({ type: 'newChat' });
    fake.enqueue(scenarios.text('Counted ', 'by the status bar.'));
    const sentBefore = chatRequests(fake).length;
    await chat.handle({ type: 'send', text: 'Status bar test', chips: [] });
    await chat.idle();
    assert.equal(chatRequests(fake).length, sentBefore + 1, 'the chat message reached the server');
    const afterChat = await waitFor(() => (usage().requests === start.requests + 1 ? usage() : undefined), 'the chat request in the status bar');
    assert.ok(afterChat.tokens > start.tokens, 'the chat tokens count');

    const uri = workspaceFile('status-bar-inline.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('export function twice(n: number): number {\n  \n}\n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const end = editor.document.lineAt(1).range.end;
    editor.selection = new vscode.Selection(end, end);
    fake.enqueue(scenarios.text('n * 2;'));
    await vscode.commands.executeCommand('type', { text: 'return ' });
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    await waitFor(() => chatRequests(fake).length > sentBefore + 1, 'the inline request', 15_000);
    await waitFor(() => usage().requests >= start.requests + 2, 'the inline request in the status bar', 15_000);
  });
});
