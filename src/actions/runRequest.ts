/**
 * The part every model-backed action shares: the exclude and consent gates, the streamed request with
 * `metadata.feature: 'action'` (the core announces its outcome to the status bar), and the failure message mapped by error code
 * (a consent_required answer shows the modal and runs once more).
 */
import * as vscode from 'vscode';
import { confirmOpenAddress } from '../platform/confirmOpenAddress';
import { openConsoleAddress, type ConsoleOpener } from '../platform/creditsExhausted';
import { type ChatMessage, type GenerateResult } from '../provider/types';
import { describeFailure, type ActionFailure, type FailureButton } from './actionFailure';
import { type SelectionActionDeps } from './actionDeps';
import { streamAnswer } from './streamAnswer';

export interface ActionRequest {
  title: string;
  document: vscode.TextDocument;
  messages: ChatMessage[];
  /** Output-token limit for this request (a retry of a cut answer raises it); else the setting. */
  maxTokens?: number;
  onText(text: string): void | Promise<void>;
  /** Called before a retry, and after a failure, to drop what the failed attempt showed. */
  onFailed(): void | Promise<void>;
}

/** True (and the user told) when the file is under `grokCodeFast.exclude`. */
export function refuseExcluded(deps: SelectionActionDeps, document: vscode.TextDocument): boolean {
  if (!deps.isExcluded(document)) return false;
  const message = vscode.l10n.t('{0} matches grokCodeFast.exclude, so it never leaves this machine.', vscode.workspace.asRelativePath(document.uri));
  deps.logger.info(message);
  void vscode.window.showWarningMessage(`Grok: ${message}`);
  return true;
}

/** The result, or undefined when nothing came back (the user was told why). */
export async function runRequest(deps: SelectionActionDeps, action: ActionRequest, retry: () => Promise<unknown>): Promise<GenerateResult | undefined> {
  if (refuseExcluded(deps, action.document)) return undefined;
  if (!(await deps.ensureConsent())) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Grok: {0} needs data-use consent; nothing was sent.', action.title));
    return undefined;
  }
  try {
    return await streamAnswer({
      provider: deps.getProvider('action'),
      request: {
        messages: action.messages,
        metadata: { feature: 'action' },
        ...(action.maxTokens === undefined ? {} : { options: { maxTokens: action.maxTokens } }),
      },
      title: action.title,
      estimateNoticeUsd: deps.estimateNoticeUsd(),
      onConsentRevoked: deps.onConsentRevoked,
      onText: action.onText,
    });
  } catch (error) {
    await action.onFailed();
    const failure = describeFailure(error, action.title);
    deps.logger[failure.level === 'silent' ? 'info' : 'warn'](failure.message);
    if (failure.needsConsent) {
      if (await deps.ensureConsent()) await retry();
      return undefined;
    }
    announceFailure(failure, retry);
    return undefined;
  }
}

const BUTTON_LABELS: Record<FailureButton, () => string> = {
  setApiKey: () => vscode.l10n.t('Set API Key'),
  retry: () => vscode.l10n.t('Retry'),
  openSettings: () => vscode.l10n.t('Open Settings'),
  openProxySettings: () => vscode.l10n.t('Open Proxy Settings'),
  openConsole: () => vscode.l10n.t('Open Console'),
};

const CONSOLE_OPENER: ConsoleOpener = {
  openExternal: async (url) => void (await vscode.env.openExternal(vscode.Uri.parse(url))),
  confirmOpen: confirmOpenAddress,
};

function announceFailure(failure: ActionFailure, retry: () => Promise<unknown>): void {
  if (failure.level === 'silent') return;
  const show = failure.level === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  // Not awaited: the command finishes while the notification waits for the user.
  void show(failure.message, ...failure.buttons.map((id) => ({ title: BUTTON_LABELS[id](), id }))).then((item) => {
    const choice = item?.id;
    if (choice === 'setApiKey') void vscode.commands.executeCommand('grokCodeFast.setApiKey');
    if (choice === 'openSettings') void vscode.commands.executeCommand('workbench.action.openSettings', 'grokCodeFast');
    if (choice === 'openProxySettings') void vscode.commands.executeCommand('workbench.action.openSettings', 'http.proxy');
    if (choice === 'retry') void retry();
    if (choice === 'openConsole' && failure.consoleUrl !== undefined) void openConsoleAddress(failure.consoleUrl, CONSOLE_OPENER);
  });
}
