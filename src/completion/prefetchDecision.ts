/**
 * How often this user takes the suggestions shown: the last suggestion is followed keystroke by
 * keystroke until it is used up (accepted, or typed through to its end) or the typing leaves it.
 * The engine prefetches the next suggestion only while the rate says it will probably be used,
 * and asks at once, without debounce, right after a suggestion was used up.
 */
import { anchorOf, typedAfter } from './anchor';

const WEIGHT = 0.25;
/** Optimistic at first: a new user gets prefetches until they show they do not take suggestions. */
const INITIAL_RATE = 0.5;

export type SuggestionFate = 'used-up' | 'in-progress' | 'left' | 'none';

export class AcceptanceRate {
  private rate = INITIAL_RATE;
  private last: { anchor: string; text: string } | undefined;

  get value(): number {
    return this.rate;
  }

  /** A suggestion was returned at the position this prefix ends at. */
  shown(prefix: string, text: string): void {
    this.last = { anchor: anchorOf(prefix), text };
  }

  /** A new call at this position: what became of the last suggestion. */
  observe(prefix: string): SuggestionFate {
    const last = this.last;
    if (last === undefined) return 'none';
    const typed = typedAfter(prefix, last.anchor);
    const onPath = typed !== undefined && last.text.startsWith(typed);
    if (onPath && typed.length < last.text.length) return 'in-progress';
    this.last = undefined;
    this.rate += WEIGHT * ((onPath ? 1 : 0) - this.rate);
    return onPath ? 'used-up' : 'left';
  }
}
