/**
 * VS Code 1.139's Add Models, as a user does it: Manage Language Models → Add Models → Grok Code
 * Fast (xAI), a name, an API key in VS Code's own password box (the provider's `configuration`,
 * which replaced the deprecated `managementCommand`). The key reaches the extension's SecretStorage
 * through Set API Key's check, consent is asked, every model is listed once (VS Code lists a group's
 * models apart from the others: src/lmProvider/languageModelsGroup.ts), and adding models with the key
 * already set says so.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LATE_2026_CATALOGUE, TEST_API_KEY, type FakeXai } from '../fake-xai';
import { connectToFakeXai, disconnectFromFakeXai, type GrokTestApi, waitFor } from './support/extensionApi';
import { type UserInput, userInput } from './support/userInput';

const MENU_ITEM = '.monaco-menu .action-item:has-text("Grok Code Fast (xAI)")';

async function grokModelIds(): Promise<string[]> {
  return (await vscode.lm.selectChatModels({ vendor: 'grok' })).map((model) => model.id);
}

/** Add Models → Grok Code Fast (xAI): the name VS Code offers, then `key` (empty: none) in its password box. */
async function addModels(user: UserInput, key: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.chat.manage');
  await user.click('.models-add-model-button', 20_000);
  await user.click(MENU_ITEM, 10_000);
  await user.waitFor('.quick-input-widget input');
  await user.press('Enter');
  await user.waitFor('.quick-input-widget input[type="password"]');
  if (key) await user.type(key);
  await user.press('Enter');
}

describe("VS Code's Add Models → Grok Code Fast (xAI)", function () {
  this.timeout(120_000);
  let api: GrokTestApi;
  let fake: FakeXai;
  let consentAsked = 0;

  before(async () => {
    ({ api, fake } = await connectToFakeXai());
    await vscode.commands.executeCommand('grokCodeFast.clearApiKey');
    await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
    api.setConsentPrompt(async () => {
      consentAsked++;
      return true;
    });
  });

  after(async () => {
    api.setConsentPrompt(async () => true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await disconnectFromFakeXai(api, fake);
  });

  it('takes the key typed there into SecretStorage after checking it, asks consent, and lists each model once', async () => {
    const user = userInput();
    assert.ok(user, 'this test clicks like a user: it needs the page bridge of the code-server runner');
    assert.deepEqual(await grokModelIds(), [], 'no models before a key');
    await addModels(user, TEST_API_KEY);
    await waitFor(async () => (await api.storedApiKey()) === TEST_API_KEY, 'the key typed in Add Models to be stored', 20_000);
    assert.ok(fake.requests.some((r) => r.path === '/v1/api-key' && r.headers.authorization === `Bearer ${TEST_API_KEY}`), 'the key was checked');
    await waitFor(() => consentAsked > 0, 'the consent question', 20_000);
    const ids = await waitFor(async () => ((await grokModelIds()).length > 0 ? grokModelIds() : undefined), 'Grok models', 20_000);
    assert.deepEqual([...ids].sort(), LATE_2026_CATALOGUE.map((entry) => entry.id).sort(), 'each model once, none under the group as well');
  });

  it('says the key is already set when models are added again, and still lists each model once', async () => {
    const user = userInput();
    assert.ok(user);
    const asked = consentAsked;
    const checks = fake.requests.filter((r) => r.path === '/v1/api-key').length;
    await vscode.commands.executeCommand('notifications.clearAll');
    await addModels(user, '');
    await waitFor(() => api.logLines().some((line) => line.includes('Language Models group: the API key is already set')), 'the second group to be answered', 20_000).catch((error: unknown) => {
      throw new Error(`${String(error)}; log: ${api.logLines().filter((line) => /group|Language Models/i.test(line)).join(' | ')}`);
    });
    // What the user sees (the notification centre lists it even when other toasts crowd it out).
    await vscode.commands.executeCommand('notifications.showList');
    await user.waitFor('.notifications-center :text("already has an API key")', 20_000);
    assert.equal(fake.requests.filter((r) => r.path === '/v1/api-key').length, checks, 'the same key is not checked again');
    assert.equal(consentAsked, asked, 'consent already given is not asked again');
    const ids = await grokModelIds();
    assert.equal(new Set(ids).size, ids.length, `a model listed twice: ${ids.join(', ')}`);
    assert.equal(ids.length, LATE_2026_CATALOGUE.length);
  });
});
