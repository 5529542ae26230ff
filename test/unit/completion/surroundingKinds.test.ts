import * as assert from 'node:assert/strict';
import { repeatsDegenerately } from '../../../src/completion/filters/degenerateRepetition';
import { CompletionStreamFilter } from '../../../src/completion/streamFilters';
import { afterTab } from './golden/afterTab';
import { surroundingsOf } from './golden/cursorDoc';
import { SURROUNDING_KIND_CASES } from './golden/surroundingKindCases';

describe('completion: issue 25 kinds (golden, stream filters + post-processing)', () => {
  for (const c of SURROUNDING_KIND_CASES) {
    it(`${c.kind}: ${c.name}`, () => {
      for (const size of [c.answer.length || 1, 1, 5]) assert.equal(afterTab(c, size), c.afterTab, `in chunks of ${size}`);
    });
  }

  it('has the issue’s example and at least two more instances of every kind', () => {
    for (const kind of ['surroundings', 'member-access', 'leading-break', 'indentation', 'lines-before', 'repetition']) {
      assert.ok(SURROUNDING_KIND_CASES.filter((c) => c.kind === kind).length >= 3, kind);
    }
  });

  it('decides a degenerate line while it still streams, before the model stops', () => {
    const filter = new CompletionStreamFilter(surroundingsOf('const zeros = [█'));
    let decidedAt: number | undefined;
    for (let i = 0; i < 150 && decidedAt === undefined; i++) if (filter.push('0, ')) decidedAt = i;
    assert.ok(decidedAt !== undefined && decidedAt < 20, `decided after ${decidedAt} units`);
    assert.equal(filter.text(), '');
  });

  it('counts a unit of up to 40 characters, 16 times in a row', () => {
    assert.equal(repeatsDegenerately('ab'.repeat(15)), false);
    assert.equal(repeatsDegenerately('ab'.repeat(16)), true);
    assert.equal(repeatsDegenerately(`x = ${'item, '.repeat(16)}`), true);
    assert.equal(repeatsDegenerately('=-'.repeat(40)), false);
    assert.equal(repeatsDegenerately('abcdefghijklmnopqrstuvwxyz0123456789ABCDEF'.repeat(16)), false);
  });

  it('keeps the line break after the answer’s last line in answer(), not in text()', () => {
    const filter = new CompletionStreamFilter(surroundingsOf('def f(x):\n█    return x'));
    filter.push('    x += 1\n');
    filter.finish();
    assert.equal(filter.text(), '    x += 1');
    assert.equal(filter.answer(), '    x += 1\n');
    const unterminated = new CompletionStreamFilter(surroundingsOf('def f(x):\n█    return x'));
    unterminated.push('    x += 1');
    unterminated.finish();
    assert.equal(unterminated.answer(), '    x += 1');
  });
});
