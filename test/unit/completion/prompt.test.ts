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
  it('orders the prompt longest-stable first: system text, language and path, snippets, the file, then the mode', () => {
    const request = buildInlinePrompt(context, { mode: 'line' });
    const messages = request.messages ?? [];
    assert.deepEqual(messages[0], { role: 'system', content: INLINE_SYSTEM_PROMPT });
    assert.equal(messages[1].role, 'user');
    const user = messages[1].content;
    assert.ok(user.includes(`def area(r):\n    return ${HOLE}\n`));
    assert.ok(user.startsWith('Language: python\nFile: geo/shapes.py\n<related>\n--- geo/consts.py ---\nPI = 3.14159\n</related>\n<file>\n'));
    assert.ok(user.trimEnd().endsWith('Complete the current line only.'));
  });

  it('keeps everything up to the cursor a byte-identical start of the prompt when the suffix or the mode change', () => {
    const a = buildInlinePrompt(context, { mode: 'line' }).messages?.[1].content ?? '';
    const b = buildInlinePrompt({ ...context, suffix: '\n\nprint(1)\n' }, { mode: 'block' }).messages?.[1].content ?? '';
    const cursorAt = a.indexOf(HOLE);
    assert.equal(b.slice(0, cursorAt), a.slice(0, cursorAt));
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
