/**
 * An error shown in place, under the partial answer, with the one action that helps. A live rate
 * limit with `retryAfter` counts down and retries by itself; errors restored from history only
 * offer the button (a reload must not fire requests on its own). Retry names its answer, and only
 * the last answer offers it: a countdown ends, and the button goes, once another turn follows.
 */
import * as l10n from '@vscode/l10n';
import type { ErrorView } from '../../chat/protocol';
import { el } from '../shared/dom';

export interface ErrorActions {
  /** Retries the failed answer `messageId`. */
  retry(messageId: string): void;
  setApiKey(): void;
  consent(): void;
  newChatWithSummary(): void;
  openConsole(url: string): void;
}

/** Where an error is shown: its answer, whether it arrived just now, and whether that answer is still the last one. */
export interface ErrorPlace {
  messageId: string;
  /** With a `retryAfter`: when the countdown ends (epoch ms, fixed when the error arrived); undefined for an error read back from history. */
  live: { retryAt: number | undefined } | undefined;
  /** The answer is the conversation's last message: only then can it be retried. */
  isLast: boolean;
}

const ACTION_LABELS = {
  retry: () => l10n.t('Retry'),
  setApiKey: () => l10n.t('Set API key'),
  consent: () => l10n.t('I consent'),
  newChatWithSummary: () => l10n.t('New chat with a summary'),
  openConsole: () => l10n.t('Open console'),
} as const;

/** A live error is a `role="alert"` (announced assertively, once, as it appears); one restored from history is not announced. */
export function renderError(error: ErrorView, place: ErrorPlace, actions: ErrorActions): HTMLElement {
  const box = el('div', { class: 'error-box', role: place.live !== undefined && place.isLast ? 'alert' : undefined }, el('span', { class: 'error-message' }, error.message));
  if (error.action === 'none' || (error.action === 'retry' && !place.isLast)) return box;
  const action = error.action;
  const button = el('button', { type: 'button', class: 'button secondary' }, ACTION_LABELS[action]());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    // Opening the console may be wanted twice; the other actions run once.
    if (action === 'openConsole') return error.url === undefined ? undefined : actions.openConsole(error.url);
    if (timer !== undefined) clearTimeout(timer);
    button.disabled = true;
    countdown.textContent = '';
    if (action === 'retry') actions.retry(place.messageId);
    else actions[action]();
  };
  button.addEventListener('click', run);
  // Not live: the alert reads the first "Retrying in 30 s"; one announcement a second would drown the rest.
  const countdown = el('span', { class: 'countdown' });
  box.append(el('span', { class: 'error-actions' }, button, countdown));

  const retryAt = place.live?.retryAt;
  if (action === 'retry' && retryAt !== undefined) {
    const tick = () => {
      if (!box.isConnected && timer !== undefined) return; // the message was re-rendered or removed: stop counting
      const left = Math.ceil((retryAt - Date.now()) / 1000);
      if (left <= 0) return run();
      countdown.textContent = l10n.t('Retrying in {0} s', left);
      timer = setTimeout(tick, Math.min(1000, retryAt - Date.now()));
    };
    tick();
  }
  return box;
}
