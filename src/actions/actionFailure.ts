/**
 * What the user is told when an action's request fails, chosen by the error's stable `code`: the
 * message, the level, and the one button that helps (Set API Key, Retry, Open Settings, Open Console).
 */
import * as l10n from '@vscode/l10n';
import { creditsExhausted, creditsExhaustedText } from '../platform/creditsExhausted';
import { isGrokError, type RateLimitError } from '../provider/errors';

/** Which button helps; runRequest shows each with its localised label. */
export type FailureButton = 'setApiKey' | 'retry' | 'openSettings' | 'openProxySettings' | 'openConsole';

export interface ActionFailure {
  /** `silent` for a cancel the user asked for. */
  level: 'error' | 'warning' | 'silent';
  message: string;
  buttons: FailureButton[];
  /** Seconds to wait, for the status bar countdown. */
  retryAfter?: number;
  /** The consent modal should be offered, then the action run again. */
  needsConsent?: boolean;
  /** The https address the Open Console button opens (the server gave it). */
  consoleUrl?: string;
}

export function describeFailure(error: unknown, title: string): ActionFailure {
  const prefix = l10n.t('Grok: {0} failed', title);
  // Before the codes: credits come as a 429 too, but they are no rate limit and waiting will not help.
  const credits = creditsExhausted(error);
  if (credits !== undefined) {
    const { consoleUrl } = credits;
    return consoleUrl === undefined
      ? { level: 'error', message: `${prefix}: ${creditsExhaustedText()}`, buttons: [] }
      : { level: 'error', message: `${prefix}: ${creditsExhaustedText()}`, buttons: ['openConsole'], consoleUrl };
  }
  if (!isGrokError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { level: 'error', message: `${prefix}: ${message}`, buttons: ['retry'] };
  }
  switch (error.code) {
    case 'aborted':
      return { level: 'silent', message: l10n.t('{0} cancelled.', title), buttons: [] };
    case 'consent_required':
      return { level: 'warning', message: l10n.t('{0}: nothing was sent, data-use consent is needed first.', title), buttons: [], needsConsent: true };
    case 'unauthorized':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: ['setApiKey'] };
    case 'rate_limited': {
      const { retryAfter } = error as RateLimitError;
      return { level: 'warning', message: `${prefix}: ${error.message} ${l10n.t('Try again in {0} s.', retryAfter)}`, buttons: ['retry'], retryAfter };
    }
    case 'credits_exhausted':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: [] };
    case 'budget_exceeded':
      return { level: 'warning', message: `${prefix}: ${error.message}`, buttons: ['openSettings'] };
    case 'proxy_auth_required':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: ['openProxySettings'] };
    case 'network_error':
    case 'timeout':
      return { level: 'error', message: `${prefix}: ${l10n.t('the endpoint could not be reached ({0})', error.message)}`, buttons: ['retry'] };
    case 'invalid_config':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: ['openSettings'] };
    case 'api_error':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: ['retry'] };
  }
}
