import * as assert from 'node:assert/strict';
import { finishedBlocksEnd } from '../../../src/chat/markdownBlocks';

describe('finishedBlocksEnd', () => {
  it('ends finished blocks where a blank line is followed by a new top-level block', () => {
    const text = '# Title\n\nFirst paragraph.\n\nSecond';
    assert.equal(finishedBlocksEnd(text, 0), text.indexOf('First'));
    assert.equal(finishedBlocksEnd(`${text} paragraph.\n\nThird`, 0), text.indexOf('Second'));
  });

  it('never ends a block inside a fenced code block, blank lines included', () => {
    const text = 'Intro.\n\n```js\nconst a = 1;\n\nconst b = 2;\n';
    assert.equal(finishedBlocksEnd(text, 0), text.indexOf('```'));
    const closed = `${text}\`\`\`\n\nAfter\n`;
    assert.equal(finishedBlocksEnd(closed, 0), closed.indexOf('After'));
    const tilde = '~~~\n```\n\nstill code\n';
    assert.equal(finishedBlocksEnd(tilde, 0), 0);
  });

  it('keeps an indented continuation (a list item’s second paragraph) in its block', () => {
    const text = '- item\n\n  more of the item\n\nNext';
    assert.equal(finishedBlocksEnd(`${text}\n`, 0), text.indexOf('Next'));
    assert.equal(finishedBlocksEnd('- item\n\n  more\n', 0), 0);
  });

  it('decides nothing from the line still being written, and scans only from a known boundary', () => {
    assert.equal(finishedBlocksEnd('Para.\n\n', 0), 0);
    const text = 'A.\n\nB.\n\nC';
    const first = finishedBlocksEnd(text, 0);
    assert.equal(first, text.indexOf('B'), 'the C line is not complete yet');
    assert.equal(finishedBlocksEnd(text, first), first);
  });
});
