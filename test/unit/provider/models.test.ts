import { strict as assert } from 'node:assert';
import { costUsd, defaultFactsFor, GROK_CODE_FAST_1_FACTS, knownFactsFor } from '../../../src/provider/models';

describe('model facts', () => {
  it("knows grok-code-fast-1's context, cap, prices and capabilities", () => {
    assert.equal(GROK_CODE_FAST_1_FACTS.contextWindow, 256_000);
    assert.equal(GROK_CODE_FAST_1_FACTS.maxOutputTokens, 32_000);
    assert.deepEqual(GROK_CODE_FAST_1_FACTS.pricing, { inputPerMillion: 0.2, cachedInputPerMillion: 0.02, outputPerMillion: 1.5 });
    assert.deepEqual(GROK_CODE_FAST_1_FACTS.capabilities, { streaming: true, tools: true, reasoning: true, promptCaching: true });
    assert.deepEqual([...GROK_CODE_FAST_1_FACTS.rejectedParameters].sort(), ['frequency_penalty', 'presence_penalty', 'reasoning_effort', 'stop']);
  });

  it('lists at least the twelve headline languages', () => {
    const expected = ['TypeScript', 'JavaScript', 'Python', 'Java', 'Rust', 'C++', 'C', 'Go', 'C#', 'PHP', 'Ruby', 'Swift', 'Kotlin'];
    for (const language of expected) assert.ok(GROK_CODE_FAST_1_FACTS.languages.includes(language), language);
  });

  it('recognises the model behind a proxy prefix', () => {
    assert.equal(knownFactsFor('xai/grok-code-fast-1')?.contextWindow, 256_000);
    assert.equal(knownFactsFor('xai/grok-code-fast-1')?.id, 'xai/grok-code-fast-1');
    assert.equal(knownFactsFor('grok-9'), undefined);
  });

  it('gives unknown models defaults without invented prices', () => {
    const facts = defaultFactsFor('grok-9');
    assert.equal(facts.inferred, true);
    assert.equal(facts.pricing, undefined);
    assert.equal(costUsd(facts.pricing, { promptTokens: 1, cachedTokens: 0, completionTokens: 1, reasoningTokens: 1 }), 0);
  });

  it('prices a million of each kind of token', () => {
    const tokens = { promptTokens: 2_000_000, cachedTokens: 1_000_000, completionTokens: 500_000, reasoningTokens: 500_000 };
    assert.ok(Math.abs(costUsd(GROK_CODE_FAST_1_FACTS.pricing, tokens) - (0.2 + 0.02 + 1.5)) < 1e-12);
  });
});
