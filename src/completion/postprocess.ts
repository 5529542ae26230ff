/**
 * Step 7: the decided completion made fit to show, so that accepting it never corrupts the code.
 * In order:
 * 1. the seam with the text before the cursor: no indentation the line already has, no doubled space;
 * 2. the file's indentation (indentation.ts), and where indentation is syntax, the lines around (offsideRule.ts);
 * 3. closing lines the lines below already have: dropped when the line below closes the same block
 *    at the same indentation, or when the code below continues the block they would end;
 * 4. no trailing blank lines or whitespace (but a space before a word after the cursor); an answer
 *    looping within a line is not offered;
 * 5. the end reconciled with the text after the cursor (the suggestion's range): closers and quotes
 *    the completion closes, the tail of a word the cursor is in, a block between auto-closed braces;
 *    at the start of a line with code after the cursor, whole lines the answer ended with a line
 *    break go before that code (which keeps its indentation);
 * 6. not offered when it only re-types the line's rest or a neighbouring statement of its block.
 *
 * `raw` is the stream filter's `answer()`: the completion, with a line break at its end when the
 * answer had one after its last line.
 */
import { AUTO_CLOSED, scanOpeners } from './brackets';
import { type CursorSurroundings, indentWidth, withoutRepeatedIndent } from './cursor';
import { closesAsStartOf } from './filters/repeatsSuffix';
import { CLOSER_LINE, indentStyleOf, reindent } from './indentation';
import { followOffsideRule } from './offsideRule';
import { sameStatement } from './sameStatement';
import type { Suggestion } from './types';

/** How many non-blank lines below the cursor, in its block, a suggested statement must not already stand on. */
const NEIGHBOUR_LINES_BELOW = 3;
/** A part of 4 to 40 characters, letters and other characters, three times in a row: the model loops. */
const LOOP_IN_LINE = /(.{4,40}?)\1{2,}/;

export function postprocess(raw: string, cursor: CursorSurroundings): Suggestion | undefined {
  if (raw.trim() === '') return undefined;
  const linesBefore = cursor.linesBefore && raw.endsWith('\n');
  let lines = (linesBefore ? raw.slice(0, -1) : raw).split('\n');
  lines[0] = atSeam(cursor.linePrefix, lines[0]);
  lines = reindent(lines, cursor, indentStyleOf(cursor.window));
  lines = followOffsideRule(lines, cursor);
  lines = withoutClosersTheLinesBelowHave(lines, cursor);
  lines = trimTrailingBlankLines(lines);
  // Trailing whitespace only stays where it parts the completion from a word after the cursor (`await █fetch()`).
  if (linesBefore || !/^\w/.test(cursor.lineSuffix)) lines[lines.length - 1] = lines[lines.length - 1].trimEnd();
  if (lines.some(loopsWithinLine)) return undefined;
  const text = lines.join('\n');
  if (text.trim() === '') return undefined;
  const fitted = linesBefore ? { text: `${text}\n${cursor.linePrefix}`, replaceLength: 0 } : fitToLineSuffix(text, cursor);
  if (fitted === undefined || fitted.text === cursor.lineSuffix.slice(0, fitted.replaceLength)) return undefined;
  return duplicatesNeighbour(fitted, cursor) ? undefined : fitted;
}

function atSeam(linePrefix: string, firstLine: string): string {
  const line = withoutRepeatedIndent(linePrefix, firstLine);
  return linePrefix.trim() !== '' && /\s$/.test(linePrefix) ? line.replace(/^[ \t]+/, '') : line;
}

function withoutClosersTheLinesBelowHave(lines: string[], cursor: CursorSurroundings): string[] {
  const next = cursor.nextNonBlankLine;
  if (cursor.mode !== 'block' || (cursor.lineSuffix.trim() !== '' && !cursor.linesBefore) || next === undefined) return lines;
  let end = lines.length;
  while (end >= 2 && CLOSER_LINE.test(lines[end - 1])) {
    const closer = lines[end - 1];
    // `}` before `}`, `};` or `} else {` at its indentation: the block is closed below already.
    if (!closesAsStartOf(closer, next) && indentWidth(next) <= indentWidth(closer)) break;
    end--;
  }
  return lines.slice(0, end);
}

function trimTrailingBlankLines(lines: string[]): string[] {
  let end = lines.length;
  while (end > 1 && lines[end - 1].trim() === '') end--;
  return lines.slice(0, end);
}

function loopsWithinLine(line: string): boolean {
  const loop = LOOP_IN_LINE.exec(line);
  return loop !== null && /[A-Za-z]/.test(loop[1]) && /[^A-Za-z]/.test(loop[1]);
}

