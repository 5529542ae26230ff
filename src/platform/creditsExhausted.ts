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

/** xAI's console, the only address opened without asking (xai-responses.md §4 names console.x.ai). */
export const XAI_CONSOLE_ORIGIN = 'https://console.x.ai';

/** True for an https address on console.x.ai itself: no other host, port or user name. */
export function isXaiConsoleUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === XAI_CONSOLE_ORIGIN && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export interface ConsoleOpener {
  openExternal(url: string): Promise<void>;
  /** Shows the address and asks whether to open it; true only for an explicit yes. */
  confirmOpen(url: string): Promise<boolean>;
}

/**
 * Opens a console address a server's error gave: xAI's console at once, any other address (another
 * provider's, or a phishing page a hostile endpoint names) only after the user has seen it and said
 * yes. Returns whether it was opened.
 */
export async function openConsoleAddress(url: string, opener: ConsoleOpener): Promise<boolean> {
  if (!isXaiConsoleUrl(url) && !(await opener.confirmOpen(url))) return false;
  await opener.openExternal(url);
  return true;
}

/** Undefined unless `error` says the credits or the spending limit are used up. */
export function creditsExhausted(error: unknown): CreditsExhausted | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (code !== CREDITS_EXHAUSTED_CODE) return undefined;
  const given = (error as { consoleUrl?: unknown }).consoleUrl;
  const consoleUrl = (typeof given === 'string' ? httpsUrlIn(given) : undefined) ?? (error instanceof Error ? httpsUrlIn(error.message) : undefined);
  return consoleUrl === undefined ? {} : { consoleUrl };
}
