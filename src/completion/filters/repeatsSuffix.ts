/**
 * Stops when the model starts writing what already follows the cursor: a line equal to the first
 * non-blank line below the cursor, indentation aside (the model may indent it differently). A line
 * of closers only (`}`) must match with its indentation: another block's closer is not a repeat.
 */
import type { LineFilterFactory } from './lineFilter';

export const repeatsSuffix: LineFilterFactory = (cursor) => {
  const next = cursor.nextNonBlankLine?.trimEnd();
  if (next === undefined || next.trim() === '') return () => 'keep';
  const code = /\w/.test(next);
  return (line, kept) => (kept.length > 0 && (code ? line.trim() === next.trim() : line.trimEnd() === next) ? 'stop' : 'keep');
};
