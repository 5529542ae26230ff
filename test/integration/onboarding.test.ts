import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scenarios, startFakeXai, TEST_API_KEY, type FakeXai } from '../fake-xai';
import { userInput } from './support/userInput';
import { chatRequests, connectToFakeXai, type ConsentNotice, disconnectFromFakeXai, grokConfig, type GrokTestApi, setApiKeyAs, useFakeEndpoint, waitFor } from './support/extensionApi';

interface KeyVerdict {
  kind: 'valid' | 'rejected' | 'unreachable';
  text: string;
}

/** Every `grokCodeFast.*` value VS Code holds, in every scope, as text. */
function allSettingsText(): string {
  const config = vscode.workspace.getConfiguration('grokCodeFast');
  // contributes.configuration is an array of titled sections.
  const sections = [vscode.extensions.getExtension('grok-code-fast.grok-code-fast')!.packageJSON.contributes.configuration].flat() as { properties: object }[];
  const keys = sections.flatMap((section) => Object.keys(section.properties));
  return JSON.stringify(keys.map((key) => config.inspect(key.replace(/^grokCodeFast\./, ''))));
}

async function selectInNewFile(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'typescript', content });
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(0, 0, document.lineCount - 1, document.lineAt(document.lineCount - 1).text.length);
  return editor;
}

