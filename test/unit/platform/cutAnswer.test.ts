import * as assert from 'node:assert/strict';
import { cutReason, describeCut, higherLimit } from '../../../src/platform/cutAnswer';

describe('cut answers', () => {
  it('are the answers that ended at the output limit or the content filter', () => {
    assert.equal(cutReason('length'), 'length');
    assert.equal(cutReason('content_filter'), 'content_filter');
    for (const finished of ['stop', 'tool_calls', 'unknown'] as const) assert.equal(cutReason(finished), undefined);
  });

  it('say why, naming the limit and its setting', () => {
    assert.equal(describeCut('length', 8000), 'it reached the output limit of 8,000 tokens (grokCodeFast.maxTokens)');
    assert.equal(describeCut('content_filter', 8000), "the provider's content filter stopped it");
  });

  it('retry with double the limit, up to the model maximum, and not at all once there', () => {
    assert.equal(higherLimit(4000), 8000);
    assert.equal(higherLimit(20_000), 32_000);
    assert.equal(higherLimit(32_000), undefined);
  });
});
