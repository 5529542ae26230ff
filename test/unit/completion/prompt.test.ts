import * as assert from 'node:assert/strict';
import { HOLE, INLINE_SYSTEM_PROMPT, buildInlinePrompt } from '../../../src/completion/prompt';

const context = {
  prefix: 'def area(r):\n    return ',
  suffix: '\n',
  languageId: 'python',
  relativePath: 'geo/shapes.py',
  snippets: [{ relativePath: 'geo/consts.py', text: 'PI = 3.14159' }],
};

describe('completion/prompt', () => {
  it('puts the byte-stable system text first and the file with the hole last', () => {
    const request = buildInlinePrompt(context, { mode: 'line' });
    const messages = request.messages ?? [];
    assert.deepEqual(messages[0], { role: 'system', content: INLINE_SYSTEM_PROMPT });
    assert.equal(messages[1].role, 'user');
    const user = messages[1].content;
    assert.ok(user.includes(`def area(r):\n    return ${HOLE}\n`));
    assert.ok(user.indexOf('geo/consts.py') < user.indexOf(HOLE));
    assert.ok(user.includes('Language: python') && user.includes('File: geo/shapes.py'));
    assert.ok(user.trimEnd().endsWith('Complete the current line only.'));
  });

  it('keeps the system text identical whatever the file', () => {
    const other = buildInlinePrompt({ ...context, prefix: 'fn main() {', languageId: 'rust' }, { mode: 'block' });
    assert.equal(other.messages?.[0].content, INLINE_SYSTEM_PROMPT);
    assert.ok(!INLINE_SYSTEM_PROMPT.includes('python') && !INLINE_SYSTEM_PROMPT.includes('rust'));
  });

  it('asks for a small answer for feature inline, without a stop parameter', () => {
    const request = buildInlinePrompt(context, { mode: 'block', conversationId: 'inline-session-1' });
    assert.equal(request.metadata?.feature, 'inline');
    assert.equal(request.metadata?.conversationId, 'inline-session-1');
    assert.ok((request.options?.maxTokens ?? Infinity) <= 1024);
    assert.ok(!('stop' in (request.options ?? {})));
    assert.ok(!JSON.stringify(request).includes('"stop"'));
  });
});