describe('onboarding: API key, consent, model', () => {
  let api: GrokTestApi;
  let fake: FakeXai;

  before(async () => {
    ({ api, fake } = await connectToFakeXai());
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await disconnectFromFakeXai(api, fake);
  });

  describe('Set API Key', () => {
    it('keeps a valid key in SecretStorage only: never in settings or the log', async () => {
      const verdict = await setApiKeyAs<KeyVerdict>(TEST_API_KEY);
      assert.equal(verdict.kind, 'valid', verdict.text);
      assert.equal(await api.storedApiKey(), TEST_API_KEY);
      assert.ok(fake.requests.some((r) => r.path === '/v1/api-key' && r.headers.authorization === `Bearer ${TEST_API_KEY}`));
      assert.ok(!allSettingsText().includes(TEST_API_KEY), 'the key appears in the settings');
      const log = api.logLines().join('\n');
      assert.match(log, /API key saved to SecretStorage/);
      assert.ok(!log.includes(TEST_API_KEY), 'the key appears in the log');
    });

    it('takes a key typed into the prompt opened from the walkthrough (focus goes to the input box)', async () => {
      const user = userInput();
      assert.ok(user, 'this test types like a user: it needs the page bridge of the code-server runner');
      await vscode.commands.executeCommand('grokCodeFast.clearApiKey');
      // A fresh profile: the step is not done yet, so finishing it re-renders the walkthrough.
      await vscode.commands.executeCommand('resetGettingStartedProgress');
      // As a user does: open the walkthrough and the step (it may not be the expanded one), then press its button.
      // Opened again when it shows no steps: right after start-up the page can come up before the walkthrough is registered.
      const step = '.gettingStartedContainer .getting-started-step[data-step-id$="#setApiKey"]';
      for (let attempt = 1; ; attempt++) {
        await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'grok-code-fast.grok-code-fast#grokCodeFast.gettingStarted', false);
        try {
          await user.waitFor(`${step} .step-title`, 5000);
          break;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
      await user.click(`${step} .step-title`, 20_000);
      await user.click(`${step} a:has-text("Set API Key"), ${step} button:has-text("Set API Key")`, 20_000);
      await user.waitFor('.quick-input-widget input[type="password"]');
      await user.type(TEST_API_KEY);
      await user.press('Enter');
      await waitFor(async () => (await api.storedApiKey()) === TEST_API_KEY, 'the typed key to be stored', 10_000);
    });

    it("reports a rejected key with the server's message and keeps the working key (issue 24 item 3)", async () => {
      await setApiKeyAs(TEST_API_KEY);
      const verdict = await setApiKeyAs<KeyVerdict>('xai-wrong-key-123');
      assert.equal(verdict.kind, 'rejected');
      assert.match(verdict.text, /Incorrect API key/);
      assert.match(verdict.text, /not saved.*previous API key stays in use/s);
      assert.equal(await api.storedApiKey(), TEST_API_KEY, 'the refused key replaced the working one');
      assert.ok(!api.logLines().join('\n').includes('xai-wrong-key-123'));
    });

    it('says so when the endpoint cannot be reached', async () => {
      const closed = await startFakeXai();
      await closed.close();
      await grokConfig().update('endpoint.url', closed.url, vscode.ConfigurationTarget.Global);
      try {
        await waitFor(() => api.settings().endpoint.baseUrl === closed.url, 'the closed endpoint');
        const verdict = await setApiKeyAs<KeyVerdict>(TEST_API_KEY);
        assert.equal(verdict.kind, 'unreachable', verdict.text);
        assert.match(verdict.text, /could not be reached/);
      } finally {
        await useFakeEndpoint(api, fake);
      }
    });

    it('Clear API Key removes it', async () => {
      await setApiKeyAs(TEST_API_KEY);
      await vscode.commands.executeCommand('grokCodeFast.clearApiKey');
      assert.equal(await api.storedApiKey(), undefined);
    });
  });

  describe('commands other code can call (issue 21 kind 8)', () => {
    it('Set API Key takes no key from a caller: the argument is ignored and the stored key stays', async () => {
      await setApiKeyAs(TEST_API_KEY);
      // The input box opens instead, and the user dismisses it.
      let asked = 0;
      api.setApiKeyPrompt(async () => (asked++, undefined));
      try {
        assert.equal(await vscode.commands.executeCommand('grokCodeFast.setApiKey', 'xai-from-another-extension-0001'), undefined);
      } finally {
        api.setApiKeyPrompt(undefined);
      }
      assert.equal(asked, 1, 'the input box was not shown');
      assert.equal(await api.storedApiKey(), TEST_API_KEY);
      assert.match(api.logLines().join('\n'), /ignored the arguments its caller passed/);
    });

    it('internal commands refuse a caller without this activation\'s token: askInChat sends nothing', async () => {
      const before = chatRequests(fake).length;
      for (const args of [['send this with the user key'], ['guessed-token', 'send this'], [undefined, 'send this']]) {
        assert.equal(await vscode.commands.executeCommand('grokCodeFast.askInChat', ...args), undefined);
      }
      await vscode.commands.executeCommand('grokCodeFast.refreshReport');
      const refused = api.logLines().filter((line) => /Refused the internal command grokCodeFast\.(askInChat|refreshReport)/.test(line));
      assert.equal(refused.length, 4);
      assert.equal(chatRequests(fake).length, before);
    });
  });

  describe('consent', () => {
    const notices: ConsentNotice[] = [];

    before(async () => {
      await setApiKeyAs(TEST_API_KEY);
      await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
    });

    it('asks before the first request and sends nothing when declined', async () => {
      api.setConsentPrompt(async (notice) => {
        notices.push(notice);
        return false;
      });
      const before = chatRequests(fake).length;
      await selectInNewFile('let a = 1;');
      await vscode.commands.executeCommand('grokCodeFast.refactor');
      assert.equal(notices.length, 1);
      // The notice is written for the endpoint the user configured (here the fake server).
      assert.match(notices[0].detail, new RegExp(`Your requests go to ${new URL(fake.url).origin.replace(/\./g, '\\.')}`));
      assert.match(notices[0].detail, /Revoke Data-Use Consent/);
      assert.equal(chatRequests(fake).length, before, 'a request was sent without consent');
    });

    it('sends once consented, and does not ask again', async () => {
      api.setConsentPrompt(async (notice) => {
        notices.push(notice);
        return true;
      });
      const asked = notices.length;
      fake.enqueue(scenarios.text('```ts\nconst a = 1;\n```'));
      await selectInNewFile('let a = 1;');
      await vscode.commands.executeCommand('grokCodeFast.refactor');
      assert.equal(notices.length, asked + 1);
      const sent = chatRequests(fake).length;
      assert.ok(sent > 0);
      fake.enqueue(scenarios.text('```ts\nconst b = 1;\n```'));
      await selectInNewFile('let b = 1;');
      await vscode.commands.executeCommand('grokCodeFast.refactor');
      assert.equal(notices.length, asked + 1, 'asked again after consent');
      assert.equal(chatRequests(fake).length, sent + 1);
      await vscode.commands.executeCommand('grokCodeFast.rejectProposal');
      await vscode.commands.executeCommand('grokCodeFast.rejectProposal');
    });

    it('Show Consent shows the notice with the current status', async () => {
      let shown: ConsentNotice | undefined;
      api.setConsentPrompt(async (notice) => {
        shown = notice;
        return false;
      });
      const granted = await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent');
      assert.equal(granted, true, 'declining the notice again must not revoke');
      assert.ok(shown);
      assert.match(shown.detail, /consent given on/);
    });

    it('Revoke Consent stops a request in flight at once and asks again next time', async () => {
      fake.enqueue({ kind: 'answer', reasoning: ['Thinking'], content: ['```ts\n', 'x', '\n```'], latencyMs: 20_000 });
      const before = chatRequests(fake).length;
      await selectInNewFile('let c = 1;');
      const started = Date.now();
      const running = vscode.commands.executeCommand<{ status: string }>('grokCodeFast.refactor');
      await waitFor(() => chatRequests(fake).length > before, 'the request to reach the server');
      await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
      const outcome = await running;
      assert.equal(outcome.status, 'stopped');
      assert.ok(Date.now() - started < 10_000, 'the request was not stopped at once');

      let asked = 0;
      api.setConsentPrompt(async () => {
        asked += 1;
        return false;
      });
      await vscode.commands.executeCommand('grokCodeFast.refactor');
      assert.equal(asked, 1);
    });
  });

  describe('Select Model', () => {
    afterEach(async () => {
      for (const key of ['chat.model', 'inlineCompletions.model', 'actions.model']) {
        await grokConfig().update(key, undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('writes a model the endpoint lists to the chosen feature', async () => {
      await setApiKeyAs(TEST_API_KEY);
      const selection = await vscode.commands.executeCommand('grokCodeFast.selectModel', { feature: 'chat', model: 'grok-4.7' });
      assert.deepEqual(selection, { features: ['chat'], model: 'grok-4.7' });
      assert.ok(fake.requests.some((r) => r.method === 'GET' && r.path === '/v1/language-models'));
      assert.equal(grokConfig().get('chat.model'), 'grok-4.7');
      assert.equal(grokConfig().inspect('actions.model')?.globalValue, undefined);
      await waitFor(() => api.settings().models.chat === 'grok-4.7', 'the new chat model');
    });

    it('changes nothing for a model the endpoint does not list', async () => {
      const selection = await vscode.commands.executeCommand('grokCodeFast.selectModel', { feature: 'all', model: 'no-such-model' });
      assert.equal(selection, undefined);
      assert.equal(grokConfig().inspect('chat.model')?.globalValue, undefined);
    });
  });
});
