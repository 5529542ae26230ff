/**
 * What the user is told when an action's request fails, chosen by the error's stable `code`: the
 * message, the level, and the one button that helps (Set API Key, Retry, Open Settings, Open Console).
 */
import { creditsExhausted, CREDITS_EXHAUSTED_TEXT } from '../platform/creditsExhausted';
import { isGrokError, type RateLimitError } from '../provider/errors';

export type FailureButton = 'Set API Key' | 'Retry' | 'Open Settings' | 'Open Proxy Settings' | 'Open Console';

export interface ActionFailure {
  /** `silent` for a cancel the user asked for. */
  level: 'error' | 'warning' | 'silent';
  message: string;
  buttons: FailureButton[];
  /** Seconds to wait, for the status bar countdown. */
  retryAfter?: number;
  /** The consent modal should be offered, then the action run again. */
  needsConsent?: boolean;
  /** The https address 'Open Console' opens (the server gave it). */
  consoleUrl?: string;
}

export function describeFailure(error: unknown, title: string): ActionFailure {
  const prefix = `Grok: ${title} failed`;
  // Before the codes: credits come as a 429 too, but they are no rate limit and waiting will not help.
  const credits = creditsExhausted(error);
  if (credits !== undefined) {
    const { consoleUrl } = credits;
    return consoleUrl === undefined
      ? { level: 'error', message: `${prefix}: ${CREDITS_EXHAUSTED_TEXT}`, buttons: [] }
      : { level: 'error', message: `${prefix}: ${CREDITS_EXHAUSTED_TEXT}`, buttons: ['Open Console'], consoleUrl };
  }
  if (!isGrokError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { level: 'error', message: `${prefix}: ${message}`, buttons: ['Retry'] };
  }
  switch (error.code) {
    case 'aborted':
      return { level: 'silent', message: `${title} cancelled.`, buttons: [] };
    case 'consent_required':
      return { level: 'warning', message: `${title}: nothing was sent, data-use consent is needed first.`, buttons: [], needsConsent: true };
    case 'unauthorized':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: ['Set API Key'] };
    case 'rate_limited': {
      const { retryAfter } = error as RateLimitError;
      return { level: 'warning', message: `${prefix}: ${error.message} Try again in ${retryAfter} s.`, buttons: ['Retry'], retryAfter };
    }
    case 'credits_exhausted':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: [] };
    case 'budget_exceeded':
      return { level: 'warning', message: `${prefix}: ${error.message}`, buttons: ['Open Settings'] };
    case 'proxy_auth_required':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: ['Open Proxy Settings'] };
    case 'network_error':
    case 'timeout':
      return { level: 'error', message: `${prefix}: the endpoint could not be reached (${error.message})`, buttons: ['Retry'] };
    case 'invalid_config':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: ['Open Settings'] };
    case 'api_error':
      return { level: 'error', message: `${prefix}: ${error.message}`, buttons: ['Retry'] };
  }
}
