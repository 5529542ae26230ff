/** Maps an error from the provider to what the panel shows: a message and the one action that helps. */
import * as l10n from '@vscode/l10n';
import { creditsExhausted, CREDITS_EXHAUSTED_CODE, creditsExhaustedText } from '../platform/creditsExhausted';
import { ApiError, isGrokError, RateLimitError } from '../provider/errors';
import { redactSecrets } from '../provider/redact';
import { type ErrorView, PROTOCOL_LIMITS } from './protocol';

const MAX_RETRY_AFTER_SECONDS = 86_400;

/** The message being answered does not fit the model's context on its own, so nothing was sent. */
export class ContextTooLongError extends Error {
  constructor(
    readonly tokens: number,
    readonly contextWindow: number,
  ) {
    super(
      l10n.t(
        "This message is too large for the model: about {0} tokens with what it attaches, and the model's context holds {1} with the answer. Nothing was sent. Start a new chat with a summary of this one, and attach less (a selection instead of a whole file).",
        tokens.toLocaleString(),
        contextWindow.toLocaleString(),
      ),
    );
  }
}

/**
 * The server's own refusal of a prompt over the context, in any wording: xAI's 400 "maximum prompt
 * length is 256000 but the request contains 262931 tokens", OpenAI's "maximum context length" and
 * "Input tokens exceed the configured limit", a gateway's "exceed context limit", the code
 * `context_length_exceeded`: the prompt, input or context named together with a limit it exceeds.
 */
const CONTEXT_OVERFLOW =
  /maximum prompt length|context (length|window|limit)|context_length_exceeded|prompt is too long|too many tokens|\b(input|prompt) tokens?\b[^.]{0,40}\bexceed/i;

function clip(text: string): string {
  return redactSecrets(text).slice(0, PROTOCOL_LIMITS.summary);
}

export function toErrorView(error: unknown): ErrorView {
  const message = clip(error instanceof Error ? error.message : String(error));
  // Before the rate limit: credits come as a 429 too, but waiting will not bring them back.
  const credits = creditsExhausted(error);
  if (credits !== undefined) {
    const text = clip(creditsExhaustedText().charAt(0).toUpperCase() + creditsExhaustedText().slice(1));
    return credits.consoleUrl === undefined
      ? { code: CREDITS_EXHAUSTED_CODE, message: text, action: 'none' }
      : { code: CREDITS_EXHAUSTED_CODE, message: text, action: 'openConsole', url: credits.consoleUrl };
  }
  if (error instanceof ContextTooLongError) return { code: 'context_too_long', message, action: 'newChatWithSummary' };
  if (error instanceof ApiError && CONTEXT_OVERFLOW.test(`${error.message} ${error.serverMessage ?? ''}`)) {
    // Retrying the same request cannot succeed: a new chat with a summary can.
    return {
      code: 'context_too_long',
      message: clip(l10n.t("The conversation no longer fits the model's context ({0}). Start a new chat with a summary of this one.", error.serverMessage ?? error.message)),
      action: 'newChatWithSummary',
    };
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
    // Used-up credits do not come back by waiting, nor does a proxy's refusal: no retry then.
    case 'credits_exhausted':
    case 'budget_exceeded':
    case 'proxy_auth_required':
      return { code: error.code, message, action: 'none' };
    default:
      // network_error, timeout, api_error: trying again may well work.
      return { code: error.code, message, action: 'retry' };
  }
}
