import * as assert from 'node:assert/strict';
import { finishedBlocksEnd } from '../../../src/chat/markdownBlocks';

describe('finishedBlocksEnd', () => {
  it('ends finished blocks where a blank line is followed by a new top-level block', () => {
    const text = '# Title\n\nFirst paragraph.\n\nSecond paragraph.\n';
    assert.equal(finishedBlocksEnd(text, 0), text.indexOf('Second'));
    assert.equal(finishedBlocksEnd(`${text}\nThird\n`, 0), text.length + 1);
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

  it('ends the previous block as soon as the line being written starts a new one, and scans only from a known boundary', () => {
    assert.equal(finishedBlocksEnd('Para.\n\n', 0), 0, 'nothing has started after the blank line yet');
    assert.equal(finishedBlocksEnd('Para.\n\n  ', 0), 0, 'an indented start may still continue the block');
    const text = 'A.\n\nB.\n\nC';
    const first = finishedBlocksEnd(text, 0);
    assert.equal(first, text.indexOf('C'));
    assert.equal(finishedBlocksEnd(`${text} goes on`, first), first);
    assert.equal(finishedBlocksEnd('```js\na\n\nb', 0), 0, 'inside an open fence');
  });
});
