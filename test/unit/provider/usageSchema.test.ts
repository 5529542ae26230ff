import { strict as assert } from 'node:assert';
import { AssistantEntrySchema } from '../../../src/chat/historySchema';
import { RequestEventSchema, UsageTotalsDataSchema } from '../../../src/provider/analytics';
import { addUsage, UsageSchema, ZERO_USAGE, type Usage } from '../../../src/provider';

const usage: Usage = { promptTokens: 12, completionTokens: 5, reasoningTokens: 3, cachedTokens: 4, totalTokens: 20, costUsd: 0.0001 };

describe('UsageSchema', () => {
  it('accepts whole non-negative token counts and a cost', () => {
    assert.deepEqual(UsageSchema.parse(usage), usage);
  });

  it('rejects a fractional or negative count, a missing field and a negative cost', () => {
    assert.equal(UsageSchema.safeParse({ ...usage, promptTokens: 1.5 }).success, false);
    assert.equal(UsageSchema.safeParse({ ...usage, cachedTokens: -1 }).success, false);
    assert.equal(UsageSchema.safeParse({ ...usage, costUsd: -0.01 }).success, false);
    const { totalTokens: _dropped, ...withoutTotal } = usage;
    assert.equal(UsageSchema.safeParse(withoutTotal).success, false);
  });

  it('is the usage of chat history entries, analytics events and daily totals', () => {
    const badUsage = { ...usage, reasoningTokens: -2 };
    const entry = { role: 'assistant', id: 'a1', createdAt: 1, steps: [] };
    assert.equal(AssistantEntrySchema.safeParse({ ...entry, usage }).success, true);
    assert.equal(AssistantEntrySchema.safeParse({ ...entry, usage: badUsage }).success, false);
    for (const key of Object.keys(UsageSchema.shape)) {
      assert.equal(RequestEventSchema.shape[key as keyof Usage], UsageSchema.shape[key as keyof Usage]);
      assert.equal(UsageTotalsDataSchema.shape[key as keyof Usage], UsageSchema.shape[key as keyof Usage]);
    }
  });

  it('addUsage sums every field into a new Usage and reads only the usage fields', () => {
    const event = { ...usage, kind: 'request', latencyMs: 900 };
    const sum = addUsage(addUsage(ZERO_USAGE, usage), event);
    assert.deepEqual(sum, { promptTokens: 24, completionTokens: 10, reasoningTokens: 6, cachedTokens: 8, totalTokens: 40, costUsd: 0.0002 });
    assert.deepEqual(ZERO_USAGE, { promptTokens: 0, completionTokens: 0, reasoningTokens: 0, cachedTokens: 0, totalTokens: 0, costUsd: 0 });
  });
});
