import * as assert from 'node:assert/strict';
import { CHARS_PER_TOKEN, type ContextBudget, DEFAULT_CONTEXT_BUDGET, documentWindow, gatherSnippets, PREFIX_START_STEP_CHARS, prefixStart } from '../../../src/completion/context';
import { createExcludeMatcher } from '../../../src/platform/excludeMatcher';
import type { DocumentText, RecentSnippet } from '../../../src/completion/types';

const lines = Array.from({ length: 80 }, (_, i) => `line ${String(i).padStart(3, '0')} of the file`);
const text = lines.join('\n');

describe('completion/context: document window', () => {
  it('keeps the whole file when it fits', () => {
    const offset = text.indexOf('line 040') + 5;
    const window = documentWindow(text, offset, DEFAULT_CONTEXT_BUDGET);
    assert.equal(window.prefix + window.suffix, text);
    assert.equal(window.prefix.length, offset);
  });

  it('cuts both sides to the token budget at whole lines', () => {
    const budget: ContextBudget = { ...DEFAULT_CONTEXT_BUDGET, prefixTokens: 30, suffixTokens: 20 };
    const offset = text.indexOf('line 040') + 5;
    const { prefix, suffix } = documentWindow(text, offset, budget);
    assert.ok(prefix.length <= 30 * CHARS_PER_TOKEN);
    assert.ok(suffix.length <= 20 * CHARS_PER_TOKEN);
    assert.ok(prefix.startsWith('line '), `prefix starts mid-line: ${prefix.slice(0, 10)}`);
    assert.ok(prefix.endsWith('line '));
    assert.ok(suffix.endsWith('of the file'), `suffix ends mid-line: ${suffix.slice(-10)}`);
  });

  it('reads one range around the cursor, not the whole document', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `const value${i} = ${i};`).join('\n');
    const reads: Array<[number, number]> = [];
    const reader: DocumentText = {
      length: big.length,
      slice: (start, end) => {
        reads.push([start, end]);
        return big.slice(start, end);
      },
    };
    const offset = big.indexOf('value10000') + 3;
    const window = documentWindow(reader, offset, DEFAULT_CONTEXT_BUDGET);
    assert.equal(reads.length, 1);
    const [[start, end]] = reads;
    assert.ok(start <= offset - window.prefix.length && end >= offset + window.suffix.length);
    assert.ok(end - start <= (DEFAULT_CONTEXT_BUDGET.prefixTokens + DEFAULT_CONTEXT_BUDGET.suffixTokens) * CHARS_PER_TOKEN + 2, `read ${end - start} chars`);
    assert.equal(window.prefix + window.suffix, big.slice(offset - window.prefix.length, offset + window.suffix.length));
  });

  it('moves the prefix window start in steps, so consecutive keystrokes share the window start', () => {
    const long = Array.from({ length: 2000 }, (_, i) => `line ${i}`).join('\n');
    const budget = DEFAULT_CONTEXT_BUDGET;
    const at = long.indexOf('line 1500');
    const starts = new Set<number>();
    for (let offset = at; offset < at + 200; offset++) starts.add(offset - documentWindow(long, offset, budget).prefix.length);
    assert.equal(starts.size, 1);
    const { prefix } = documentWindow(long, at, budget);
    assert.ok(prefix.length <= budget.prefixTokens * CHARS_PER_TOKEN && prefix.length >= budget.prefixTokens * CHARS_PER_TOKEN - PREFIX_START_STEP_CHARS - 20);
  });

  it('never starts the prefix or ends the suffix inside a surrogate pair (kind 8)', () => {
    // The example: a long line of emoji, longer than the budget, cut at any offset.
    const emoji = '😀'.repeat(5000);
    const budget: ContextBudget = { ...DEFAULT_CONTEXT_BUDGET, prefixTokens: 101, suffixTokens: 51 };
    for (let offset = 8000; offset < 8400; offset += 2) {
      const { prefix, suffix } = documentWindow(emoji, offset, budget);
      assert.ok(!/^[\udc00-\udfff]/.test(prefix), `prefix starts with a lone low surrogate at ${offset}`);
      assert.ok(!/[\ud800-\udbff]$/.test(suffix), `suffix ends with a lone high surrogate at ${offset}`);
    }
    // Another instance: mathematical letters (also outside the BMP) in a long string literal.
    const math = `const s = "${'𝒜𝒷'.repeat(3000)}";`;
    for (let offset = 8001; offset < 8011; offset += 2) {
      const { prefix, suffix } = documentWindow(math, offset, { ...budget, prefixTokens: 250 });
      assert.ok(!/^[\udc00-\udfff]/.test(prefix) && !/[\ud800-\udbff]$/.test(suffix));
    }
  });

  it('cuts at the same line ends as a search through the whole text, at every offset', () => {
    const ragged = ['a', '', 'bb bb', 'ccc ccc ccc', '', '', 'd', 'eeeeeeeeeeeeeeeeeeee', 'ff', ''].join('\n');
    for (const [prefixTokens, suffixTokens] of [[1, 1], [2, 3], [4, 2], [100, 100]]) {
      const budget: ContextBudget = { ...DEFAULT_CONTEXT_BUDGET, prefixTokens, suffixTokens };
      for (let offset = 0; offset <= ragged.length; offset++) {
        assert.deepEqual(documentWindow(ragged, offset, budget), wholeTextWindow(ragged, offset, budget), `offset ${offset}, budget ${prefixTokens}/${suffixTokens}`);
      }
    }
  });
});

