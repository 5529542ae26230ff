/**
 * The file's indentation, decided from the whole window (not from the lines next to the cursor),
 * and the answer's lines made to follow it: the file's tabs or spaces, and a body one level deeper
 * than the line that opens it.
 */
import { type CursorSurroundings, indentWidth } from './cursor';
import type { DocumentWindow } from './types';

/** A line that opens a block: its body comes on the next lines, one level deeper. */
export const OPENS_BLOCK = /([{([:]|=>|\bdo|\bthen)\s*$/;
/** A line of closers only: `}`, `});`. */
export const CLOSER_LINE = /^\s*[)\]}]+[;,)]*\s*$/;
/** A line that starts by closing a block (`end` as a statement, not Python's `end = center`). */
export const CLOSES_BLOCK = /^\s*([)\]}]|(end|done|fi)(?=\s*($|[;),.#]|--|\/\/)))/;

/** A comment line: one ending with `:` opens nothing. */
const COMMENT = /^\s*(\/\/|#|\*|\/\*|--)/;

/** Tabs, or `unit` spaces a level. */
export type IndentStyle = { tabs: true } | { tabs: false; unit: number };

const SPACE_UNITS = [2, 3, 4, 8];

/**
 * Tabs when more indented lines start with a tab than with a space; else spaces, in the step most
 * often seen between consecutive lines (2, 3, 4 or 8; steps of 1 are comment alignment). Undefined
 * when no line is indented.
 */
export function indentStyleOf(window: DocumentWindow): IndentStyle | undefined {
  // Post-processing runs for every early part of a request's stream: read the window once.
  if (!styles.has(window)) styles.set(window, readIndentStyle(window));
  return styles.get(window);
}

const styles = new WeakMap<DocumentWindow, IndentStyle | undefined>();

function readIndentStyle(window: DocumentWindow): IndentStyle | undefined {
  let tabLines = 0;
  let spaceLines = 0;
  const steps = new Map<number, number>();
  let previous = -1;
  for (const line of `${window.prefix}${window.suffix}`.split('\n')) {
    // A blank line's whitespace (the cursor's line, often) shows the style, not a step.
    if (line[0] === '\t') tabLines++;
    else if (line[0] === ' ') spaceLines++;
    if (line.trim() === '') continue;
    const width = line[0] === '\t' ? -1 : line.length - line.trimStart().length;
    if (width >= 0 && previous >= 0 && SPACE_UNITS.includes(width - previous)) steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
    previous = width;
  }
  if (tabLines === 0 && spaceLines === 0) return undefined;
  if (tabLines > spaceLines) return { tabs: true };
  let unit = 4;
  let seen = 0;
  for (const [step, count] of steps) {
    if (count > seen) [unit, seen] = [step, count];
  }
  return { tabs: false, unit };
}

/**
 * The answer's lines after the first (they start at column 0 of the file) in the file's style, the
 * first one too when only indentation stands before the cursor (its own indentation is the line's);
 * and, where a line opens a block (in the answer, or the code line above a cursor that stands in
 * indentation only) and the model put the next line no deeper, that line and the ones after it
 * (closers at the opener's level aside) moved to one level deeper than the opener.
 */
export function reindent(lines: readonly string[], cursor: CursorSurroundings, style: IndentStyle | undefined): string[] {
  if (style === undefined) return [...lines];
  const atLineStart = cursor.linePrefix.trim() === '';
  const modelUnit = lines.some((line, i) => (i > 0 || atLineStart) && leadingSpaces(line) % 4 === 2) ? 2 : 4;
  const levels = enclosingWidths(cursor);
  const converted = lines.map((line, i) => (i === 0 && !atLineStart ? line : inStyle(line, style, modelUnit, levels)));
  return withBodiesDeeper(converted, cursor, style);
}

/** Python's `:` opens a block only at the end of a compound statement (not `Example:` in a docstring). */
const COMPOUND_STATEMENT = /^\s*(if|elif|else|for|while|def|class|try|except|finally|with|async|match|case)\b/;

/** The code line above the cursor when only indentation stands before it, as an opener candidate. */
function openerAbove(cursor: CursorSurroundings): string | undefined {
  if (cursor.linePrefix.trim() !== '') return undefined;
  const above = cursor.window.prefix.split('\n').slice(0, -1).reverse().find((line) => line.trim() !== '');
  if (above === undefined || !OPENS_BLOCK.test(above) || COMMENT.test(above)) return undefined;
  return above.trimEnd().endsWith(':') && !COMPOUND_STATEMENT.test(above) ? undefined : above;
}

function leadingSpaces(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

/**
 * The widths of the blocks around the cursor, outermost first: the nearest code line above and each
 * shallower one before it (`def` at 0, its body at 4, an `if` body at 6 in a file that mixes steps).
 */
function enclosingWidths(cursor: CursorSurroundings): number[] {
  const widths: number[] = [];
  const lines = cursor.window.prefix.split('\n').slice(0, -1);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].trim() === '') continue;
    const width = indentWidth(lines[i]);
    if (widths.length === 0 || width < widths[0]) widths.unshift(width);
    if (width === 0) break;
  }
  return widths[0] === 0 ? widths : [0, ...widths];
}

/** A model's tab levels at the widths of the blocks around the cursor, deeper ones a unit further each. */
function tabLevelWidth(tabs: number, levels: readonly number[], unit: number): number {
  if (tabs < levels.length) return levels[tabs];
  return levels[levels.length - 1] + (tabs - levels.length + 1) * unit;
}

function inStyle(line: string, style: IndentStyle, modelUnit: number, levels: readonly number[]): string {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  if (indent === '') return line;
  const body = line.slice(indent.length);
  if (style.tabs) {
    if (!indent.includes(' ')) return line;
    const tabs = indent.split('\t').length - 1;
    const spaces = indent.length - tabs;
    return '\t'.repeat(tabs + Math.floor(spaces / modelUnit)) + ' '.repeat(spaces % modelUnit) + body;
  }
  if (!indent.includes('\t')) return line;
  const tabs = /^\t*/.exec(indent)?.[0].length ?? 0;
  return ' '.repeat(tabLevelWidth(tabs, levels, style.unit)) + indent.slice(tabs).replace(/\t/g, ' '.repeat(style.unit)) + body;
}

function withBodiesDeeper(lines: string[], cursor: CursorSurroundings, style: IndentStyle): string[] {
  const above = openerAbove(cursor);
  // `full[k]` is the line as it will stand; answer line `at` is `full[at + offset]`.
  const offset = above === undefined ? 0 : 1;
  const full = [...(above === undefined ? [] : [above]), cursor.linePrefix + lines[0], ...lines.slice(1)];
  for (let i = 0; i < full.length - 1; i++) {
    if (i >= offset && (!OPENS_BLOCK.test(full[i]) || COMMENT.test(full[i]))) continue;
    const j = full.findIndex((line, at) => at > i && line.trim() !== '');
    if (j < 0) return lines;
    const openerWidth = indentWidth(full[i]);
    if (indentWidth(full[j]) > openerWidth || CLOSES_BLOCK.test(full[j])) continue;
    const columns = openerWidth + (style.tabs ? 4 : style.unit) - indentWidth(full[j]);
    const deeper = style.tabs ? '\t'.repeat(Math.ceil(columns / 4)) : ' '.repeat(columns);
    return lines.map((line, at) => {
      const closesOpener = CLOSES_BLOCK.test(line) && indentWidth(line) <= openerWidth;
      return at + offset < j || line.trim() === '' || closesOpener ? line : deeper + line;
    });
  }
  return lines;
}
