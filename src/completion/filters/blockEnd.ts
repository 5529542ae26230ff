/**
 * Decides where the completion ends. Mid-line (text after the cursor): the rest of the line. At the
 * end of a line: a block, which ends
 * - before a line indented less than the cursor's line (dedent below the start), or after it when
 *   it only closes brackets (`}`, `});`): the block the cursor is in ends there (a closer the
 *   text below already has was stopped by the suffix filter before),
 * - after the line that closes a block the cursor's line opened, before a sibling after its body,
 * - at a blank line once the brackets the completion opened are closed (a complete block),
 * - after MAX_BLOCK_LINES lines.
 */
import { bracketBalance } from '../brackets';
import { indentWidth, withoutRepeatedIndent } from '../cursor';
import { CLOSER_LINE, CLOSES_BLOCK, OPENS_BLOCK } from '../indentation';
import type { LineFilterFactory } from './lineFilter';

export const MAX_BLOCK_LINES = 16;

export const blockEnd: LineFilterFactory = (cursor) => {
  if (cursor.mode === 'line') return () => 'keep-and-stop';
  let startIndent = 0;
  let opensBlock = false;
  let bodyLines = 0;
  return (line, kept) => {
    if (kept.length === 0) {
      const cursorLine = cursor.linePrefix + withoutRepeatedIndent(cursor.linePrefix, line);
      startIndent = indentWidth(cursorLine);
      opensBlock = OPENS_BLOCK.test(cursorLine);
      return 'keep';
    }
    if (line.trim() === '') {
      const balance = bracketBalance(cursor.linePrefix + kept.join('\n'));
      return balance.unclosed === '' && kept.some((l) => l.trim() !== '') ? 'stop' : 'keep';
    }
    const indent = indentWidth(line);
    if (indent < startIndent) return CLOSER_LINE.test(line) ? 'keep-and-stop' : 'stop';
    if (indent === startIndent && opensBlock) {
      if (CLOSES_BLOCK.test(line)) return 'keep-and-stop';
      if (bodyLines > 0) return 'stop';
    }
    if (indent > startIndent) bodyLines++;
    return kept.length + 1 >= MAX_BLOCK_LINES ? 'keep-and-stop' : 'keep';
  };
};
