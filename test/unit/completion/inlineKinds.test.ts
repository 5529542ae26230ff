import * as assert from 'node:assert/strict';
import { afterTab } from './golden/afterTab';
import { INLINE_KIND_CASES } from './golden/inlineKindCases';

describe('completion: issue 18 kinds (golden, stream filters + post-processing)', () => {
  for (const c of INLINE_KIND_CASES) {
    it(`kind ${c.kind}: ${c.name}`, () => {
      for (const size of [c.answer.length || 1, 1, 5]) assert.equal(afterTab(c, size), c.afterTab, `in chunks of ${size}`);
    });
  }

  it('has the issue’s example and another instance for every kind fixed in these steps', () => {
    for (const kind of [1, 2, 3, 4, 5, 6, 9, 10, 11, 12]) assert.ok(INLINE_KIND_CASES.filter((c) => c.kind === kind).length >= 2, `kind ${kind}`);
  });
});
