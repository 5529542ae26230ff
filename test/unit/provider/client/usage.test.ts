import { strict as assert } from 'node:assert';
import { estimateUsage, usageFromWire } from '../../../../src/provider/client/usage';
import { type ModelPricing } from '../../../../src/provider/models';

const pricing: ModelPricing = { inputPerMillion: 0.2, cachedInputPerMillion: 0.02, outputPerMillion: 1.5 };

describe('usage', () => {
  it("takes the cost from cost_in_usd_ticks (10^10 a dollar) rather than list prices", () => {
    const usage = usageFromWire({ prompt_tokens: 10, completion_tokens: 10, total_tokens: 20, cost_in_usd_ticks: 123_456_789 }, pricing);
    assert.equal(usage.costUsd, 0.0123456789);
  });

  it('computes the cost from list prices when the server sent none: cached input cheaper, reasoning as output', () => {
    const usage = usageFromWire(
      {
        prompt_tokens: 1_000_000,
        completion_tokens: 1_000_000,
        total_tokens: 3_000_000,
        prompt_tokens_details: { cached_tokens: 500_000 },
        completion_tokens_details: { reasoning_tokens: 1_000_000 },
      },
      pricing,
    );
    // 0.5M * 0.20 + 0.5M * 0.02 + 2M * 1.50
    assert.ok(Math.abs(usage.costUsd - (0.1 + 0.01 + 3)) < 1e-9);
    assert.deepEqual(
      { ...usage, costUsd: 0 },
      { promptTokens: 1_000_000, completionTokens: 1_000_000, reasoningTokens: 1_000_000, cachedTokens: 500_000, totalTokens: 3_000_000, costUsd: 0 },
    );
  });

  it('moves reasoning out of completion_tokens for servers that count it inside', () => {
    const usage = usageFromWire(
      { prompt_tokens: 100, completion_tokens: 300, total_tokens: 400, completion_tokens_details: { reasoning_tokens: 250 } },
      pricing,
    );
    assert.equal(usage.completionTokens, 50);
    assert.equal(usage.reasoningTokens, 250);
    assert.equal(usage.totalTokens, 400);
  });

  it('adds up the total when the server left it out', () => {
    const usage = usageFromWire({ prompt_tokens: 5, completion_tokens: 3, completion_tokens_details: { reasoning_tokens: 2 } }, pricing);
    assert.equal(usage.totalTokens, 10);
  });

  it('estimates from text sizes only when there are no figures', () => {
    const usage = estimateUsage({ prompt: 'x'.repeat(400), completion: 'y'.repeat(40), reasoning: '' }, pricing);
    assert.equal(usage.promptTokens, 100);
    assert.equal(usage.completionTokens, 10);
    assert.equal(usage.totalTokens, 110);
  });
});
