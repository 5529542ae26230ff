/**
 * The chat panel in the real VS Code, against the fake xAI server. The webview itself is covered by
 * the browser tests; here the host side is driven through the extension's test seam `chat()` (the
 * ChatController behind the view) with the same protocol messages the webview sends.
 */
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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
  connect(post: ((message: unknown) => void) | undefined): void;
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

  it('Apply to file: an edit block lands where it matches, a plain snippet goes through the model merge, several files are accepted together', async function () {
    this.timeout(120_000);
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
    const created = workspaceFile('apply-created.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(util));
    await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);

    // 1. An edit block: applied where its SEARCH text matches once, shown as a diff first.
    const edit = 'apply-util.ts\n<<<<<<< SEARCH\n  return a + b;\n=======\n  return b + a;\n>>>>>>> REPLACE\n';
    // The answer as the chat shows it (the panel renders the block as its diff), beside the proposal.
    await chat.handle({ type: 'newChat' });
    fake.enqueue(scenarios.text('Swap the operands in `add`:\n\n```ts\n' + edit + '```\n'));
    await chat.handle({ type: 'send', text: 'Swap the operands in add', chips: [] });
    await chat.idle();
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('grokCodeFast.openChat');
    await vscode.window.showTextDocument(document);
    await chat.handle({ type: 'applyCode', code: edit, language: 'ts' });
    const diff = await waitFor(() => proposalTab(), 'the Apply diff');
    assert.equal(document.getText(), util, 'the file changed before Accept');
    assert.match(diff.label, /Apply \(edit blocks\)/);
    // What a user sees: the edit as a diff of the one line (the README's picture).
    const user = userInput();
    assert.ok(user, 'this test shows the diff like a user: it needs the page bridge of the code-server runner');
    await vscode.commands.executeCommand('notifications.clearAll');
    await user.waitFor('.monaco-diff-editor');
    await user.screenshot('media/screenshots/apply-merge.png');
    // The same Accept command as the selection actions': one flow.
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'applied');
    const afterEdit = util.replace('return a + b;', 'return b + a;');
    assert.equal(document.getText(), afterEdit);
    assert.equal(proposalTab(), undefined, 'the diff stayed open');

    // 2. The same block again: its SEARCH text is found 0 times now, so nothing is proposed.
    await chat.handle({ type: 'applyCode', code: edit, language: 'ts' });
    assert.equal(proposalTab(), undefined, 'a block that matches nowhere was proposed');
    assert.equal(document.getText(), afterEdit);

    // 3. A plain snippet with no counterpart: the model merge (a request with the file and the snippet) places it.
    await vscode.window.showTextDocument(document);
    const mul = 'export function mul(a: number, b: number): number {\n  return a * b;\n}';
    fake.enqueue(scenarios.text('```ts\napply-util.ts\n<<<<<<< SEARCH\n  return a - b;\n}\n=======\n  return a - b;\n}\n\n' + mul + '\n>>>>>>> REPLACE\n```'));
    const before = chatRequests(fake).length;
    await chat.handle({ type: 'applyCode', code: mul, language: 'ts' });
    const merge = chatRequests(fake).slice(before);
    assert.equal(merge.length, 1, 'one merge request');
    const sent = messagesOf(merge[0]!);
    assert.match(sent[0]!.content!, /You merge a code snippet/);
    assert.ok(sent[1]!.content!.includes(`<file path="apply-util.ts">\n${afterEdit}`) && sent[1]!.content!.includes(`<snippet>\n${mul}\n</snippet>`));
    assert.match((await waitFor(() => proposalTab(), 'the merge diff')).label, /Apply \(merge\)/);
    assert.equal(await vscode.commands.executeCommand('grokCodeFast.acceptProposal'), 'applied');
    const afterMerge = `${afterEdit.trimEnd()}\n\n${mul}\n`;
    assert.equal(document.getText(), afterMerge);

    // 4. Two files in one answer, one of them new: a diff each, Accept All, one undo step per file.
    const two = 'apply-util.ts\n<<<<<<< SEARCH\n  return a * b;\n=======\n  return b * a;\n>>>>>>> REPLACE\n\napply-created.ts\n<<<<<<< SEARCH\n=======\nexport const created = true;\n>>>>>>> REPLACE\n';
    await chat.handle({ type: 'applyCode', code: two });
    await waitFor(() => (vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'grok-proposal').length === 2 ? true : undefined), 'two diffs');
    assert.equal(await vscode.workspace.fs.stat(created).then(() => true, () => false), false, 'the new file was created before Accept');
    assert.deepEqual(await vscode.commands.executeCommand('grokCodeFast.acceptAllProposals'), ['applied', 'applied']);
    assert.equal(document.getText(), afterMerge.replace('return a * b;', 'return b * a;'));
    assert.equal(Buffer.from(await vscode.workspace.fs.readFile(created)).toString(), 'export const created = true;\n');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), afterMerge, 'one undo step undoes the file\'s whole change');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(created);
  });

  describe('read sandbox in the real VS Code: instruction files and @-mentions × link shapes (issue 21 kind 1)', () => {
    const SECRET = 'aws_secret_access_key = SECRET_FROM_OUTSIDE_42';
    /** Links made in the workspace: name -> target (absolute, or relative to the link). */
    let links: [string, string][] = [];
    let outside: string;

    before(async () => {
      outside = await mkdtemp(join(tmpdir(), 'grok-outside-'));
      await mkdir(join(outside, 'home'), { recursive: true });
      await writeFile(join(outside, 'credentials'), SECRET);
      await writeFile(join(outside, 'home', 'instructions.md'), SECRET);
      const root = workspaceFile('.').fsPath;
      await writeFile(join(root, '.env'), SECRET);
      await mkdir(join(root, '.github'), { recursive: true });
      await writeFile(join(root, '.github', 'copilot-instructions.md'), 'Use tabs. INSIDE_MARKER');
      await writeFile(join(root, 'notes-inside.md'), 'Plain notes. INSIDE_NOTES');
      links = [
        ['AGENTS.md', join(outside, 'credentials')], // file link, absolute, out
        ['.grok', join(outside, 'home')], // folder link out: .grok/instructions.md
        ['mention-out.md', relative(root, join(outside, 'credentials'))], // file link, relative, out
        ['mention-env.md', '.env'], // link to an excluded file inside
        ['mention-inside.md', 'notes-inside.md'], // stays inside: still read
      ];
      for (const [name, target] of links) await symlink(target, join(root, name));
    });

    after(async () => {
      const root = workspaceFile('.').fsPath;
      for (const [name] of links) await rm(join(root, name), { force: true });
      for (const name of ['.env', '.github', 'notes-inside.md']) await rm(join(root, name), { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
      chat.connect(undefined);
    });

    it('sends the instruction file that is inside, never one whose real file is outside', async () => {
      await chat.handle({ type: 'newChat' });
      fake.enqueue(scenarios.text('ok'));
      const before = chatRequests(fake).length;
      await chat.handle({ type: 'send', text: 'hello', chips: [] });
      await chat.idle();
      const body = JSON.stringify(chatRequests(fake)[before]?.body);
      assert.match(body, /INSIDE_MARKER/, 'the inside instruction file was found and sent (so the search ran)');
      assert.doesNotMatch(body, /SECRET_FROM_OUTSIDE/);
    });

    it('attaches an @-mention of a link that stays inside, and refuses every link out or to an excluded file', async () => {
      const posted: { type: string; chips?: { id: string; label: string }[] }[] = [];
      chat.connect((message) => posted.push(message as (typeof posted)[number]));
      const chipsShown = () => posted.filter((m) => m.type === 'contextChips').at(-1)?.chips ?? [];
      for (const rel of ['AGENTS.md', '.grok/instructions.md', 'mention-out.md', 'mention-env.md']) await chat.handle({ type: 'mentionPick', path: rel });
      assert.deepEqual(chipsShown(), [], 'a refused mention became a chip');
      await chat.handle({ type: 'mentionPick', path: 'mention-inside.md' });
      const chips = chipsShown();
      assert.equal(chips.length, 1, 'the link inside was refused');
      fake.enqueue(scenarios.text('ok'));
      const before = chatRequests(fake).length;
      await chat.handle({ type: 'send', text: 'summarise', chips });
      await chat.idle();
      const body = JSON.stringify(chatRequests(fake)[before]?.body);
      assert.match(body, /INSIDE_NOTES/);
      assert.doesNotMatch(body, /SECRET_FROM_OUTSIDE/);
    });
  });
});
