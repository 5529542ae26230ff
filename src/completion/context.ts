/**
 * Step 4: what the model sees. Prefix and suffix windows sized by a token budget (about 4 characters
 * a token for code: close enough for budgeting, no tokenizer call per keystroke), cut at line
 * boundaries; and a few windows from other files of the same language that share the most
 * identifiers with the lines before the cursor, gathered under a strict time budget. Files matching
 * the exclude globs are never read.
 */
import type { ExcludeMatcher } from '../platform/excludeMatcher';
import type { DocumentText, DocumentWindow, RecentSnippet } from './types';

export const CHARS_PER_TOKEN = 4;

export interface ContextBudget {
  prefixTokens: number;
  suffixTokens: number;
  snippetTokens: number;
  maxSnippets: number;
  /** Wall-clock budget for picking snippets; whatever is found by then is used. */
  snippetTimeMs: number;
}

export const DEFAULT_CONTEXT_BUDGET: ContextBudget = {
  prefixTokens: 1500,
  suffixTokens: 500,
  snippetTokens: 600,
  maxSnippets: 3,
  snippetTimeMs: 2,
};

export interface ContextSnippet {
  relativePath: string;
  text: string;
}

export interface CompletionContext extends DocumentWindow {
  languageId: string;
  relativePath: string;
  snippets: ContextSnippet[];
}

/**
 * The prefix window's start moves in steps of this many characters (at most a quarter of the
 * budget), not with every keystroke, so consecutive requests share the file's text from its start
 * and xAI's prompt cache serves it (the window is then between budget - step and budget long).
 */
export const PREFIX_START_STEP_CHARS = 1024;

/**
 * The text before and after the cursor, whole lines only, within the token budget. Reads the text
 * once: the budget and a character either side, where the cuts look for line ends. A cut inside a
 * line longer than the budget never splits a UTF-16 surrogate pair.
 */
export function documentWindow(text: DocumentText, offset: number, budget: ContextBudget): DocumentWindow {
  const length = text.length;
  const prefixChars = budget.prefixTokens * CHARS_PER_TOKEN;
  const from = Math.max(0, offset - prefixChars - 1);
  const excerpt = text.slice(from, Math.min(length, offset + budget.suffixTokens * CHARS_PER_TOKEN + 1));
  // Offsets into the excerpt from here on.
  const cursor = offset - from;
  let start = prefixStart(offset, prefixChars) - from;
  if (start > 0) {
    const lineStart = excerpt.indexOf('\n', start - 1);
    if (lineStart >= 0 && lineStart < cursor) start = lineStart + 1;
    else if (isLowSurrogate(excerpt.charCodeAt(start))) start++;
  }
  let end = Math.min(length, offset + budget.suffixTokens * CHARS_PER_TOKEN) - from;
  if (end < excerpt.length) {
    const lineEnd = excerpt.lastIndexOf('\n', end);
    if (lineEnd > cursor) end = lineEnd;
    else if (end > cursor && isLowSurrogate(excerpt.charCodeAt(end))) end--;
  }
  return { prefix: excerpt.slice(start, cursor), suffix: excerpt.slice(cursor, end) };
}

/** Where the prefix window may start: the budget before the cursor, rounded up to a step. */
export function prefixStart(offset: number, prefixChars: number): number {
  const earliest = Math.max(0, offset - prefixChars);
  const step = Math.max(1, Math.min(PREFIX_START_STEP_CHARS, Math.floor(prefixChars / 4)));
  return Math.min(offset, Math.ceil(earliest / step) * step);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const SNIPPET_LINES = 12;
const SNIPPET_STEP = 6;
/** Lines before the cursor compared with candidate windows. */
const QUERY_LINES = 12;
/** Longest candidate text scanned, so one huge open file cannot eat the budget. */
const MAX_SCANNED_CHARS = 40_000;

export interface SnippetRequest {
  prefix: string;
  languageId: string;
  /** The current document's URI: it is not its own context (a notebook's cells share one path). */
  uri: string;
  candidates: readonly RecentSnippet[];
  isExcluded: ExcludeMatcher;
  budget: ContextBudget;
  /** Real time in ms (performance.now), never a virtual clock: the budget is CPU time. */
  stopwatch: () => number;
}

export function gatherSnippets(request: SnippetRequest): ContextSnippet[] {
  const { budget, stopwatch } = request;
  const deadline = stopwatch() + budget.snippetTimeMs;
  const query = identifiers(request.prefix.split('\n').slice(-QUERY_LINES).join('\n'));
  if (query.size === 0) return [];
  const scored: Array<ContextSnippet & { score: number }> = [];
  for (const candidate of request.candidates) {
    if (stopwatch() > deadline) break;
    if (candidate.languageId !== request.languageId || candidate.uri === request.uri) continue;
    if (request.isExcluded(candidate.relativePath, candidate.absolutePath)) continue;
    const best = bestWindow(scannedPart(candidate.text), query);
    if (best !== undefined) scored.push({ relativePath: candidate.relativePath, ...best });
  }
  scored.sort((a, b) => b.score - a.score);
  const picked: ContextSnippet[] = [];
  let charsLeft = budget.snippetTokens * CHARS_PER_TOKEN;
  for (const { relativePath, text } of scored) {
    if (picked.length >= budget.maxSnippets || text.length > charsLeft) continue;
    picked.push({ relativePath, text });
    charsLeft -= text.length;
  }
  return picked;
}

/** The part of a candidate that is scanned: whole lines within MAX_SCANNED_CHARS, never half a surrogate pair. */
function scannedPart(text: DocumentText): string {
  // One character more than the limit tells whether the limit falls at a line end.
  const part = text.slice(0, Math.min(text.length, MAX_SCANNED_CHARS + 1));
  if (part.length <= MAX_SCANNED_CHARS) return part;
  const lineEnd = part.lastIndexOf('\n', MAX_SCANNED_CHARS);
  if (lineEnd > 0) return part.slice(0, lineEnd);
  return part.slice(0, isLowSurrogate(part.charCodeAt(MAX_SCANNED_CHARS)) ? MAX_SCANNED_CHARS - 1 : MAX_SCANNED_CHARS);
}

function bestWindow(text: string, query: Set<string>): { text: string; score: number } | undefined {
  const lines = text.split('\n');
  let best: { text: string; score: number } | undefined;
  for (let first = 0; first < lines.length; first += SNIPPET_STEP) {
    const window = lines.slice(first, first + SNIPPET_LINES).join('\n');
    const score = jaccard(query, identifiers(window));
    if (score > 0 && (best === undefined || score > best.score)) best = { text: window, score };
    if (first + SNIPPET_LINES >= lines.length) break;
  }
  return best;
}

/** Keywords every file shares; they say nothing about relatedness. */
const KEYWORDS = new Set(
  // not UI text: programming-language keywords
  ('const let var function return await async export import from class new this self def None True False null ' +
    'undefined true false void int string public private protected static final func package struct impl pub use ' +
    'mut for while else elif try catch except throw raise with auto include namespace template typename').split(' '),
);

function identifiers(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.match(/[A-Za-z_$][\w$]{2,}/g) ?? []) if (!KEYWORDS.has(word)) words.add(word);
  return words;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (b.size === 0) return 0;
  let shared = 0;
  for (const word of b) if (a.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
