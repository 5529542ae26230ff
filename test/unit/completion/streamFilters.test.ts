import * as assert from 'node:assert/strict';
import { CompletionStreamFilter } from '../../../src/completion/streamFilters';
import { surroundingsOf } from './golden/cursorDoc';
import { STREAM_FILTER_CASES } from './golden/streamFilterCases';

function chunked(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** Feeds the chunks until the filter decides; returns the completion and whether it decided before the stream ended. */
function run(doc: string, chunks: string[]): { text: string; decidedEarly: boolean; chunksRead: number } {
  const filter = new CompletionStreamFilter(surroundingsOf(doc));
  let chunksRead = 0;
  for (const chunk of chunks) {
    chunksRead++;
    if (filter.push(chunk)) return { text: filter.text(), decidedEarly: true, chunksRead };
  }
  filter.finish();
  return { text: filter.text(), decidedEarly: false, chunksRead };
}

describe('completion/streamFilters (golden)', () => {
  for (const c of STREAM_FILTER_CASES) {
    describe(`${c.language}: ${c.name}`, () => {
      for (const size of [c.answer.length, 1, 3, 7]) {
        it(`gives the golden completion with ${size === c.answer.length ? 'one chunk' : `${size}-character chunks`}`, () => {
          const result = run(c.doc, chunked(c.answer, size));
          assert.equal(result.text, c.expected);
          assert.equal(result.decidedEarly, c.decidedEarly);
        });
      }
    });
  }
});

describe('completion/streamFilters', () => {
  it('stops reading as soon as a mid-line completion has its line', () => {
    const chunks = ['a, b', ');\n', 'more();\n', 'and more'];
    const result = run('call(█)', chunks);
    assert.equal(result.text, 'a, b);');
    assert.equal(result.chunksRead, 2);
  });

  it('shows the pending start of a line still arriving, but not a possible fence or chatter', () => {
    const filter = new CompletionStreamFilter(surroundingsOf('const x = █'));
    filter.push('comp');
    assert.equal(filter.pending(), 'comp');
    const fenced = new CompletionStreamFilter(surroundingsOf('const x = █'));
    fenced.push('```ty');
    assert.equal(fenced.pending(), '');
    const chatty = new CompletionStreamFilter(surroundingsOf('const x = █'));
    chatty.push('Here is');
    assert.equal(chatty.pending(), '');
  });

  it('includes kept lines and the arriving one in the pending text of a block', () => {
    const filter = new CompletionStreamFilter(surroundingsOf('def f():█'));
    filter.push('\n    a = 1\n    b');
    assert.equal(filter.pending(), '\n    a = 1\n    b');
  });

  it('ignores chunks after it decided', () => {
    const filter = new CompletionStreamFilter(surroundingsOf('f(█)'));
    assert.equal(filter.push('x)\n'), true);
    assert.equal(filter.push('garbage'), true);
    assert.equal(filter.text(), 'x)');
  });

  it('handles CRLF line ends', () => {
    const result = run('function f() {█', ['\r\n  return 1;\r\n}\r\n\r\nnext();']);
    assert.equal(result.text, '\n  return 1;\n}');
  });

  it('caps a block that never ends', () => {
    const answer = Array.from({ length: 40 }, (_, i) => `    step${i}();`).join('\n');
    const result = run('void run() {█', [`\n${answer}`]);
    assert.ok(result.decidedEarly);
    assert.ok(result.text.split('\n').length <= 16);
  });
});
