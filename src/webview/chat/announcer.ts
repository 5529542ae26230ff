/**
 * What a screen reader hears of the chat besides the focused control: a finished answer, once, through
 * a polite live region. The transcript itself is not live (a streaming answer would be read token by
 * token); a live error announces itself through its own `role="alert"` box (assertive).
 */
import { el } from '../shared/dom';

export class Announcer {
  readonly element = el('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-announcer': 'polite' });

  /** Replaces what the region holds, so each call is one announcement. */
  announce(text: string): void {
    this.element.textContent = text;
  }
}
