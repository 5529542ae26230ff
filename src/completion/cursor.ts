/**
 * The cursor's surroundings as the filters and post-processing see them, derived once per request
 * from the prefix and suffix windows.
 */
import { AUTO_CLOSED } from './brackets';
import type { CompletionMode, DocumentWindow } from './types';

export interface CursorSurroundings {
  /** The current line up to the cursor. */
  linePrefix: string;
  /** The current line after the cursor. */
  lineSuffix: string;
  /** The line above the cursor's, if any. */
  previousLine: string | undefined;
  /**
   * The first non-blank line below the cursor's, if any; with `linesBefore`, the cursor's own line
   * (the lines a completion inserts go before it).
   */
  nextNonBlankLine: string | undefined;
  /**
   * Only indentation stands before the cursor and code after it (`█return x`): a completion may be
   * whole lines, ending with a line break, that go before that code.
   */
  linesBefore: boolean;
  /**
   * `block` when the line ends at the cursor, when only auto-closed characters follow a `{` or `[`
   * (`forEach((item) => {█})`, `[█];`: a block goes between the brackets), or with `linesBefore`;
   * `line` otherwise.
   */
  mode: CompletionMode;
  /** The whole window, for the steps that look further than the neighbouring lines. */
  window: DocumentWindow;
}

/**
 * A line ending with an opener whose contents are commonly written one item a line: a block or
 * object `{`, an array `[`. A `(` is not one: arguments between auto-closed parens stay on the line.
 */
const BLOCK_OPENER_AT_END = /[{[]\s*$/;

export function cursorSurroundings(window: DocumentWindow): CursorSurroundings {
  const { prefix, suffix } = window;
  const lineStart = prefix.lastIndexOf('\n') + 1;
  const linePrefix = prefix.slice(lineStart);
  const previousLineStart = lineStart > 0 ? prefix.lastIndexOf('\n', lineStart - 2) + 1 : -1;
  const previousLine = previousLineStart >= 0 ? prefix.slice(previousLineStart, lineStart - 1) : undefined;
  const lineEnd = suffix.indexOf('\n');
  const lineSuffix = lineEnd < 0 ? suffix : suffix.slice(0, lineEnd);
  const linesBefore = linePrefix.trim() === '' && lineSuffix.trim() !== '';
  const betweenBrackets = BLOCK_OPENER_AT_END.test(linePrefix) && AUTO_CLOSED.test(lineSuffix.trim());
  return {
    linePrefix,
    lineSuffix,
    previousLine,
    nextNonBlankLine: linesBefore ? linePrefix + lineSuffix : lineEnd < 0 ? undefined : firstNonBlankLine(suffix, lineEnd + 1),
    linesBefore,
    mode: lineSuffix.trim() === '' || betweenBrackets || linesBefore ? 'block' : 'line',
    window,
  };
}

function firstNonBlankLine(text: string, from: number): string | undefined {
  let start = from;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim() !== '') return line;
    if (end < 0) return undefined;
    start = end + 1;
  }
  return undefined;
}

/** Width of a line's leading whitespace, a tab counting as four columns. */
export function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4;
    else break;
  }
  return width;
}

/**
 * On a line holding only indentation, models often write the first line with that indentation
 * again; drop the repeated part so the line is not indented twice.
 */
export function withoutRepeatedIndent(linePrefix: string, firstLine: string): string {
  if (linePrefix === '' || linePrefix.trim() !== '') return firstLine;
  const own = firstLine.length - firstLine.trimStart().length;
  if (own === 0 || indentWidth(firstLine) < indentWidth(linePrefix)) return firstLine;
  let width = 0;
  let cut = 0;
  while (cut < own && width < indentWidth(linePrefix)) width += firstLine[cut++] === '\t' ? 4 : 1;
  return firstLine.slice(cut);
}
