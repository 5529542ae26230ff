import * as assert from 'node:assert/strict';
import { CHARS_PER_TOKEN, type ContextBudget, DEFAULT_CONTEXT_BUDGET, documentWindow, gatherSnippets } from '../../../src/completion/context';
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

/** The cut as first written, searching the whole text: the reference for the single read. */
function wholeTextWindow(text: string, offset: number, budget: ContextBudget): { prefix: string; suffix: string } {
  let start = Math.max(0, offset - budget.prefixTokens * CHARS_PER_TOKEN);
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
      absolutePath: '/p/src/app.ts',
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
    const self = { ...related, absolutePath: '/p/src/app.ts' };
    const secret = candidate('src/user_secret.ts', 'const user = buildProfile(userId);');
    assert.deepEqual(gather([python, self, secret], {}, ['**/*secret*']), []);
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
      absolutePath: '/p/src/app.ts',
      candidates: [related, related, related].map((c, i) => ({ ...c, absolutePath: `/p/${i}.ts` })),
      isExcluded: createExcludeMatcher([]),
      budget: { ...DEFAULT_CONTEXT_BUDGET, snippetTimeMs: 2 },
      stopwatch: () => (now += 1.5),
    });
    assert.equal(snippets.length, 1);
  });
});
