/**
 * An error shown in place, under the partial answer, with the one action that helps. A live rate
 * limit with `retryAfter` counts down and retries by itself; errors restored from history only
 * offer the button (a reload must not fire requests on its own).
 */
import * as l10n from '@vscode/l10n';
import type { ErrorView } from '../../chat/protocol';
import { el } from '../shared/dom';

export interface ErrorActions {
  retry(): void;
  setApiKey(): void;
  consent(): void;
  newChatWithSummary(): void;
  openConsole(url: string): void;
}

const ACTION_LABELS = {
  retry: () => l10n.t('Retry'),
  setApiKey: () => l10n.t('Set API key'),
  consent: () => l10n.t('I consent'),
  newChatWithSummary: () => l10n.t('New chat with a summary'),
  openConsole: () => l10n.t('Open console'),
} as const;

/** A live error is a `role="alert"` (announced assertively, once, as it appears); one restored from history is not announced. */
export function renderError(error: ErrorView, live: boolean, actions: ErrorActions): HTMLElement {
  const box = el('div', { class: 'error-box', role: live ? 'alert' : undefined }, el('span', { class: 'error-message' }, error.message));
  if (error.action === 'none') return box;
  const action = error.action;
  const button = el('button', { type: 'button', class: 'button secondary' }, ACTION_LABELS[action]());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    // Opening the console may be wanted twice; the other actions run once.
    if (action === 'openConsole') return error.url === undefined ? undefined : actions.openConsole(error.url);
    if (timer !== undefined) clearTimeout(timer);
    button.disabled = true;
    countdown.textContent = '';
    actions[action]();
  };
  button.addEventListener('click', run);
  // Not live: the alert reads the first "Retrying in 30 s"; one announcement a second would drown the rest.
  const countdown = el('span', { class: 'countdown' });
  box.append(button, countdown);

  if (live && action === 'retry' && error.retryAfter !== undefined) {
    const deadline = Date.now() + error.retryAfter * 1000;
    const tick = () => {
      if (!box.isConnected && timer !== undefined) return; // the message was replaced: stop counting
      const left = Math.ceil((deadline - Date.now()) / 1000);
      if (left <= 0) return run();
      countdown.textContent = l10n.t('Retrying in {0} s', left);
      timer = setTimeout(tick, Math.min(1000, deadline - Date.now()));
    };
    tick();
  }
  return box;
}