/** The cut as first written, searching the whole text: the reference for the single read (surrogates aside). */
function wholeTextWindow(text: string, offset: number, budget: ContextBudget): { prefix: string; suffix: string } {
  let start = prefixStart(offset, budget.prefixTokens * CHARS_PER_TOKEN);
  if (start > 0) {
    const lineStart = text.indexOf('\n', start - 1);
    if (lineStart >= 0 && lineStart < offset) start = lineStart + 1;
  }
  let end = Math.min(text.length, offset + budget.suffixTokens * CHARS_PER_TOKEN);
  if (end < text.length) {
    const lineEnd = text.lastIndexOf('\n', end);
    if (lineEnd > offset) end = lineEnd;
  }
  return { prefix: text.slice(start, offset), suffix: text.slice(offset, end) };
}

describe('completion/context: snippets', () => {
  const prefix = 'const user = await fetchUser(userId);\nconst profile = buildProfile(';
  const candidate = (relativePath: string, body: string, languageId = 'typescript'): RecentSnippet => ({
    uri: `file:///p/${relativePath}`,
    relativePath,
    absolutePath: `/p/${relativePath}`,
    languageId,
    text: body,
  });
  const related = candidate('src/profile.ts', 'export function buildProfile(user: User) {\n  return { name: user.name };\n}');
  const unrelated = candidate('src/math.ts', 'export const TAU = Math.PI * 2;');
  const gather = (candidates: RecentSnippet[], overrides: Partial<ContextBudget> = {}, exclude: string[] = []) =>
    gatherSnippets({
      prefix,
      languageId: 'typescript',
      uri: 'file:///p/src/app.ts',
      candidates,
      isExcluded: createExcludeMatcher(exclude),
      budget: { ...DEFAULT_CONTEXT_BUDGET, ...overrides },
      // Time stands still: the time budget never runs out, whatever the machine's load.
      stopwatch: () => 0,
    });

  it('picks windows sharing identifiers with the lines before the cursor', () => {
    assert.deepEqual(
      gather([unrelated, related]).map((s) => s.relativePath),
      ['src/profile.ts'],
    );
  });

  it('skips other languages, the current file and excluded files', () => {
    const python = candidate('src/profile.py', 'def buildProfile(user): return user', 'python');
    const self = { ...related, uri: 'file:///p/src/app.ts' };
    const secret = candidate('src/user_secret.ts', 'const user = buildProfile(userId);');
    assert.deepEqual(gather([python, self, secret], {}, ['**/*secret*']), []);
  });

  it('takes the sibling cells of a notebook, which share its path, and skips the current cell by URI', () => {
    const notebook = { relativePath: 'nb/analysis.ipynb', absolutePath: '/p/nb/analysis.ipynb', languageId: 'typescript' };
    const cell = (n: number, body: string): RecentSnippet => ({ ...notebook, uri: `vscode-notebook-cell:/p/nb/analysis.ipynb#W${n}sZmlsZQ%3D%3D`, text: body });
    const snippets = gatherSnippets({
      prefix,
      languageId: 'typescript',
      uri: cell(2, '').uri,
      candidates: [cell(1, 'function buildProfile(user: User) { return user; }'), cell(2, 'const user = await fetchUser(userId);')],
      isExcluded: createExcludeMatcher([]),
      budget: DEFAULT_CONTEXT_BUDGET,
      stopwatch: () => 0,
    });
    assert.deepEqual(snippets.map((s) => s.text), ['function buildProfile(user: User) { return user; }']);
    // The notebook's path still decides exclusion.
    assert.deepEqual(gather([cell(1, 'function buildProfile(user: User) {}')], {}, ['**/*.ipynb']), []);
  });

  it('respects the snippet count and character budget', () => {
    const many = Array.from({ length: 6 }, (_, i) => candidate(`src/p${i}.ts`, `const profile${i} = buildProfile(user);`));
    assert.equal(gather(many, { maxSnippets: 2 }).length, 2);
    assert.equal(gather(many, { snippetTokens: 1 }).length, 0);
  });

  it('stops looking when the time budget is spent', () => {
    let now = 0;
    const snippets = gatherSnippets({
      prefix,
      languageId: 'typescript',
      uri: 'file:///p/src/app.ts',
      candidates: [related, related, related].map((c, i) => ({ ...c, uri: `file:///p/${i}.ts` })),
      isExcluded: createExcludeMatcher([]),
      budget: { ...DEFAULT_CONTEXT_BUDGET, snippetTimeMs: 2 },
      stopwatch: () => (now += 1.5),
    });
    assert.equal(snippets.length, 1);
  });
});
