/**
 * Stops when the model starts writing what already follows the cursor: a line equal (indentation
 * included) to the first non-blank line below the cursor.
 */
import type { LineFilterFactory } from './lineFilter';

export const repeatsSuffix: LineFilterFactory = (cursor) => {
  const next = cursor.nextNonBlankLine?.trimEnd();
  if (next === undefined || next.trim() === '') return () => 'keep';
  return (line, kept) => (kept.length > 0 && line.trimEnd() === next ? 'stop' : 'keep');
};
