import { strict as assert } from 'node:assert';
import { costUsd, defaultFactsFor, effortToSend, lastResortFactsFor, sortEfforts, usdPerMillionFromTicks } from '../../../src/provider/models';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);

describe('model facts', () => {
  it('converts ticks per token to USD per million (1 tick = 1e-10 USD)', () => {
    close(usdPerMillionFromTicks(12_500), 1.25);
    close(usdPerMillionFromTicks(2_000), 0.2);
    close(usdPerMillionFromTicks(60_000), 6);
    close(usdPerMillionFromTicks(1), 0.0001);
  });

  it('prices grok-code-fast-1 as the model that serves it today: 12500 / 2000 / 25000 ticks', () => {
    const facts = lastResortFactsFor('grok-code-fast-1');
    assert.deepEqual(facts?.pricing, { inputPerMillion: 1.25, cachedInputPerMillion: 0.2, outputPerMillion: 2.5 });
    assert.deepEqual(facts?.reasoningEfforts, []);
    // xai-responses.md §2: 69 uncached + 128 cached input, 111 output = 3,893,500 ticks.
    const tokens = { promptTokens: 197, cachedTokens: 128, completionTokens: 1, reasoningTokens: 110 };
    close(costUsd(facts?.pricing, tokens), 3_893_500 / 1e10);
  });

  it('finds last-resort facts by alias and behind a proxy prefix', () => {
    assert.equal(lastResortFactsFor('grok-4.3-latest')?.id, 'grok-4.3');
    assert.equal(lastResortFactsFor('xai/grok-4.3')?.contextWindow, 1_000_000);
    assert.equal(lastResortFactsFor('grok-9'), undefined);
  });

  it('gives unknown models defaults without invented prices or efforts', () => {
    const facts = defaultFactsFor('grok-9');
    assert.equal(facts.inferred, true);
    assert.equal(facts.pricing, undefined);
    assert.deepEqual(facts.reasoningEfforts, []);
    assert.equal(costUsd(facts.pricing, { promptTokens: 1, cachedTokens: 0, completionTokens: 1, reasoningTokens: 1 }), 0);
  });

  it('uses the long-context tier only above its threshold', () => {
    const pricing = {
      inputPerMillion: 1,
      cachedInputPerMillion: 0.5,
      outputPerMillion: 2,
      longContext: { thresholdTokens: 1000, inputPerMillion: 10, cachedInputPerMillion: 5, outputPerMillion: 20 },
    };
    close(costUsd(pricing, { promptTokens: 1000, cachedTokens: 0, completionTokens: 1000, reasoningTokens: 0 }), (1000 * 1 + 1000 * 2) / 1e6);
    close(costUsd(pricing, { promptTokens: 1001, cachedTokens: 1, completionTokens: 10, reasoningTokens: 10 }), (1000 * 10 + 1 * 5 + 20 * 20) / 1e6);
  });

  it('ranks efforts lowest first, unknown names last', () => {
    assert.deepEqual(sortEfforts(['xhigh', 'low', 'turbo', 'none', 'high']), ['none', 'low', 'high', 'xhigh', 'turbo']);
  });

  it('sends an effort only to a model that lists it; inline auto is the lowest accepted', () => {
    const grok43 = lastResortFactsFor('grok-4.3')!;
    const codeFast = lastResortFactsFor('grok-code-fast-1')!;
    assert.equal(effortToSend('auto', 'inline', grok43), 'none');
    assert.equal(effortToSend(undefined, 'inline', lastResortFactsFor('grok-4.7')!), 'low');
    assert.equal(effortToSend('auto', 'chat', grok43), undefined);
    assert.equal(effortToSend('high', 'chat', grok43), 'high');
    assert.equal(effortToSend('xhigh', 'action', grok43), undefined);
    assert.equal(effortToSend('low', 'chat', codeFast), undefined);
    assert.equal(effortToSend('auto', 'inline', codeFast), undefined);
  });
});
