import * as assert from 'node:assert/strict';
import { postprocess } from '../../../src/completion/postprocess';
import { CompletionStreamFilter } from '../../../src/completion/streamFilters';
import { CURSOR, surroundingsOf } from './golden/cursorDoc';
import { INLINE_KIND_CASES, type InlineKindCase } from './golden/inlineKindCases';

/** The document after Tab, with the cursor after the inserted text; undefined when nothing is shown. */
function afterTab(c: InlineKindCase, chunkSize: number): string | undefined {
  const at = c.doc.indexOf(CURSOR);
  const prefix = c.doc.slice(0, at);
  const suffix = c.doc.slice(at + CURSOR.length);
  const cursor = surroundingsOf(c.doc);
  const filter = new CompletionStreamFilter(cursor);
  for (let i = 0; i < c.answer.length; i += chunkSize) if (filter.push(c.answer.slice(i, i + chunkSize))) break;
  filter.finish({ cut: c.finishReason === 'length' || c.finishReason === 'content_filter' });
  const suggestion = postprocess(filter.text(), cursor);
  if (suggestion === undefined) return undefined;
  return `${prefix}${suggestion.text}${CURSOR}${suffix.slice(suggestion.replaceLength)}`;
}

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
