import * as assert from 'node:assert/strict';
import { benchApply } from '../../../bench/apply/benchApply';
import { applyCorpus } from '../../../bench/apply/corpus';
import { benchApplySection } from '../../../bench/applySection';

describe('bench section apply', () => {
  it('has at least 60 pairs in at least 5 languages, in every shape the issue names', () => {
    const corpus = applyCorpus();
    assert.ok(corpus.length >= 60, `${corpus.length} pairs`);
    assert.ok(new Set(corpus.map((pair) => pair.language)).size >= 5);
    const shapes = new Set(corpus.map((pair) => pair.shape));
    for (const shape of ['edit block', 'changed function', 'new function', 'usage example', 'placeholder in a function', 'whole file', 'several files', 'CRLF file, edit block', 'method name two types share']) {
      assert.ok(shapes.has(shape), shape);
    }
  });

  it('scores a wrong placement as silentWrong: the old heuristic replaces the file with summary() and deletes code at a placeholder', async () => {
    const pairs = applyCorpus().filter((pair) => pair.id === 'typescript/new function calling the others' || pair.id === 'typescript/placeholder in a function');
    const results = await benchApply(pairs);
    assert.deepEqual(results.map((result) => [result.outcome, result.baseline]), [['right', 'silentWrong'], ['right', 'silentWrong']]);
    assert.deepEqual(results.map((result) => result.mergeCalls), [1, 1]);
  });

  it('meets its targets: silentWrong 0 and placedRight at least 0.97', async () => {
    const { figures } = await benchApplySection({ quick: false });
    assert.deepEqual(figures.filter((figure) => figure.target !== undefined).map((figure) => [figure.name.split(' ')[0], figure.target!.pass]), [['placedRight', true], ['silentWrong', true]]);
  });
});
