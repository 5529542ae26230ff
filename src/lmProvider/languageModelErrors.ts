/**
 * The error VS Code's chat shows for a failed request. Consent and key problems are
 * `LanguageModelError.NoPermissions`, local or server rate limits `Blocked`, a cancellation VS Code's
 * `CancellationError`; every other error keeps the core's message (already redacted of secrets).
 */
import * as vscode from 'vscode';
import { isGrokError, RateLimitError } from '../provider/errors';

const CONSENT_HINT = 'Run "Grok: Show Data-Use Consent" to review the notice and consent.';

/** The request was refused before anything was sent: the user has not consented for this model. */
export const CONSENT_DECLINED_MESSAGE = `Grok: no data-use consent for this model, so nothing was sent. ${CONSENT_HINT}`;

const SET_KEY_HINT = 'Run "Grok: Set API Key".';

export function toLanguageModelError(error: unknown, token: vscode.CancellationToken): Error {
  if (token.isCancellationRequested) return new vscode.CancellationError();
  if (!isGrokError(error)) return error instanceof Error ? error : new Error(String(error));
  switch (error.code) {
    case 'consent_required':
      return vscode.LanguageModelError.NoPermissions(`Grok: ${error.message} ${CONSENT_HINT}`);
    case 'unauthorized':
      return vscode.LanguageModelError.NoPermissions(`Grok: ${error.message} ${SET_KEY_HINT}`);
    case 'rate_limited': {
      const wait = error instanceof RateLimitError ? ` Try again in ${Math.ceil(error.retryAfter)} s.` : '';
      return vscode.LanguageModelError.Blocked(`Grok: ${error.message}${wait}`);
    }
    case 'aborted':
      return new vscode.CancellationError();
    default:
      return new Error(`Grok: ${error.message}`);
  }
}
