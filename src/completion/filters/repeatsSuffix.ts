/**
 * Stops when the model starts writing what already follows the cursor: a line stating the same as
 * the first non-blank line below the cursor (sameStatement.ts: indentation, spacing and a missing
 * `;` aside; the model may indent it differently). A line of closers only (`}`) must stand at the
 * indentation of the line below and match its start: `}` before `}`, `};` or `} else {` is the same
 * closer written again; another block's closer is not a repeat.
 */
import { indentWidth } from '../cursor';
import { CLOSER_LINE } from '../indentation';
import { sameStatement } from '../sameStatement';
import type { LineFilterFactory } from './lineFilter';

export const repeatsSuffix: LineFilterFactory = (cursor) => {
  const next = cursor.nextNonBlankLine?.trimEnd();
  if (next === undefined || next.trim() === '') return () => 'keep';
  const repeats = (line: string): boolean => (CLOSER_LINE.test(line) ? closesAsStartOf(line, next) : /\w/.test(next) && sameStatement(line, next));
  return (line, kept) => (kept.length > 0 && repeats(line) ? 'stop' : 'keep');
};

/** `line` holds only closers, and `next`, at the same indentation, starts by closing the same. */
export function closesAsStartOf(line: string, next: string): boolean {
  const closers = line.trim().replace(/[;,]+$/, '');
  return indentWidth(line) === indentWidth(next) && next.trim().startsWith(closers);
}
