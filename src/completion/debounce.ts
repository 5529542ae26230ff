/**
 * Step 2: an adaptive debounce learned from the user's typing rhythm. It tracks a smoothed mean and
 * deviation of the gaps between keystrokes (the same estimator TCP uses for round-trip times), so a
 * gap clearly longer than this user's usual one means "paused". At natural pause points (a fresh
 * line, after `(` `{` `:` `=` `,` `;`, a space or any other character that ends a token) a pause is
 * likely, so it waits about one usual gap; in the middle of a word the user is likely to go on.
 */
import type { Timers } from './types';

export interface DebounceBounds {
  minMs: number;
  maxMs: number;
}

export interface CursorLine {
  /** The current line up to the cursor. */
  linePrefix: string;
  /** The current line after the cursor. */
  lineSuffix: string;
}

/** Weight of a new gap in the smoothed mean (1/8, as in RFC 6298). */
const MEAN_WEIGHT = 0.125;
/** Weight of a new gap's distance from the mean in the smoothed deviation (1/4, as in RFC 6298). */
const DEVIATION_WEIGHT = 0.25;
/** Gaps longer than this are thinking pauses, not rhythm; they do not teach the estimator. */
const RHYTHM_GAP_LIMIT_MS = 1000;
/** Before anything is learned: a typist at about 100 words a minute. */
const INITIAL_MEAN_GAP_MS = 150;
const INITIAL_DEVIATION_MS = 60;
/** Mid-word, fire only after a gap this many deviations above the mean: the user has stopped. */
const MID_WORD_DEVIATIONS = 3;
/** At a natural pause point, fire after half a usual gap: pauses are likely there, and early ghost text pays. */
const PAUSE_POINT_FACTOR = 0.5;

/** Text after the cursor that does not make it "mid-line": closers and separators an editor auto-inserts. */
const CLOSERS_ONLY = /^[)\]}'"`;,\s]*$/;

export function isNaturalPausePoint(cursor: CursorLine): boolean {
  if (!CLOSERS_ONLY.test(cursor.lineSuffix)) return false;
  return !/\w$/.test(cursor.linePrefix);
}

export class AdaptiveDebouncer {
  private meanGapMs = INITIAL_MEAN_GAP_MS;
  private deviationMs = INITIAL_DEVIATION_MS;
  private lastKeystrokeAt: number | undefined;

  constructor(private readonly timers: Timers) {}

  /** Called on every document change at the cursor (every provider call). */
  recordKeystroke(): void {
    const now = this.timers.now();
    const last = this.lastKeystrokeAt;
    this.lastKeystrokeAt = now;
    if (last === undefined) return;
    const gap = now - last;
    if (gap <= 0 || gap > RHYTHM_GAP_LIMIT_MS) return;
    this.deviationMs += DEVIATION_WEIGHT * (Math.abs(gap - this.meanGapMs) - this.deviationMs);
    this.meanGapMs += MEAN_WEIGHT * (gap - this.meanGapMs);
  }

  /** The learned rhythm, for logs and tests. */
  rhythm(): { meanGapMs: number; deviationMs: number } {
    return { meanGapMs: this.meanGapMs, deviationMs: this.deviationMs };
  }

  /** `mid-word` waits as if the cursor were mid-word wherever it is. */
  delayFor(cursor: CursorLine, bounds: DebounceBounds, position: 'auto' | 'mid-word' = 'auto'): number {
    const learned = position === 'auto' && isNaturalPausePoint(cursor)
      ? this.meanGapMs * PAUSE_POINT_FACTOR
      : this.meanGapMs + MID_WORD_DEVIATIONS * this.deviationMs;
    const max = Math.max(bounds.minMs, bounds.maxMs);
    return Math.round(Math.min(max, Math.max(bounds.minMs, learned)));
  }

  /** Resolves true after `ms`, false as soon as `signal` aborts (the timer is cleared). */
  wait(ms: number, signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onAbort = (): void => {
        this.timers.clearTimeout(handle);
        resolve(false);
      };
      const handle = this.timers.setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
