import * as assert from 'node:assert/strict';
import { ACTION_SYSTEM_PROMPT, buildActionMessages, explainQuestion } from '../../../src/actions/prompts';

const base = { languageId: 'typescript', fileName: 'src/a.ts', startLine: 3, endLine: 4, selection: 'let x = 1;\nx++;' };

describe('buildActionMessages', () => {
  it('puts the same system text first for every action', () => {
    const refactor = buildActionMessages({ ...base, action: 'refactor' });
    const docs = buildActionMessages({ ...base, action: 'generateDocs', selection: 'other' });
    assert.deepEqual(refactor[0], { role: 'system', content: ACTION_SYSTEM_PROMPT });
    assert.deepEqual(docs[0], refactor[0]);
    assert.equal(refactor.length, 2);
  });

  it('gives the task, file, lines and the fenced selection', () => {
    const [, user] = buildActionMessages({ ...base, action: 'refactor', before: 'function f() {', after: '}' });
    assert.equal(user.role, 'user');
    assert.match(user.content, /^Task: Refactor/);
    assert.match(user.content, /File: src\/a\.ts \(typescript\), lines 3-4/);
    assert.match(user.content, /Selection:\n```typescript\nlet x = 1;\nx\+\+;\n```/);
    assert.ok(user.content.indexOf('function f() {') < user.content.indexOf('Selection:'));
    assert.ok(user.content.indexOf('Selection:') < user.content.lastIndexOf('}'));
  });

  it('lists the diagnostics for Fix, and says when there are none', () => {
    const [, withDiagnostics] = buildActionMessages({ ...base, action: 'fix', diagnostics: "- line 3 error: Cannot find name 'y'." });
    assert.match(withDiagnostics.content, /Diagnostics in the selection:\n- line 3 error: Cannot find name 'y'\./);
    const [, without] = buildActionMessages({ ...base, action: 'fix' });
    assert.match(without.content, /none reported/);
    const [, refactor] = buildActionMessages({ ...base, action: 'refactor', diagnostics: 'ignored' });
    assert.doesNotMatch(refactor.content, /Diagnostics/);
  });

  it("carries Ask Grok's instruction and the test file's name", () => {
    const [, ask] = buildActionMessages({ ...base, action: 'askGrok', instruction: 'use const' });
    assert.match(ask.content, /Instruction: use const/);
    const [, tests] = buildActionMessages({ ...base, action: 'writeTests', testFileName: 'src/a.test.ts' });
    assert.match(tests.content, /New test file: src\/a\.test\.ts/);
  });

  it('fences a selection that itself holds a fence with a longer one', () => {
    const [, user] = buildActionMessages({ ...base, action: 'generateDocs', selection: '/**\n * ```ts\n * f()\n * ```\n */' });
    assert.match(user.content, /Selection:\n````typescript\n/);
  });
});

describe('explainQuestion', () => {
  it('asks about the selection by its place, as words: the code goes as a chip, not fenced into the bubble', () => {
    const question = explainQuestion(base);
    assert.match(question, /src\/a\.ts \(lines 3-4\)/);
    assert.doesNotMatch(question, /```|let x = 1/);
  });
});
