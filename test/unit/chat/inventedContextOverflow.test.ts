/** Instances of issue 13's "context too long" kind that the issue did not show, invented by a review. */
import * as assert from 'node:assert/strict';
import { toErrorView } from '../../../src/chat/errorView';
import { ApiError } from '../../../src/provider/errors';

describe('issue 13, invented instances: a prompt over the context never offers Retry', () => {
  const overflow = (serverMessage: string) => toErrorView(new ApiError('Bad request (HTTP 400)', 400, serverMessage));

  it("OpenAI-style wording: \"maximum context length is 131072 tokens\"", () => {
    const view = overflow("This model's maximum context length is 131072 tokens. However, your messages resulted in 140000 tokens.");
    assert.equal(view.action, 'newChatWithSummary');
  });

  it('the Responses API wording "Input tokens exceed the configured limit", and a gateway’s "exceed context limit"', () => {
    for (const text of ['Input tokens exceed the configured limit of 272000 tokens. Your messages resulted in 300000 tokens.', 'input length and `max_tokens` exceed context limit: 187254 + 20000 > 200000']) {
      const view = overflow(text);
      assert.equal(view.action, 'newChatWithSummary', text);
      assert.equal(view.code, 'context_too_long', text);
    }
  });

  it('an output limit or an unrelated "exceeded" keeps Retry', () => {
    assert.equal(toErrorView(new ApiError('Internal error (HTTP 500)', 500, 'Deadline exceeded')).action, 'retry');
    assert.equal(toErrorView(new ApiError('Bad request (HTTP 400)', 400, 'The prompt contains an image that exceeds the size limit')).code, 'api_error');
  });
});
