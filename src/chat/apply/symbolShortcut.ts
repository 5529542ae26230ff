/**
 * Apply's one local shortcut for a plain snippet (no model call): the snippet is one declaration
 * whose first code line (its signature: name and parameters, whitespace aside) is the first code
 * line of exactly one of the file's symbols (VS Code's document symbols, at any depth), and it holds
 * no placeholder. It then replaces that symbol's lines, the doc comment above included when the
 * snippet brings its own, re-indented to the symbol's indentation. Anything else goes to the model
 * merge. No `vscode` import: the host passes the symbols as offsets.
 */
import { findPlaceholder } from './placeholders';

export interface SymbolSpan {
  name: string;
  /** Offsets into the document text: the symbol's full range, `end` exclusive. */
  start: number;
  end: number;
  children: SymbolSpan[];
}

/** A replacement of `text.slice(start, end)` by `code`. */
export interface TextReplacement {
  start: number;
  end: number;
  code: string;
}

export const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|#(?!include|!)|--|;|""")/;
const DECORATOR_LINE = /^\s*@/;
/** A last line that only closes what the declaration opened (`}`, `};`, `end`). */
const CLOSER_LINE = /^\s*([}\])]+[;,)]*|end)\s*$/;

export function firstCodeLine(snippet: string): string | undefined {
  return snippet.split('\n').find((line) => line.trim() !== '' && !COMMENT_LINE.test(line) && !DECORATOR_LINE.test(line));
}

export function flatten(symbols: readonly SymbolSpan[]): SymbolSpan[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children)]);
}

export const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  const end = next === -1 ? text.length : next;
  // A CRLF line's `\r` stays with its line break.
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}
const indentOf = (line: string) => /^[ \t]*/.exec(line)![0];

/** Moves every line of `snippet` so its first code line starts with `indent`. */
function reindent(snippet: string, indent: string): string {
  const own = indentOf(firstCodeLine(snippet) ?? '');
  if (own === indent) return snippet;
  return snippet
    .split('\n')
    .map((line) => (line.trim() === '' ? line : indent + (line.startsWith(own) ? line.slice(own.length) : line.trimStart())))
    .join('\n');
}

/** The snippet in place of the symbol's lines (and of its doc comment when the snippet brings one). */
export function symbolReplacement(text: string, snippet: string, symbol: SymbolSpan): TextReplacement {
  let start = lineStart(text, symbol.start);
  const end = lineEnd(text, Math.max(symbol.start, symbol.end - 1));
  const indent = indentOf(text.slice(start, lineEnd(text, start)));
  // A snippet that brings its doc comment replaces the one above the symbol, not adds a second.
  const snippetHasComment = snippet.split('\n').find((line) => line.trim() !== '') !== firstCodeLine(snippet);
  if (snippetHasComment) {
    while (start > 0) {
      const previous = lineStart(text, start - 1);
      const line = text.slice(previous, start - 1);
      if (!(COMMENT_LINE.test(line) || DECORATOR_LINE.test(line)) || line.trim() === '') break;
      start = previous;
    }
  }
  return { start, end, code: reindent(snippet.replace(/\r/g, '').replace(/\n+$/, ''), indent) };
}

/** A declaration line without its body opener, whitespace collapsed: `function add(a, b) {` -> `function add(a, b)`. */
function signature(line: string): string {
  return line
    .trim()
    .replace(/\s*(\{|:|=>\s*\{?|\bdo|\bthen)\s*$/, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),:<>])\s*/g, '$1');
}

/** True when the lines after the first code line all belong to it: deeper indented, or one closer at its indent at the end. */
function isOneDeclaration(snippet: string, first: string): boolean {
  const lines = snippet.replace(/\r/g, '').split('\n');
  const rest = lines.slice(lines.indexOf(first) + 1).filter((line) => line.trim() !== '');
  const indent = indentOf(first).length;
  return rest.every((line, index) => indentOf(line).length > indent || (index === rest.length - 1 && indentOf(line).length === indent && CLOSER_LINE.test(line)));
}

/** The snippet in place of the one symbol it is a new version of, or undefined (then the model merges). */
export function symbolShortcut(text: string, snippet: string, symbols: readonly SymbolSpan[]): TextReplacement | undefined {
  if (findPlaceholder(snippet) !== undefined) return undefined;
  const first = firstCodeLine(snippet.replace(/\r/g, ''));
  if (first === undefined || !isOneDeclaration(snippet, first)) return undefined;
  const wanted = signature(first);
  if (wanted === '') return undefined;
  const same = flatten(symbols).filter((symbol) => {
    const declaration = firstCodeLine(text.slice(lineStart(text, symbol.start), symbol.end).replace(/\r/g, ''));
    return symbol.name.trim() !== '' && declaration !== undefined && signature(declaration) === wanted;
  });
  // Two symbols with this signature (methods of two classes): which one is meant is the merge's question.
  return same.length === 1 ? symbolReplacement(text, snippet, same[0]!) : undefined;
}
