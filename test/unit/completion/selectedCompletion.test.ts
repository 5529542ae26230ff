import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { withSelectedCompletion } from '../../../src/completion/selectedCompletion';
import type { DocumentText } from '../../../src/completion/types';

function documentOf(text: string): DocumentText {
  return { length: text.length, slice: (start, end) => text.slice(start, end) };
}

describe('completion/selectedCompletion', () => {
  it('reads the document with the selected item applied and puts the cursor after the item', () => {
    // `this.ite` typed, the widget selects `items` over `ite`.
    const doc = 'return this.ite;\n';
    const { text, offset } = withSelectedCompletion(documentOf(doc), { start: 12, end: 15, text: 'items' });
    assert.equal(text.slice(0, text.length), 'return this.items;\n');
    assert.equal(text.slice(0, offset), 'return this.items');
    assert.equal(text.slice(offset, text.length), ';\n');
  });

  it('every slice equals the same slice of the text with the item spliced in', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (doc, item, a, b, c, d) => {
        const [start, end] = [a % (doc.length + 1), b % (doc.length + 1)].sort((x, y) => x - y);
        const expected = doc.slice(0, start) + item + doc.slice(end);
        const { text, offset } = withSelectedCompletion(documentOf(doc), { start, end, text: item });
        const [from, to] = [c % (expected.length + 1), d % (expected.length + 1)].sort((x, y) => x - y);
        assert.equal(text.length, expected.length);
        assert.equal(offset, start + item.length);
        assert.equal(text.slice(from, to), expected.slice(from, to));
      }),
    );
  });
});
