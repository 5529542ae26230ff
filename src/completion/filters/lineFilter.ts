/**
 * The contract of a stream filter: it sees each complete line of the model's answer as it arrives
 * (and the last, unterminated one when the stream ends) and says what to do with it.
 */
import type { CursorSurroundings } from '../cursor';

export type LineVerdict =
  | 'keep'
  /** Drop this line and go on (preamble: fences, chatter). */
  | 'skip'
  /** The completion is decided without this line. */
  | 'stop'
  /** Keep this line, then the completion is decided. */
  | 'keep-and-stop'
  /** The last `drop` kept lines and this one began a repetition: remove them and stop. */
  | { dropAndStop: number };

/** `kept` holds the lines let through so far; the next kept line is line `kept.length` of the completion. */
export type LineFilter = (line: string, kept: readonly string[]) => LineVerdict;

export type LineFilterFactory = (cursor: CursorSurroundings) => LineFilter;
