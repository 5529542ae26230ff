/**
 * The apply corpus: (files, answer, expected files) pairs built from languages.ts in the shapes
 * models really answer with (issue 26): edit blocks, a changed function, one with a new signature, a
 * new function, a usage example, placeholders, a whole file, several files, CRLF files, and a method
 * name two types share. `expected` is every file after the right Apply; a pair whose right outcome
 * is a refusal expects the files unchanged.
 */
import { type Change, type LanguageSpec, LANGUAGES, type Part } from './languages';
import { type SymbolSpan } from '../../src/chat/apply/symbolShortcut';

export interface CorpusFile {
  name: string;
  text: string;
  /** What VS Code's outline would give for the file. */
  symbols: SymbolSpan[];
}

export interface ApplyPair {
  id: string;
  language: string;
  shape: string;
  /** The files before; the first one is the active editor's. */
  files: CorpusFile[];
  /** The code blocks of the answer the user applies, in order (several for a multi-file answer). */
  blocks: { code: string; file: string }[];
  /** Every file after a right Apply (absent: the file is not created). */
  expected: Record<string, string>;
}

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) count++;
  return count;
}

/** `text` with `change` made; the `from` text must occur exactly once. */
export function changed(text: string, change: Change, what: string): string {
  const count = occurrences(text, change.from);
  if (count !== 1) throw new Error(`corpus: ${what}: ${JSON.stringify(change.from)} occurs ${count} times`);
  return text.replace(change.from, () => change.to);
}

function spans(text: string, parts: readonly Part[], from: number, to: number): SymbolSpan[] {
  let cursor = from;
  return parts.map((part) => {
    const start = text.indexOf(part.text, cursor);
    if (start === -1 || start + part.text.length > to) throw new Error(`corpus: part ${part.name} not found`);
    cursor = start + part.text.length;
    return { name: part.name, start, end: cursor, children: spans(text, part.children ?? [], start, cursor) };
  });
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

function fileOf(spec: LanguageSpec, eol: '\n' | '\r\n' = '\n'): CorpusFile {
  const lf = `${spec.header}\n\n${spec.parts.map((part) => part.text).join('\n\n')}\n`;
  const text = eol === '\n' ? lf : crlf(lf);
  const parts = eol === '\n' ? spec.parts : spec.parts.map(function toCrlf(part): Part {
    return { name: part.name, text: crlf(part.text), ...(part.children && { children: part.children.map(toCrlf) }) };
  });
  return { name: spec.file, text, symbols: spans(text, parts, 0, text.length) };
}

/** The change widened to the whole lines it touches in `text`: an edit block holds whole lines. */
function wholeLines(text: string, change: Change): Change {
  if (change.from === '') return change;
  const at = text.indexOf(change.from);
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const next = text.indexOf('\n', at + change.from.length);
  const end = next === -1 ? text.length : next;
  return { from: text.slice(start, end), to: text.slice(start, at) + change.to + text.slice(at + change.from.length, end) };
}

const block = (change: Change) => `<<<<<<< SEARCH\n${change.from}\n=======\n${change.to}\n>>>>>>> REPLACE\n`;
const fence = (path: string | undefined, text: string, ...changes: Change[]) =>
  `${path === undefined ? '' : `${path}\n`}${changes.map((change) => block(wholeLines(text, change))).join('')}`;

function pairsOf(spec: LanguageSpec): ApplyPair[] {
  const file = fileOf(spec);
  const { text } = file;
  const name = spec.file;
  const second: CorpusFile = { name: spec.second.file, text: spec.second.text, symbols: [] };
  const add = spec.addFunction ?? ((before: string, code: string) => `${before.trimEnd()}\n\n${code}\n`);
  const first = spec.parts[0]!.children?.[0] ?? spec.parts[0]!;
  const third = spec.parts[0]!.children?.[2] ?? spec.parts[2]!;
  // A member as a model writes it on its own: without the indentation it has in the file.
  const memberSnippet = (part: Part, change: Change) => {
    const start = text.indexOf(part.text);
    const indent = start - text.lastIndexOf('\n', start - 1) - 1;
    const [head, ...rest] = changed(part.text, change, `${spec.language} snippet`).split('\n');
    return [head, ...rest.map((line) => line.slice(Math.min(indent, /^[ \t]*/.exec(line)![0].length)))].join('\n');
  };
  const pair = (shape: string, blocks: ApplyPair['blocks'], expected: Record<string, string>, files: CorpusFile[] = [file]): ApplyPair => ({
    id: `${spec.language}/${shape}`,
    language: spec.language,
    shape,
    files,
    blocks,
    expected,
  });
  const one = (shape: string, code: string, after: string) => pair(shape, [{ code, file: name }], { [name]: after });
  const crlfFile = fileOf(spec, '\r\n');
  const edited = changed(text, spec.edit, `${spec.language} edit`);
  return [
    one('edit block', fence(name, text, spec.edit), edited),
    one('two edit blocks', fence(name, text, spec.edit, spec.edit2), changed(edited, spec.edit2, `${spec.language} edit2`)),
    one('edit block without a path', fence(undefined, text, spec.edit), edited),
    one('changed function', memberSnippet(first, spec.edit), edited),
    one('changed signature', memberSnippet(third, spec.newSignature), changed(text, spec.newSignature, `${spec.language} signature`)),
    one('new function calling the others', spec.summary, add(text, spec.summary)),
    one('new function', spec.helper, add(text, spec.helper)),
    one('usage example', spec.usage, text),
    one('placeholder in a function', spec.placeholder.snippet, changed(text, spec.placeholder, `${spec.language} placeholder`)),
    one('placeholder in a type', spec.typePlaceholder.snippet, changed(text, spec.typePlaceholder, `${spec.language} type placeholder`)),
    one('whole file', changed(edited, spec.edit2, `${spec.language} whole file`), changed(edited, spec.edit2, `${spec.language} whole file`)),
    pair(
      'several files',
      [
        { code: fence(name, text, spec.edit), file: name },
        { code: fence(spec.second.file, spec.second.text, spec.second), file: spec.second.file },
        { code: fence(spec.newFile.file, '', { from: '', to: spec.newFile.text.trimEnd() }), file: spec.newFile.file },
      ],
      { [name]: edited, [spec.second.file]: changed(spec.second.text, spec.second, `${spec.language} second`), [spec.newFile.file]: spec.newFile.text },
      [file, second],
    ),
    pair('CRLF file, changed function', [{ code: memberSnippet(first, spec.edit), file: name }], { [name]: crlf(edited) }, [crlfFile]),
    pair('CRLF file, edit block', [{ code: fence(name, text, spec.edit2), file: name }], { [name]: crlf(changed(text, spec.edit2, `${spec.language} crlf`)) }, [crlfFile]),
    one('method name two types share', spec.duplicate.snippet, changed(text, spec.duplicate, `${spec.language} duplicate`)),
    one('edit block found twice', fence(name, text, spec.ambiguous), text),
  ];
}

/** Every pair, checked: each `from` occurs once where it must, `ambiguous.from` more than once. */
export function applyCorpus(): ApplyPair[] {
  return LANGUAGES.flatMap((spec) => {
    const text = fileOf(spec).text;
    if (occurrences(text, spec.ambiguous.from) < 2) throw new Error(`corpus: ${spec.language}: the ambiguous text occurs only once`);
    return pairsOf(spec);
  });
}
