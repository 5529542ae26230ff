/** Set API Key (checked against the endpoint, then stored in SecretStorage unless refused) and Clear API Key. */
import * as vscode from 'vscode';
import { type ApiKeyStore } from '../platform/apiKeyStore';
import { withCancellableProgress } from '../platform/cancellableProgress';
import { afterWalkthroughFocus } from '../platform/walkthroughFocus';
import { type Logger } from '../provider/types';
import { adoptApiKey } from './keyAdoption';
import { type ApiKeyCheckResult, apiKeyPrompt, type KeyVerdict } from './keyVerdict';

export interface ApiKeyCommandDeps {
  keyStore: ApiKeyStore;
  /** Checks `apiKey` against the configured endpoint (a provider built with that key). */
  checkApiKey(apiKey: string, signal: AbortSignal): Promise<ApiKeyCheckResult>;
  /** The endpoint's base URL for the messages, or undefined when none is configured. */
  endpoint(): string | undefined;
  /** Replaces the input box (integration tests only: Services.apiKeyPrompt). */
  apiKeyPrompt(): (() => Promise<string | undefined>) | undefined;
  logger: Logger;
}

async function askForKey(endpoint: string | undefined): Promise<string | undefined> {
  await afterWalkthroughFocus();
  const key = await vscode.window.showInputBox({
    title: vscode.l10n.t('Grok Code Fast: API key'),
    prompt: apiKeyPrompt(endpoint),
    placeHolder: 'xai-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Enter a key, or press Escape to cancel.') : undefined),
  });
  return key?.trim() || undefined;
}

function announce(verdict: KeyVerdict): void {
  // Not awaited: a notification stays until dismissed and the command must not wait for that.
  if (verdict.kind === 'valid') {
    void vscode.window.showInformationMessage(verdict.text);
    return;
  }
  const show = verdict.kind === 'rejected' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  void show(verdict.text, vscode.l10n.t('Set API Key')).then((choice) => {
    if (choice) void vscode.commands.executeCommand('grokCodeFast.setApiKey');
  });
}

/**
 * The command. The key comes only from the input box: any extension or task can run a command with
 * arguments, and one must not replace the stored key (and so where its requests are billed). An
 * argument is ignored, and logged. Resolves to the verdict.
 */
export async function setApiKey(deps: ApiKeyCommandDeps, ...callerArgs: unknown[]): Promise<KeyVerdict | undefined> {
  if (callerArgs.length > 0) deps.logger.warn('Set API Key ignored the arguments its caller passed: the key is taken only from the input box.');
  const prompt = deps.apiKeyPrompt();
  const key = prompt ? (await prompt())?.trim() || undefined : await askForKey(deps.endpoint());
  if (!key) return undefined;
  return useApiKey(deps, key);
}

/**
 * Checks `key` against the endpoint, stores it unless the endpoint refused it, and tells the user the
 * verdict: what Set API Key does after its input box. Also the key VS Code's Language Models editor
 * asked for (Add Models → Grok Code Fast), handed over by the internal command `useApiKey`, never by
 * a public one.
 */
export async function useApiKey(deps: ApiKeyCommandDeps, key: string): Promise<KeyVerdict> {
  const endpoint = deps.endpoint();
  const hadKey = (await deps.keyStore.get()) !== undefined;
  const adopt = (signal: AbortSignal) =>
    adoptApiKey({ key, endpoint, hadKey, check: (candidate) => deps.checkApiKey(candidate, signal), store: (checked) => deps.keyStore.set(checked) });
  // Without an endpoint nothing is checked, so there is no progress to show.
  const verdict = endpoint === undefined ? await adopt(new AbortController().signal) : await withCancellableProgress(vscode.l10n.t('Checking the API key…'), adopt);
  deps.logger.info(verdict.kind === 'rejected' ? 'API key refused by the endpoint; not saved.' : `API key saved to SecretStorage; check: ${verdict.kind}.`);
  announce(verdict);
  return verdict;
}

export async function clearApiKey(deps: ApiKeyCommandDeps): Promise<void> {
  await deps.keyStore.clear();
  deps.logger.info('API key removed from SecretStorage.');
  void vscode.window.showInformationMessage(vscode.l10n.t('Grok Code Fast: API key removed. Set one again to send requests.'));
}
