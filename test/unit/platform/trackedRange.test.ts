import * as assert from 'node:assert/strict';
import { trackRange, type TextChange } from '../../../src/platform/trackedRange';

/** Applies changes to a text the way VS Code does: one after the other. */
function apply(text: string, changes: TextChange[]): string {
  return changes.reduce((t, c) => t.slice(0, c.rangeOffset) + c.text + t.slice(c.rangeOffset + c.rangeLength), text);
}

describe('trackRange', () => {
  it('follows the selected line when a line is inserted at the top (the issue example)', () => {
    const text = 'line1\nTARGET();\nline3\n';
    const range = { start: 6, end: 16 };
    const changes = [{ rangeOffset: 0, rangeLength: 0, text: 'new top\n' }];
    const moved = trackRange(range, changes);
    assert.notEqual(moved, 'changed');
    if (moved === 'changed') return;
    assert.equal(apply(text, changes).slice(moved.start, moved.end), 'TARGET();\n');
  });

  it('follows the range through a deletion above it and ignores edits below it', () => {
    const text = 'a\nbb\nKEEP\ncc\n';
    const range = { start: 5, end: 10 };
    const changes = [
      { rangeOffset: 0, rangeLength: 5, text: '' },
      { rangeOffset: 5, rangeLength: 3, text: 'dddd' },
    ];
    const moved = trackRange(range, changes);
    assert.notEqual(moved, 'changed');
    if (moved === 'changed') return;
    assert.equal(apply(text, changes).slice(moved.start, moved.end), 'KEEP\n');
  });

  it('treats an insertion at the start as before the range and at the end as after it', () => {
    assert.deepEqual(trackRange({ start: 4, end: 8 }, [{ rangeOffset: 4, rangeLength: 0, text: 'xy' }]), { start: 6, end: 10 });
    assert.deepEqual(trackRange({ start: 4, end: 8 }, [{ rangeOffset: 8, rangeLength: 0, text: 'xy' }]), { start: 4, end: 8 });
  });

  it('reports an edit inside the range, or one overlapping its edge, as changed', () => {
    assert.equal(trackRange({ start: 4, end: 8 }, [{ rangeOffset: 5, rangeLength: 0, text: 'x' }]), 'changed');
    assert.equal(trackRange({ start: 4, end: 8 }, [{ rangeOffset: 2, rangeLength: 3, text: '' }]), 'changed');
    assert.equal(trackRange({ start: 4, end: 8 }, [{ rangeOffset: 7, rangeLength: 5, text: 'z' }]), 'changed');
  });
});
