import * as assert from 'node:assert/strict';
import { CHARS_PER_TOKEN, type ContextBudget, DEFAULT_CONTEXT_BUDGET, documentWindow, gatherSnippets } from '../../../src/completion/context';
import { createExcludeMatcher } from '../../../src/platform/excludeMatcher';
import type { RecentSnippet } from '../../../src/completion/types';

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
});

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
      stopwatch: () => performance.now(),
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
