import * as assert from 'node:assert/strict';
import { completionPoints } from '../../../bench/inline/completionPoints';
import type { SourceFile } from '../../../bench/inline/corpus';
import { NOISE_SHARES, noisyAnswer } from '../../../bench/inline/noise';
import { benchPromptCost, todaysLayout } from '../../../bench/inline/promptCost';
import { benchQuality } from '../../../bench/inline/quality';
import { buildInlinePrompt } from '../../../src/completion/prompt';

const python: SourceFile = {
  relativePath: 'shapes.py',
  languageId: 'python',
  text: 'import math\n\n\ndef area(r):\n    if r < 0:\n        raise ValueError("negative")\n    return math.pi * r * r\n\n\ndef ring(outer, inner):\n    return area(outer) - area(inner)\n',
};
const go: SourceFile = {
  relativePath: 'sum.go',
  languageId: 'go',
  text: 'package sum\n\nfunc Sum(xs []int) int {\n\ttotal := 0\n\tfor _, x := range xs {\n\t\ttotal += x\n\t}\n\treturn total\n}\n',
};

describe('bench/inline quality and cache (small corpus)', () => {
  it('gives points whose truth, accepted, is the true file', () => {
    const points = completionPoints(python);
    assert.ok(points.some((p) => p.kind === 'block') && points.some((p) => p.kind === 'line'));
    for (const p of points) assert.equal(p.prefix + p.truth + p.suffix, p.text);
  });

  it('documents noise shares that add up to one, and dresses the truth in each kind', () => {
    assert.ok(Math.abs(Object.values(NOISE_SHARES).reduce((a, b) => a + b, 0) - 1) < 1e-9);
    const block = completionPoints(go).find((p) => p.kind === 'block' && p.truth.startsWith('\n\t\t'));
    assert.ok(block !== undefined);
    assert.ok(!noisyAnswer(block, 'spaces-in-tab-file', 'go').answer.includes('\t'));
    const cut = noisyAnswer(block, 'cut-by-max-tokens', 'go');
    assert.equal(cut.finishReason, 'length');
    assert.ok(cut.answer.startsWith(block.truth) && cut.answer.length > block.truth.length);
  });

  it('counts the pipeline far more exact and far less corrupt than inserting the raw answer', async () => {
    const result = await benchQuality([python, go]);
    assert.ok(result.pipeline.points > 10);
    assert.ok(result.pipeline.exactShare > result.baseline.exactShare);
    assert.ok(result.pipeline.corruptShare < result.baseline.corruptShare);
    // The raw baseline inserts every noisy answer: it corrupts, and the benchmark sees it.
    assert.ok(result.baseline.corruptShare > 0.2, `baseline corrupt ${result.baseline.corruptShare}`);
  });

  it('prices the pipeline’s cached prompt below today’s layout, which has no cache key', async () => {
    const result = await benchPromptCost([python, go], { maxKeystrokes: 80 });
    assert.equal(result.baseline.cachedTokens, 0);
    assert.ok(result.pipeline.cachedTokens > 0);
    assert.ok(result.pipeline.costUsd < result.baseline.costUsd);
    assert.equal(result.pipeline.promptTokens, result.baseline.promptTokens);
    assert.ok(result.pipeline.acceptedSuggestions > 0);
    assert.equal(result.pipeline.costPerAcceptedSuggestionUsd, result.pipeline.costUsd / result.pipeline.acceptedSuggestions);
    assert.ok(result.pipeline.costPerAcceptedSuggestionUsd < result.baseline.costPerAcceptedSuggestionUsd);
    // The same tokens at the prices of the model inline "auto" picks from the fake catalogue.
    assert.equal(result.auto.model, 'grok-4.20-0309-non-reasoning');
    assert.equal(result.auto.pipeline.promptTokens, result.pipeline.promptTokens);
    assert.ok(result.auto.pipeline.costPerAcceptedSuggestionUsd > 0);
    assert.ok(result.auto.pipeline.costPerAcceptedSuggestionUsd < result.auto.baseline.costPerAcceptedSuggestionUsd);
  });

  it('rebuilds today’s layout: snippets right after the header, no cache key', () => {
    const request = buildInlinePrompt(
      { prefix: 'x = ', suffix: '', languageId: 'python', relativePath: 'a.py', snippets: [{ relativePath: 'b.py', text: 'Y = 2' }] },
      { mode: 'line', conversationId: 'k' },
    );
    const today = todaysLayout(request);
    assert.equal(today.metadata?.conversationId, undefined);
    const user = today.messages?.[1].content ?? '';
    assert.ok(user.startsWith('Language: python\nFile: a.py\n\nRelated code from other files:\n--- b.py ---\nY = 2\n\n<file>\n'), user);
  });
});
