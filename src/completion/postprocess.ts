/**
 * Step 7: the decided completion made fit to show. Drops empty, whitespace-only and
 * duplicate-of-neighbour results; removes indentation the cursor's line already has; matches the
 * file's tabs; and reconciles the end with the text after the cursor: a completion that re-types
 * what follows the cursor on its line replaces it (the suggestion's range), one that closes a
 * bracket the next line already closes loses that line.
 */
import { bracketBalance, isCloser } from './brackets';
import { type CursorSurroundings, withoutRepeatedIndent } from './cursor';
import type { Suggestion } from './types';

export function postprocess(raw: string, cursor: CursorSurroundings): Suggestion | undefined {
  if (raw.trim() === '') return undefined;
  let lines = raw.split('\n');
  lines[0] = withoutRepeatedIndent(cursor.linePrefix, lines[0]);
  if (usesTabs(cursor)) lines = lines.map((line, i) => (i === 0 ? line : spacesToTabs(line)));
  lines = withoutClosersTheNextLineHas(lines, cursor);
  const text = trimTrailingBlankLines(lines).join('\n');
  if (text.trim() === '' || duplicatesNeighbour(text, cursor)) return undefined;
  const replaceLength = overlapWithLineSuffix(text, cursor.lineSuffix);
  if (text === cursor.lineSuffix.slice(0, replaceLength)) return undefined;
  return { text, replaceLength };
}

function usesTabs(cursor: CursorSurroundings): boolean {
  return /^\t/.test(cursor.linePrefix) || /^\t/.test(cursor.previousLine ?? '');
}

function spacesToTabs(line: string): string {
  const spaces = /^ +/.exec(line)?.[0].length ?? 0;
  return '\t'.repeat(Math.floor(spaces / 4)) + line.slice(spaces - (spaces % 4));
}

/** At the end of a line, a last line of closers the next line already holds would close twice. */
function withoutClosersTheNextLineHas(lines: string[], cursor: CursorSurroundings): string[] {
  if (cursor.mode !== 'block' || lines.length < 2 || cursor.nextNonBlankLine === undefined) return lines;
  const last = lines[lines.length - 1].trim();
  if (last === '' || !isCloser(last[0]) || !/^[)\]}]+[;,]?$/.test(last)) return lines;
  const unmatched = bracketBalance(cursor.linePrefix + lines.join('\n')).unmatched;
  const next = cursor.nextNonBlankLine.trim();
  return unmatched !== '' && next.startsWith(last.replace(/[;,]$/, '')) ? lines.slice(0, -1) : lines;
}

function trimTrailingBlankLines(lines: string[]): string[] {
  let end = lines.length;
  while (end > 1 && lines[end - 1].trim() === '') end--;
  return lines.slice(0, end);
}

/**
 * The first line the completion produces equals its neighbour: the model re-typed existing code.
 * Lines without a word character (`}`, `});`) repeat legitimately and are let through.
 */
function duplicatesNeighbour(text: string, cursor: CursorSurroundings): boolean {
  const lines = text.split('\n');
  const startsNewLine = lines.length > 1 && lines[0].trim() === '';
  const produced = startsNewLine
    ? lines[1].trim()
    : (cursor.linePrefix + lines[0] + (lines.length === 1 ? cursor.lineSuffix : '')).trim();
  if (!/\w/.test(produced)) return false;
  const above = startsNewLine ? cursor.linePrefix + cursor.lineSuffix : cursor.previousLine;
  return [above, cursor.nextNonBlankLine].some((neighbour) => neighbour?.trim() === produced);
}

/**
 * How many characters after the cursor the completion replaces:
 * - all of the line's rest when the completion ends with it (the model wrote it again);
 * - the closers the completion itself brings (`foo(|)` + `a, b);` replaces the `)`);
 * - the longest start of the line's rest that the completion ends with (`f(|, b)` + `a, b`).
 * Only ever text whose unmatched closers the completion brings too: `wrap(|)` + `compute(1)` is
 * inserted, not put in place of the `)`.
 */
function overlapWithLineSuffix(text: string, lineSuffix: string): number {
  const rest = lineSuffix.trimEnd();
  if (rest === '') return 0;
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  const unmatched = bracketBalance(text).unmatched;
  const bringsClosersOf = (replaced: string): boolean => bracketBalance(replaced).unmatched === unmatched;
  if (lastLine.endsWith(rest) && bringsClosersOf(rest)) return rest.length;
  if (unmatched !== '' && rest.startsWith(unmatched)) return unmatched.length;
  for (let length = Math.min(rest.length, lastLine.length); length > 0; length--) {
    const replaced = rest.slice(0, length);
    if (lastLine.endsWith(replaced) && bringsClosersOf(replaced)) return length;
  }
  return 0;
}
