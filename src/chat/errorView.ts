/** Maps an error from the provider to what the panel shows: a message and the one action that helps. */
import { creditsExhausted, CREDITS_EXHAUSTED_CODE, CREDITS_EXHAUSTED_TEXT } from '../platform/creditsExhausted';
import { ApiError, isGrokError, RateLimitError } from '../provider/errors';
import { redactSecrets } from '../provider/redact';
import { type ErrorView, PROTOCOL_LIMITS } from './protocol';

const MAX_RETRY_AFTER_SECONDS = 86_400;

function clip(text: string): string {
  return redactSecrets(text).slice(0, PROTOCOL_LIMITS.summary);
}

export function toErrorView(error: unknown): ErrorView {
  const message = clip(error instanceof Error ? error.message : String(error));
  // Before the rate limit: credits come as a 429 too, but waiting will not bring them back.
  const credits = creditsExhausted(error);
  if (credits !== undefined) {
    const text = clip(CREDITS_EXHAUSTED_TEXT.charAt(0).toUpperCase() + CREDITS_EXHAUSTED_TEXT.slice(1));
    return credits.consoleUrl === undefined
      ? { code: CREDITS_EXHAUSTED_CODE, message: text, action: 'none' }
      : { code: CREDITS_EXHAUSTED_CODE, message: text, action: 'openConsole', url: credits.consoleUrl };
  }
  if (error instanceof RateLimitError) {
    const retryAfter = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(error.retryAfter)));
    return { code: error.code, message, retryAfter, action: 'retry' };
  }
  if (error instanceof ApiError && error.serverMessage !== undefined && !message.includes(error.serverMessage)) {
    return { code: error.code, message: clip(`${message}: ${error.serverMessage}`), action: 'retry' };
  }
  if (!isGrokError(error)) return { code: 'unknown', message, action: 'retry' };
  switch (error.code) {
    case 'unauthorized':
      return { code: error.code, message, action: 'setApiKey' };
    case 'consent_required':
      return { code: error.code, message, action: 'consent' };
    case 'aborted':
    case 'invalid_config':
      return { code: error.code, message, action: 'none' };
    default:
      // network_error, timeout, api_error: trying again may well work.
      return { code: error.code, message, action: 'retry' };
  }
}
