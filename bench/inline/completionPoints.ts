/**
 * The completion points of a source file for the quality benchmark, each with the document as the
 * editor holds it there and the true continuation (accepting exactly it gives the true file back):
 * - a line point on every line with code: the cursor after the line's first token, the line's rest
 *   removed; the truth is that rest;
 * - a block point on every line that opens a block (ends with `{`, `:`, `(` or `[`): the cursor at
 *   its end, the body removed up to the first blank line or dedent (a closing line at the opener's
 *   indentation included), of at most 12 lines (longer ones give no point); the truth is that body;
 * - an auto-closed point (used by the noise kind of that name): a line point moved to just after
 *   the first bracket or quote of the line's rest whose own closer comes later on the line, with
 *   the closer the editor auto-inserts after the cursor, and the true closer still in the truth.
 */
import { scanOpeners } from '../../src/completion/brackets';
import type { SourceFile } from './corpus';

export interface CompletionPoint {
  kind: 'line' | 'block';
  /** The document: `prefix` + cursor + `suffix`. */
  prefix: string;
  suffix: string;
  /** The true continuation: `prefix + truth + suffix.slice(replaced)` is the true file. */
  truth: string;
  /** The true file. */
  text: string;
}

const MAX_BLOCK_LINES = 12;
const FIRST_TOKEN = /^([\w$.]+|\S)[ \t]*/;
const OPENER_AT_END = /[{:([]\s*$/;
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', "'": "'", '"': '"', '`': '`' };

export function completionPoints(file: SourceFile): CompletionPoint[] {
  const text = file.text;
  const points: CompletionPoint[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const indent = line.length - line.trimStart().length;
    const token = FIRST_TOKEN.exec(line.slice(indent));
    if (token !== null && indent + token[0].length < line.trimEnd().length) {
      const at = lineStart + indent + token[0].length;
      points.push({ kind: 'line', prefix: text.slice(0, at), suffix: text.slice(lineEnd), truth: text.slice(at, lineEnd), text });
    }
    if (OPENER_AT_END.test(line) && newline >= 0) {
      const body = blockBody(text, lineEnd, indent);
      if (body.trim() !== '') points.push({ kind: 'block', prefix: text.slice(0, lineEnd), suffix: text.slice(lineEnd + body.length), truth: body, text });
    }
    lineStart = lineEnd + 1;
  }
  return points;
}

/** `\n` + the body lines after an opener line ending at `from`, as defined above. */
function blockBody(text: string, from: number, openerIndent: number): string {
  const lines: string[] = [];
  let at = from + 1;
  while (at < text.length) {
    // A body longer than that is no completion a model gives at once: no block point.
    if (lines.length >= MAX_BLOCK_LINES) return '';
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    if (line.trim() === '') break;
    const indent = line.length - line.trimStart().length;
    if (indent <= openerIndent) {
      if (indent === openerIndent && /^\s*[)\]}]/.test(line)) lines.push(line);
      break;
    }
    lines.push(line);
    if (end < 0) break;
    at = end + 1;
  }
  return lines.length === 0 ? '' : `\n${lines.join('\n')}`;
}

/**
 * The line point moved to just after the first opening bracket or quote of its truth whose closer
 * comes later in the line, with that closer auto-inserted after the cursor; undefined without one.
 */
export function autoClosedPoint(point: CompletionPoint): CompletionPoint | undefined {
  if (point.kind !== 'line') return undefined;
  const match = /[([{'"`]/.exec(point.truth);
  if (match === null) return undefined;
  const closer = CLOSERS[match[0]];
  const after = match.index + 1;
  // Its own closer must stand later on the line (not on a later line, not right after it: `""`).
  const rest = point.truth.slice(after);
  if (rest.startsWith(closer) || scanOpeners(rest, [match[0]]).closedOuter === '') return undefined;
  return { ...point, prefix: point.prefix + point.truth.slice(0, after), suffix: closer + point.suffix, truth: point.truth.slice(after) };
}
