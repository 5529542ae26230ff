/**
 * Models as xAI serves them in late 2026 (issue 12), in the real VS Code against the fake xAI
 * server: Select Model from the live catalogue, then every feature on the chosen model; a
 * redirected answer told once; a model the endpoint no longer serves opens the picker; the removed
 * Roo Code Cloud profile moved to `custom` with no URL.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type Conversation } from '../../src/chat/historySchema';
import { LATE_2026_SERVED_BY, scenarios, startFakeXai, TEST_API_KEY, type FakeXai } from '../fake-xai';
import { chatRequests, disconnectFromFakeXai, grokApi, grokConfig, type GrokTestApi, sentText, setApiKeyAs, useFakeEndpoint, waitFor, workspaceFile } from './support/extensionApi';

interface ChatSeam {
  handle(message: unknown): Promise<void>;
  idle(): Promise<void>;
  readonly activeConversation: Readonly<Conversation> | undefined;
}

type NoticePrompt = (severity: 'info' | 'warning', message: string, buttons: string[]) => Promise<string | undefined>;
type ModelsApi = GrokTestApi & { chat?: () => ChatSeam; setNoticePrompt?: (prompt: NoticePrompt | undefined) => void };

const MODEL_KEYS = ['chat.model', 'inlineCompletions.model', 'actions.model'];
const RETIRED = 'grok-3';

describe('models as xAI serves them', () => {
  let api: ModelsApi;
  let fake: FakeXai;
  let chat: ChatSeam;
  const notices: { severity: string; message: string; buttons: string[] }[] = [];
  let answer: (message: string, buttons: string[]) => string | undefined = () => undefined;

  before(async () => {
    api = await grokApi();
    fake = await startFakeXai({ servedBy: LATE_2026_SERVED_BY, retired: [RETIRED] });
    await useFakeEndpoint(api, fake);
    assert.ok(api.chat && api.setNoticePrompt, 'the extension exports the chat and notice test seams');
    chat = api.chat();
    api.setNoticePrompt(async (severity, message, buttons) => {
      notices.push({ severity, message, buttons });
      return answer(message, buttons);
    });
    await setApiKeyAs(TEST_API_KEY);
    await waitFor(async () => (await api.storedApiKey()) === TEST_API_KEY, 'the stored key');
    api.setConsentPrompt(async () => true);
    assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), true);
  });

  beforeEach(() => {
    notices.length = 0;
    answer = () => undefined;
  });

  afterEach(async () => {
    for (const key of MODEL_KEYS) await grokConfig().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('grokCodeFast.rejectProposal');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    api.setNoticePrompt?.(undefined);
    await chat.handle({ type: 'newChat' });
    await disconnectFromFakeXai(api, fake);
  });

  /** Consent is recorded per configured model: given again after each model change. */
  async function consentToCurrentModels(): Promise<void> {
    assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), true);
  }

  async function sendChat(text: string): Promise<string> {
    await chat.handle({ type: 'newChat' });
    await chat.handle({ type: 'send', text, chips: [] });
    await chat.idle();
    const reply = chat.activeConversation?.entries[1];
    return reply?.role === 'assistant' ? reply.steps.map((step) => step.content).join('') : '';
  }

  it('Select Model -> grok-4.3: a chat message, an inline completion and a Refactor all succeed on it', async () => {
    const selection = await vscode.commands.executeCommand('grokCodeFast.selectModel', { feature: 'all', model: 'grok-4.3' });
    assert.deepEqual(selection, { features: ['chat', 'inline', 'action'], model: 'grok-4.3' });
    await waitFor(() => Object.values(api.settings().models).every((model) => model === 'grok-4.3'), 'grok-4.3 for every feature');
    await consentToCurrentModels();

    fake.enqueue(scenarios.text('Hello from grok-4.3.'));
    assert.equal(await sendChat('Which model are you?'), 'Hello from grok-4.3.');
    assert.equal((chatRequests(fake).at(-1)?.body as { model: string }).model, 'grok-4.3');

    const uri = workspaceFile('models-inline.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('export function add(a: number, b: number): number {\n  \n}\n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const end = editor.document.lineAt(1).range.end;
    editor.selection = new vscode.Selection(end, end);
    fake.setDefault(scenarios.text('a + b;'));
    try {
      await vscode.commands.executeCommand('type', { text: 'return ' });
      await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
      const inline = await waitFor(() => chatRequests(fake).find((request) => sentText(request).includes('File: models-inline.ts\n')), 'the inline request');
      const body = inline.body as { model: string; reasoning_effort?: string };
      assert.equal(body.model, 'grok-4.3');
      assert.equal(body.reasoning_effort, 'none', 'inline completions use the lowest effort the model accepts');
      await waitFor(async () => {
        await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
        return editor.document.getText().includes('return a + b;');
      }, 'the accepted completion');
    } finally {
      fake.setDefault(scenarios.empty());
    }

    const source = workspaceFile('models-refactor.js');
    await vscode.workspace.fs.writeFile(source, Buffer.from('export function add(a, b) {\n  var sum = a + b;\n  return sum;\n}\n'));
    const refactorEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    refactorEditor.selection = new vscode.Selection(1, 0, 3, 0);
    fake.enqueue(scenarios.text('```javascript\n  const sum = a + b;\n  return sum;\n```'));
    const outcome = await vscode.commands.executeCommand<{ status: string }>('grokCodeFast.refactor');
    assert.equal(outcome.status, 'proposed');
    assert.equal((chatRequests(fake).at(-1)?.body as { model: string }).model, 'grok-4.3');
    assert.deepEqual(notices, [], 'grok-4.3 answered as itself: no notice');
  });

  it('tells once, with prices, when another model answered for the one configured', async () => {
    await grokConfig().update('chat.model', 'grok-code-fast-1', vscode.ConfigurationTarget.Global);
    await waitFor(() => api.settings().models.chat === 'grok-code-fast-1', 'the chat model');
    await consentToCurrentModels();
    fake.enqueue(scenarios.text('First.'), scenarios.text('Second.'));
    assert.equal(await sendChat('one'), 'First.');
    const notice = await waitFor(() => notices[0], 'the redirect notice');
    assert.equal(notice.severity, 'info');
    assert.match(notice.message, /you chose grok-code-fast-1, but grok-4\.3 answered/);
    assert.match(notice.message, /\$1\.25 in \/ \$0\.20 cached \/ \$2\.50 out per million tokens/);
    assert.deepEqual(notice.buttons, ['Use grok-4.3', 'Pick Another Model']);
    assert.equal(await sendChat('two'), 'Second.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(notices.length, 1, 'the same redirect was told twice');
    assert.equal(grokConfig().get('chat.model'), 'grok-code-fast-1', 'the model was switched without a click');
  });

  it('switches the setting to the serving model only when asked', async () => {
    await grokConfig().update('actions.model', 'grok-4.3-latest', vscode.ConfigurationTarget.Global);
    await grokConfig().update('chat.model', 'grok-4.3-latest', vscode.ConfigurationTarget.Global);
    await waitFor(() => api.settings().models.chat === 'grok-4.3-latest', 'the chat model');
    await consentToCurrentModels();
    fake.enqueue(scenarios.text('Alias answer.'));
    assert.equal(await sendChat('alias'), 'Alias answer.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(notices, [], 'an alias answered by its own model is no redirect');

    fake.enqueue({ kind: 'answer', content: ['From 4.7.'], model: 'grok-4.7' });
    answer = (_message, buttons) => buttons[0];
    assert.equal(await sendChat('redirect me'), 'From 4.7.');
    // Every feature on the redirected model follows; inline's default `auto` stands for the
    // non-reasoning model, which the redirect does not concern.
    await waitFor(
      () => ['chat.model', 'actions.model'].every((key) => grokConfig().get(key) === 'grok-4.7'),
      'the settings switched by the button',
    );
    assert.equal(grokConfig().get('inlineCompletions.model'), 'auto');
  });

  it('opens the picker when the endpoint does not serve the configured model (404)', async () => {
    await grokConfig().update('chat.model', RETIRED, vscode.ConfigurationTarget.Global);
    await waitFor(() => api.settings().models.chat === RETIRED, 'the chat model');
    await consentToCurrentModels();
    answer = (_message, buttons) => (buttons.includes('Pick Another Model') ? 'Pick Another Model' : undefined);
    await sendChat('anyone there?');
    const notice = await waitFor(() => notices[0], 'the not-served notice');
    assert.equal(notice.severity, 'warning');
    assert.match(notice.message, /model "grok-3" is not served by this endpoint/);
    // The picker lists the catalogue, grok-4.3 first: accepting its first item sets the chat model.
    await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return grokConfig().get('chat.model') === 'grok-4.3';
      },
      'a model picked in the opened picker',
      10_000,
    );
    assert.equal(grokConfig().inspect('actions.model')?.globalValue, undefined, 'only the feature on the missing model was asked for');
  });

  it('moves the removed rooCodeCloud profile to custom with no URL, tells once, and sends nothing', async () => {
    const requestsBefore = fake.requests.length;
    try {
      await grokConfig().update('endpoint.profile', 'rooCodeCloud', vscode.ConfigurationTarget.Global);
      await waitFor(() => grokConfig().inspect('endpoint.profile')?.globalValue === 'custom', 'the profile moved to custom', 10_000);
      assert.equal(grokConfig().inspect('endpoint.url')?.globalValue, undefined);
      await waitFor(() => api.settings().endpoint.baseUrl === null, 'no endpoint');
      const notice = await waitFor(() => notices.find((n) => /Roo Code Cloud shut down/.test(n.message)), 'the migration notice');
      assert.deepEqual(notice.buttons, ['Use xAI Directly', 'Open Settings']);

      await chat.handle({ type: 'newChat' });
      await chat.handle({ type: 'send', text: 'is anyone there?', chips: [] });
      await chat.idle();
      assert.equal(fake.requests.length, requestsBefore, 'a request was sent without an endpoint');

      // The old value coming back (e.g. through Settings Sync) is moved again but not told again.
      await grokConfig().update('endpoint.profile', 'rooCodeCloud', vscode.ConfigurationTarget.Global);
      await waitFor(() => grokConfig().inspect('endpoint.profile')?.globalValue === 'custom', 'moved again', 10_000);
      assert.equal(notices.filter((n) => /Roo Code Cloud/.test(n.message)).length, 1);
    } finally {
      await useFakeEndpoint(api, fake);
    }
  });
});
