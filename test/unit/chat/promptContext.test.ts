import * as assert from 'node:assert/strict';
import { composePrompt } from '../../../src/chat/promptContext';

describe('composePrompt', () => {
  it('is the typed text alone when nothing is attached', () => {
    assert.equal(composePrompt('Hello?', []), 'Hello?');
  });

  it('puts the active editor and attachments in a context block before the question', () => {
    const prompt = composePrompt(
      'Why?',
      [
        { kind: 'selection', path: 'src/app.ts', language: 'typescript', range: { startLine: 2, endLine: 3 }, content: 'let a = 1;\nlet b = 2;' },
        { kind: 'file', path: 'README.md', language: 'markdown', content: '# Title\n' },
      ],
      { path: 'src/app.ts', language: 'typescript' },
    );
    assert.equal(
      prompt,
      [
        '<context>',
        'Active editor: src/app.ts (typescript)',
        '',
        'Selection from src/app.ts, lines 3-4 (typescript):',
        '```typescript',
        'let a = 1;',
        'let b = 2;',
        '```',
        '',
        'File README.md (markdown):',
        '```markdown',
        '# Title',
        '```',
        '</context>',
        '',
        'Why?',
      ].join('\n'),
    );
  });

  it('uses a fence longer than any backtick run inside the attachment', () => {
    const prompt = composePrompt('q', [{ kind: 'selection', content: 'a ```` b' }]);
    assert.equal(prompt, '<context>\nSelection from an untitled editor:\n`````\na ```` b\n`````\n</context>\n\nq');
  });
});
