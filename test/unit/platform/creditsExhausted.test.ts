import * as assert from 'node:assert/strict';
import { creditsExhausted, httpsUrlIn } from '../../../src/platform/creditsExhausted';
import { CreditsExhaustedError, RateLimitError } from '../../../src/provider/errors';

describe('creditsExhausted', () => {
  it('is undefined for a plain rate limit: that one does pass by waiting', () => {
    assert.equal(creditsExhausted(new RateLimitError('Too many tokens per minute (1000/500)', 7)), undefined);
    assert.equal(creditsExhausted(new Error('boom')), undefined);
    assert.equal(creditsExhausted(undefined), undefined);
  });

  it('finds the console address in the server message, trailing punctuation dropped', () => {
    const error = new CreditsExhaustedError('Used all available credits; raise it at https://console.x.ai/team/abc/billing.', 429);
    assert.deepEqual(creditsExhausted(error), { consoleUrl: 'https://console.x.ai/team/abc/billing' });
  });
});

describe('httpsUrlIn', () => {
  it('takes only https addresses', () => {
    assert.equal(httpsUrlIn('see http://x.org and (https://y.org/a?b=1)'), 'https://y.org/a?b=1');
    assert.equal(httpsUrlIn('javascript:alert(1) http://x.org'), undefined);
  });
});
