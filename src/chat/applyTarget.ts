/**
 * Where the chat's "Apply to file" puts a snippet, as Copilot's and Continue's Apply do:
 * - a non-empty selection: the snippet replaces it;
 * - a snippet that is a whole file (it names every top-level symbol of a file that has several, or
 *   the file is blank): the whole file;
 * - a snippet whose first line of code declares one of the file's symbols (VS Code's document
 *   symbols, at any depth): that symbol's lines, the doc comment above it included when the snippet
 *   brings its own, re-indented to the symbol's indentation;
 * - anything else is inserted: import lines after the file's leading imports, other code at the end.
 * No `vscode` import: the host passes the symbols as offsets (unit-tested in plain Node).
 */

export interface SymbolSpan {
  name: string;
  /** Offsets into the document text: the symbol's full range, `end` exclusive. */
  start: number;
  end: number;
  children: SymbolSpan[];
}

export type ApplyTarget =
  | { kind: 'selection' | 'wholeFile'; start: number; end: number; code: string }
  | { kind: 'symbol'; name: string; start: number; end: number; code: string }
  | { kind: 'insert'; start: number; end: number; code: string };

export interface ApplyInput {
  text: string;
  snippet: string;
  /** The editor's selection as offsets, when not empty. */
  selection?: { start: number; end: number };
  symbols: readonly SymbolSpan[];
}

const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|#(?!include|!)|--|;|""")/;
const DECORATOR_LINE = /^\s*@/;
const IMPORT_LINE = /^\s*(import\b|from\s+\S+\s+import\b|using\s+[\w.]+;|#include\b|use\s+[\w:]+|require\(|const\s+\w+\s*=\s*require\()/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordIndex = (line: string, name: string) => new RegExp(`(^|[^\\w$])${escape(name)}(?![\\w$])`).exec(line)?.index;

function firstCodeLine(snippet: string): string | undefined {
  return snippet.split('\n').find((line) => line.trim() !== '' && !COMMENT_LINE.test(line) && !DECORATOR_LINE.test(line));
}

function flatten(symbols: readonly SymbolSpan[]): SymbolSpan[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children)]);
}

/** The symbol the snippet's first code line declares: the name that occurs first; the innermost on a tie. */
function counterpart(snippet: string, symbols: readonly SymbolSpan[]): SymbolSpan | undefined {
  const line = firstCodeLine(snippet);
  if (line === undefined) return undefined;
  let best: { symbol: SymbolSpan; at: number } | undefined;
  for (const symbol of flatten(symbols)) {
    if (symbol.name.trim() === '') continue;
    const at = wordIndex(line, symbol.name);
    if (at === undefined) continue;
    if (best === undefined || at < best.at || (at === best.at && symbol.end - symbol.start < best.symbol.end - best.symbol.start)) best = { symbol, at };
  }
  return best?.symbol;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
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

function symbolTarget(text: string, snippet: string, symbol: SymbolSpan): ApplyTarget {
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
  return { kind: 'symbol', name: symbol.name, start, end, code: reindent(snippet.replace(/\n+$/, ''), indent) };
}

function insertTarget(text: string, snippet: string): ApplyTarget {
  const code = snippet.replace(/\n+$/, '');
  const lines = code.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > 0 && lines.every((line) => IMPORT_LINE.test(line))) {
    // After the last import of the file's leading block of imports and comments.
    let offset = 0;
    let afterImports = 0;
    for (const line of text.split('\n')) {
      const next = offset + line.length + 1;
      if (IMPORT_LINE.test(line)) afterImports = Math.min(next, text.length);
      else if (line.trim() !== '' && !COMMENT_LINE.test(line)) break;
      offset = next;
    }
    const at = afterImports;
    const lead = at > 0 && !text.slice(0, at).endsWith('\n') ? '\n' : '';
    return { kind: 'insert', start: at, end: at, code: `${lead}${code}\n` };
  }
  const body = text.replace(/\s+$/, '');
  const at = body.length;
  return { kind: 'insert', start: at, end: text.length, code: `${at === 0 ? '' : '\n\n'}${code}\n` };
}

export function applyTarget(input: ApplyInput): ApplyTarget {
  const { text, snippet, selection, symbols } = input;
  if (selection !== undefined && selection.end > selection.start) return { kind: 'selection', ...selection, code: snippet };
  if (text.trim() === '') return { kind: 'wholeFile', start: 0, end: text.length, code: snippet };
  const topNames = symbols.map((symbol) => symbol.name).filter((name) => name.trim() !== '');
  if (topNames.length >= 2 && topNames.every((name) => wordIndex(snippet, name) !== undefined)) {
    return { kind: 'wholeFile', start: 0, end: text.length, code: snippet };
  }
  const symbol = counterpart(snippet, symbols);
  return symbol === undefined ? insertTarget(text, snippet) : symbolTarget(text, snippet, symbol);
}
