/**
 * The error VS Code's chat shows for a failed request. Consent and key problems are
 * `LanguageModelError.NoPermissions`, local or server rate limits `Blocked`, a cancellation VS Code's
 * `CancellationError`; every other error keeps the core's message (already redacted of secrets).
 */
import * as vscode from 'vscode';
import { isGrokError, RateLimitError } from '../provider/errors';

const CONSENT_HINT = vscode.l10n.t('Run "Grok: Show Data-Use Consent" to review the notice and consent.');

/** The request was refused before anything was sent: the user has not consented to the endpoint (one consent covers all its models). */
export const CONSENT_DECLINED_MESSAGE = vscode.l10n.t('Grok: no data-use consent for this endpoint, so nothing was sent. {0}', CONSENT_HINT);

const SET_KEY_HINT = vscode.l10n.t('Run "Grok: Set API Key".');

export function toLanguageModelError(error: unknown, token: vscode.CancellationToken): Error {
  if (token.isCancellationRequested) return new vscode.CancellationError();
  if (!isGrokError(error)) return error instanceof Error ? error : new Error(String(error));
  switch (error.code) {
    case 'consent_required':
      return vscode.LanguageModelError.NoPermissions(vscode.l10n.t('Grok: {0} {1}', error.message, CONSENT_HINT));
    case 'unauthorized':
      return vscode.LanguageModelError.NoPermissions(vscode.l10n.t('Grok: {0} {1}', error.message, SET_KEY_HINT));
    case 'rate_limited': {
      const wait = error instanceof RateLimitError ? vscode.l10n.t('Try again in {0} s.', Math.ceil(error.retryAfter)) : '';
      return vscode.LanguageModelError.Blocked(vscode.l10n.t('Grok: {0} {1}', error.message, wait).trimEnd());
    }
    case 'budget_exceeded':
      // The user's own cap, declined at "Continue over budget today?": nothing was sent.
      return vscode.LanguageModelError.Blocked(vscode.l10n.t('Grok: {0}', error.message));
    case 'aborted':
      return new vscode.CancellationError();
    default:
      return new Error(vscode.l10n.t('Grok: {0}', error.message));
  }
}
