/**
 * Python's offside rule for a completion of whole lines (the cursor at column 0, code above and
 * below): indentation is syntax there, so where the model's indentation cannot stand between the
 * code around it, the lines move to the one it can.
 * - After a simple statement the next line is no deeper (an unexpected indent otherwise).
 * - A one-line completion that opens a block whose body is the code below stands shallower than that
 *   body: at the deepest width the file uses between the enclosing opener and the body.
 * - A one-line simple statement before deeper code below it belongs to that code's block: at its width.
 * Only in a file that is Python-like (a `def` or `class` line ending with `:`), never inside a
 * triple-quoted string, and never where a line continues (open brackets, `\`, a trailing comma).
 */
import { type CursorSurroundings, indentWidth } from './cursor';
import type { DocumentWindow } from './types';

const OPENER = /^\s*(if|elif|else|for|while|def|class|try|except|finally|with|async|match|case)\b.*:\s*(#.*)?$/;
const OFFSIDE_FILE = /^[ \t]*(def|class)\s+\w+.*:\s*(#.*)?$/m;
const COMMENT_LINE = /^\s*#/;

export function followOffsideRule(lines: readonly string[], cursor: CursorSurroundings): string[] {
  const { prefix } = cursor.window;
  const code = lines.filter((line) => line.trim() !== '');
  if (cursor.linePrefix !== '' || code.length === 0 || !isOffsideFile(cursor.window)) return [...lines];
  const above = prefix.split('\n').slice(0, -1).reverse().find((line) => line.trim() !== '' && !COMMENT_LINE.test(line));
  const next = cursor.nextNonBlankLine?.trim() === '' ? undefined : cursor.nextNonBlankLine;
  const shift = shiftFor(code, above, next, cursor);
  if (shift === 0) return [...lines];
  return lines.map((line) => (line.trim() === '' ? line : shifted(line, shift)));
}

function shiftFor(code: readonly string[], above: string | undefined, next: string | undefined, cursor: CursorSurroundings): number {
  const first = indentWidth(code[0]);
  if (above !== undefined && isSimple(above) && first > indentWidth(above)) return indentWidth(above) - first;
  if (next === undefined || code.length !== 1 || COMMENT_LINE.test(code[0]) || COMMENT_LINE.test(next)) return 0;
  const width = first;
  const below = indentWidth(next);
  const aboveOpens = above !== undefined && OPENER.test(above);
  if (OPENER.test(code[0]) && below <= width) {
    // Deeper than an enclosing opener, no deeper than a simple statement above, shallower than the body below.
    const low = aboveOpens ? indentWidth(above) + 1 : 0;
    const high = Math.min(below - 1, above !== undefined && !aboveOpens ? indentWidth(above) : Number.POSITIVE_INFINITY);
    const target = widthsOf(cursor).filter((w) => w >= low && w <= high).pop() ?? (aboveOpens && low <= high ? Math.ceil((low - 1 + below) / 2) : undefined);
    return target === undefined ? 0 : target - width;
  }
  if (isSimple(code[0]) && below > width && (aboveOpens ? below > indentWidth(above) : above === undefined || below <= indentWidth(above))) return below - width;
  return 0;
}

/** A statement that opens nothing and does not continue on the next line. */
function isSimple(line: string): boolean {
  const text = line.replace(/#.*$/, '').trimEnd();
  if (text === '' || OPENER.test(line) || /[\\,([{]$/.test(text)) return false;
  let depth = 0;
  for (const ch of text.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""')) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
  }
  return depth === 0 && !/^\s*[)\]}]/.test(text);
}

/** The indentation widths the window's code lines use, ascending. */
function widthsOf(cursor: CursorSurroundings): number[] {
  const widths = new Set<number>();
  for (const line of `${cursor.window.prefix}\n${cursor.window.suffix}`.split('\n')) if (line.trim() !== '') widths.add(indentWidth(line));
  return [...widths].sort((a, b) => a - b);
}

/** Post-processing runs for every early part of a stream: the window is read once (indented with spaces, Python-like, cursor outside a string). */
const offsideFiles = new WeakMap<DocumentWindow, boolean>();

function isOffsideFile(window: DocumentWindow): boolean {
  let known = offsideFiles.get(window);
  if (known === undefined) {
    const text = window.prefix + window.suffix;
    known = !/^\t|\n\t/.test(text) && OFFSIDE_FILE.test(text) && !inTripleQuotes(window.prefix);
    offsideFiles.set(window, known);
  }
  return known;
}

function inTripleQuotes(prefix: string): boolean {
  return ((prefix.match(/"""/g)?.length ?? 0) + (prefix.match(/'''/g)?.length ?? 0)) % 2 === 1;
}

function shifted(line: string, shift: number): string {
  const width = indentWidth(line);
  return ' '.repeat(Math.max(0, width + shift)) + line.trimStart();
}
