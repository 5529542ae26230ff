/**
 * The bench's baseline: the chat's Apply as it was before edit blocks and the model merge (issue
 * 26), kept here only to be measured against. Where it put a snippet, as Copilot's and Continue's
 * Apply do:
 * - a snippet that is a whole file (it names every top-level symbol of a file that has several, or
 *   the file is blank): the whole file;
 * - a snippet whose first line of code declares one of the file's symbols: that symbol's lines;
 * - anything else is inserted: import lines after the file's leading imports, other code at the end.
 */
import { COMMENT_LINE, firstCodeLine, flatten, symbolReplacement, type SymbolSpan, type TextReplacement } from '../../src/chat/apply/symbolShortcut';

const IMPORT_LINE = /^\s*(import\b|from\s+\S+\s+import\b|using\s+[\w.]+;|#include\b|use\s+[\w:]+|require\(|const\s+\w+\s*=\s*require\()/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordIndex = (line: string, name: string) => new RegExp(`(^|[^\\w$])${escape(name)}(?![\\w$])`).exec(line)?.index;

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

function insertTarget(text: string, snippet: string): TextReplacement {
  const code = snippet.replace(/\n+$/, '');
  const lines = code.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > 0 && lines.every((line) => IMPORT_LINE.test(line))) {
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
    return { start: at, end: at, code: `${lead}${code}\n` };
  }
  const body = text.replace(/\s+$/, '');
  const at = body.length;
  return { start: at, end: text.length, code: `${at === 0 ? '' : '\n\n'}${code}\n` };
}

/** Where the old Apply put `snippet` in `text` (no selection: the chat's Apply button). */
export function heuristicApply(text: string, snippet: string, symbols: readonly SymbolSpan[]): TextReplacement {
  if (text.trim() === '') return { start: 0, end: text.length, code: snippet };
  const topNames = symbols.map((symbol) => symbol.name).filter((name) => name.trim() !== '');
  if (topNames.length >= 2 && topNames.every((name) => wordIndex(snippet, name) !== undefined)) return { start: 0, end: text.length, code: snippet };
  const symbol = counterpart(snippet, symbols);
  return symbol === undefined ? insertTarget(text, snippet) : symbolReplacement(text, snippet, symbol);
}
