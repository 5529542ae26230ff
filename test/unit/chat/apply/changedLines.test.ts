import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { changedLines } from '../../../../src/chat/apply/changedLines';

describe('changedLines', () => {
  it('gives the whole lines that change', () => {
    assert.deepEqual(changedLines('a\nb\nc\n', 'a\nB\nc\n'), { start: 2, end: 3, replacement: 'B' });
    assert.deepEqual(changedLines('a\n', 'a\nb\n'), { start: 2, end: 2, replacement: 'b\n' });
  });

  it('for any two texts: replacing the range gives the new text, and the range starts a line and ends one', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', ' '), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const { start, end, replacement } = changedLines(before, after);
        assert.equal(before.slice(0, start) + replacement + before.slice(end), after);
        assert.ok(start === 0 || before[start - 1] === '\n');
        assert.ok(end === before.length || before[end] === '\n' || before.slice(end).startsWith('\r\n') || before[end - 1] === '\r');
      }),
    );
  });
});
