/**
 * The chat panel in the real VS Code, against the fake xAI server. The webview itself is covered by
 * the browser tests; here the host side is driven through the extension's test seam `chat()` (the
 * ChatController behind the view) with the same protocol messages the webview sends.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type Conversation } from '../../src/chat/historySchema';
import { scenarios, TEST_API_KEY, type FakeXai } from '../fake-xai';
import { chatRequests, connectToFakeXai, disconnectFromFakeXai, type GrokTestApi, setApiKeyAs, waitFor, workspaceFile } from './support/extensionApi';
import { userInput } from './support/userInput';

function proposalTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'grok-proposal');
}

/** What the chat test seam offers (see ChatController). */
interface ChatSeam {
  handle(message: unknown): Promise<void>;
  idle(): Promise<void>;
  readonly activeConversation: Readonly<Conversation> | undefined;
}

type ApiWithChat = GrokTestApi & { chat?: () => ChatSeam; chatViewVisible?: () => boolean };

interface WireMessage {
  role: string;
  content?: string;
  tool_call_id?: string;
  tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
}

function messagesOf(request: { body: unknown }): WireMessage[] {
  return (request.body as { messages: WireMessage[] }).messages;
}

describe('chat panel', () => {
  let api: ApiWithChat;
  let chat: ChatSeam;
  let fake: FakeXai;

  before(async () => {
    ({ api, fake } = await connectToFakeXai());
    assert.ok(api.chat, 'the extension exports no chat test seam (testApi.chat)');
    chat = api.chat();
    await setApiKeyAs(TEST_API_KEY);
    await chat.handle({ type: 'consent', granted: true });
  });

  after(async () => {
    await chat.handle({ type: 'newChat' });
    await disconnectFromFakeXai(api, fake);
  });

  it("records the panel's consent answer for the whole extension: declining withdraws it, consenting records it", async () => {
    api.setConsentPrompt(async () => false);
    try {
      await chat.handle({ type: 'consent', granted: false });
      assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), false, 'still consented after declining in the panel');
      await chat.handle({ type: 'consent', granted: true });
      assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), true, 'the panel\'s "I consent" was not recorded');
    } finally {
      api.setConsentPrompt(undefined);
    }
  });

  it('opens the view', async () => {
    assert.ok(api.chatViewVisible, 'the extension exports no chatViewVisible test seam');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await waitFor(() => !api.chatViewVisible?.(), 'the chat view to be hidden');
    await vscode.commands.executeCommand('grokCodeFast.openChat');
    await waitFor(() => api.chatViewVisible?.(), 'Open Chat to show the chat view');
  });

  it('sends a message to the server and keeps the streamed answer in the history, with the conversation id header', async () => {
    await chat.handle({ type: 'newChat' });
    fake.enqueue(scenarios.text('Hi there, ', 'how can I help?'));
    const before = chatRequests(fake).length;
    await chat.handle({ type: 'send', text: 'Hello Grok', chips: [] });
    await chat.idle();

    const conversation = chat.activeConversation;
    assert.ok(conversation, 'no active conversation');
    const [user, answer] = conversation.entries;
    assert.equal(user?.role === 'user' && user.text, 'Hello Grok');
    assert.equal(answer?.role === 'assistant' && answer.steps.map((s) => s.content).join(''), 'Hi there, how can I help?');
    assert.ok(answer?.role === 'assistant' && answer.usage !== undefined, 'usage kept with the answer');

    const request = chatRequests(fake)[before]!;
    assert.equal(request.headers['x-grok-conv-id'], conversation.id);
    const messages = messagesOf(request);
    assert.equal(messages[0]!.role, 'system');
    assert.equal(messages.at(-1)!.content, 'Hello Grok');
  });

  it('runs a tool-call round trip: read_file in the workspace, the result sent back, excluded files refused', async () => {
    await chat.handle({ type: 'newChat' });
    await vscode.workspace.fs.writeFile(workspaceFile('chat-tool.txt'), Buffer.from('MAGIC_LINE_42\n'));
    await vscode.workspace.fs.writeFile(workspaceFile('.env.chat'), Buffer.from('TOKEN=do-not-send\n'));
    fake.enqueue(
      {
        kind: 'answer',
        reasoning: ['I will read the files.'],
        toolCalls: [
          { id: 'call_read', name: 'read_file', arguments: '{"path":"chat-tool.txt"}' },
          { id: 'call_env', name: 'read_file', arguments: '{"path":".env.chat"}' },
        ],
      },
      { kind: 'answer', content: ['The file says MAGIC_LINE_42.'] },
    );
    const before = chatRequests(fake).length;
    await chat.handle({ type: 'send', text: 'What is in chat-tool.txt?', chips: [] });
    await chat.idle();

    const requests = chatRequests(fake).slice(before);
    assert.equal(requests.length, 2);
    const body = requests[0]!.body as { tools?: Array<{ function: { name: string } }> };
    assert.deepEqual(body.tools?.map((t) => t.function.name), ['read_file', 'list_directory', 'search_text', 'get_diagnostics']);
    const second = messagesOf(requests[1]!);
    const assistant = second.find((m) => m.role === 'assistant' && m.tool_calls !== undefined);
    assert.deepEqual(assistant?.tool_calls?.map((c) => c.id), ['call_read', 'call_env']);
    const results = second.filter((m) => m.role === 'tool');
    assert.equal(results[0]!.tool_call_id, 'call_read');
    assert.match(results[0]!.content!, /MAGIC_LINE_42/);
    assert.equal(results[1]!.tool_call_id, 'call_env');
    assert.match(results[1]!.content!, /^Error: Refused: .*grokCodeFast\.exclude/);
    assert.doesNotMatch(JSON.stringify(second), /do-not-send/);

    const answer = chat.activeConversation?.entries.at(-1);
    assert.equal(answer?.role === 'assistant' && answer.steps.at(-1)?.content, 'The file says MAGIC_LINE_42.');
  });

  it('Apply to file merges a function into the function it replaces, through the shared proposed-edit flow', async function () {
    this.timeout(90_000);
    const util = [
      "import { strict } from 'node:assert';",
      '',
      'export function add(a: number, b: number): number {',
      '  return a + b;',
      '}',
      '',
      'export function sub(a: number, b: number): number {',
      '  return a - b;',
      '}',
      '',
    ].join('\n');
    const uri = workspaceFile('apply-util.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(util));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    // The TypeScript extension answers once its server is up.
    await waitFor(async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
      return (symbols?.length ?? 0) >= 2;
    }, 'the document symbols of apply-util.ts', 60_000);

    await chat.handle({ type: 'applyCode', code: 'export function add(a: number, b: number): number {\n  return b + a;\n}\n', language: 'ts' });
    const diff = await waitFor(() => proposalTab(), 'the Apply diff');
    assert.equal(document.getText(), util, 'the file changed before Accept');
    assert.match(diff.label, /Apply \(add\)/);
    // What a user sees: the merge as a diff of the one function (the README's picture).
    const user = userInput();
    assert.ok(user, 'this test shows the diff like a user: it needs the page bridge of the code-server runner');
    await vscode.commands.executeCommand('notifications.clearAll');
    await user.waitFor('.monaco-diff-editor');
    await user.screenshot('media/screenshots/apply-merge.png');
    // The same Accept command as the selection actions': one flow.
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'applied');
    assert.equal(document.getText(), util.replace('return a + b;', 'return b + a;'));
    assert.equal(proposalTab(), undefined, 'the diff stayed open');

    // A snippet with no counterpart is inserted, never replacing the file.
    await chat.handle({ type: 'applyCode', code: 'export function mul(a: number, b: number): number {\n  return a * b;\n}', language: 'ts' });
    await waitFor(() => proposalTab(), 'the second Apply diff');
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'applied');
    assert.ok(document.getText().startsWith(util.replace('return a + b;', 'return b + a;')), 'the existing code was touched');
    assert.ok(document.getText().endsWith('\n\nexport function mul(a: number, b: number): number {\n  return a * b;\n}\n'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