/**
 * The suggestion's range after the cursor, or undefined when the completion cannot be fitted
 * without leaving or doubling text:
 * - in the middle of a word, the word's tail is always replaced (never left behind), and the
 *   line's rest after it too when the completion ends with it;
 * - a completion that ends with the line's rest (and closes what it closes), maybe followed by a
 *   `;` or `,` the line lacks, replaces it;
 * - a completion that closes brackets or the string the cursor is in replaces those closers
 *   after the cursor (`'./fo█'` + `o';` replaces the `'`); one that closes others, or closes a
 *   bracket with another kind, is not offered;
 * - the longest start of the line's rest that the completion ends with (`f(█, b)` + `a, b`);
 * - a block between auto-closed characters (`{█})`) goes before them, which move to a line of their
 *   own at the cursor line's indentation, or replaces them when it ends by closing them.
 */
function fitToLineSuffix(text: string, cursor: CursorSurroundings): Suggestion | undefined {
  const rest = cursor.lineSuffix.trimEnd();
  if (rest === '') return { text, replaceLength: 0 };
  const outer = scanOpeners(cursor.linePrefix).open;
  const scan = scanOpeners(text, outer);
  if (scan.mismatched) return undefined;
  const closed = scan.closedOuter;
  if (text.includes('\n')) {
    if (!AUTO_CLOSED.test(rest.trimStart())) return undefined;
    const lastLine = text.slice(text.lastIndexOf('\n') + 1).trimEnd();
    if (closed === '') return { text: `${text}\n${/^[ \t]*/.exec(cursor.linePrefix)?.[0] ?? ''}`, replaceLength: 0 };
    if (lastLine.endsWith(rest)) return { text, replaceLength: cursor.lineSuffix.length };
    return rest.startsWith(closed) ? { text, replaceLength: closed.length } : undefined;
  }
  const tail = /\w$/.test(cursor.linePrefix) ? (/^\w+/.exec(rest)?.[0] ?? '') : '';
  const after = rest.slice(tail.length);
  const overlap = overlapWithRest(text, after, outer, closed);
  return overlap === undefined ? undefined : { text, replaceLength: tail.length + overlap };
}

/** What a completion may add after re-typing the line's rest: the statement's end the line lacks. */
const ADDED_TERMINATOR = /[;,]+$/;

function overlapWithRest(text: string, rest: string, outer: readonly string[], closed: string): number | undefined {
  if (rest === '') return 0;
  const closesAs = (replaced: string): boolean => scanOpeners(replaced, outer).closedOuter === closed;
  // `console.lo█g('x')` + `g('x');`: the completion re-typed the rest and ended the statement.
  const endsWithRest = text.endsWith(rest) || text.replace(ADDED_TERMINATOR, '').endsWith(rest);
  if (endsWithRest && closesAs(rest)) return rest.length;
  if (closed !== '') return rest.startsWith(closed) ? closed.length : undefined;
  for (let length = Math.min(rest.length, text.length); length > 0; length--) {
    const replaced = rest.slice(0, length);
    if (text.endsWith(replaced) && closesAs(replaced)) return length;
  }
  return 0;
}

/**
 * The statement the suggestion produces already stands next to the cursor, in its block: the model
 * re-typed existing code. Compared as the line will read after acceptance (the replaced closers
 * gone), as the same statement (sameStatement.ts: a missing `;` is no difference). The neighbours
 * are the line above, when it is not deeper (a deeper one ends another block), and the next lines
 * below down to the first one shallower than the produced line: code repeated across blocks
 * (`return False` in every branch) is legitimate. Lines without a word character (`}`, `});`)
 * repeat legitimately and are let through.
 */
function duplicatesNeighbour(suggestion: Suggestion, cursor: CursorSurroundings): boolean {
  const lines = suggestion.text.split('\n');
  const startsNewLine = lines.length > 1 && lines[0].trim() === '';
  const produced = startsNewLine ? lines[1] : cursor.linePrefix + lines[0] + (lines.length === 1 ? cursor.lineSuffix.slice(suggestion.replaceLength) : '');
  if (!/\w/.test(produced)) return false;
  const indent = indentWidth(produced);
  const above = startsNewLine ? cursor.linePrefix + cursor.lineSuffix : cursor.previousLine;
  if (above !== undefined && indentWidth(above) <= indent && sameStatement(above, produced)) return true;
  return linesBelow(cursor, indent).some((neighbour) => sameStatement(neighbour, produced));
}

/** The non-blank lines below the cursor's (from its own rest with `linesBefore`) in a block at least `indent` deep. */
function linesBelow(cursor: CursorSurroundings, indent: number): string[] {
  const [rest, ...after] = cursor.window.suffix.split('\n', 64);
  const below: string[] = [];
  for (const line of cursor.linesBefore ? [cursor.linePrefix + rest, ...after] : after) {
    if (line.trim() === '') continue;
    if (indentWidth(line) < indent || below.length === NEIGHBOUR_LINES_BELOW) break;
    below.push(line);
  }
  return below;
}
