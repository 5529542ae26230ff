/**
 * Out of credits or over the monthly spending limit. It is not a rate limit: waiting does not help,
 * and the fix (add credits, raise the limit) is in the provider's console, whose address the server
 * puts in its message (xAI: "Your team … has either used all available credits…", see
 * /work/shared/xai-responses.md §4). Recognised by the error code `credits_exhausted`, which the
 * core gives a 429 whose body speaks of credits or a spending limit (CreditsExhaustedError).
 */

import * as l10n from '@vscode/l10n';

export const CREDITS_EXHAUSTED_CODE = 'credits_exhausted';

/** What the user is told, after "<feature> failed: ". */
export function creditsExhaustedText(): string {
  return l10n.t("the account has no credits left or has reached its spending limit. Waiting will not help: add credits or raise the limit in the provider's console.");
}

export interface CreditsExhausted {
  /** The https address the server gave (its billing console), when it gave one. */
  consoleUrl?: string;
}

/** The first https URL in `text`, without trailing punctuation; undefined when there is none. */
export function httpsUrlIn(text: string): string | undefined {
  const match = /https:\/\/[^\s"'<>()]+/.exec(text);
  const url = match?.[0].replace(/[.,;:!?]+$/, '');
  if (url === undefined) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Undefined unless `error` says the credits or the spending limit are used up. */
export function creditsExhausted(error: unknown): CreditsExhausted | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (code !== CREDITS_EXHAUSTED_CODE) return undefined;
  const given = (error as { consoleUrl?: unknown }).consoleUrl;
  const consoleUrl = (typeof given === 'string' ? httpsUrlIn(given) : undefined) ?? (error instanceof Error ? httpsUrlIn(error.message) : undefined);
  return consoleUrl === undefined ? {} : { consoleUrl };
}
