import * as assert from 'node:assert/strict';
import { describeFailure } from '../../../src/actions/actionFailure';
import { AbortError, ApiError, AuthenticationError, ConsentRequiredError, InvalidConfigError, NetworkError, RateLimitError } from '../../../src/provider/errors';

describe('describeFailure', () => {
  it('offers Set API Key for a rejected key', () => {
    const failure = describeFailure(new AuthenticationError('The API key was rejected: Incorrect API key', 400), 'Refactor');
    assert.deepEqual(failure.buttons, ['Set API Key']);
    assert.match(failure.message, /Refactor failed: The API key was rejected: Incorrect API key/);
  });

  it('gives the wait for a rate limit, and no retry when the quota is gone', () => {
    const limited = describeFailure(new RateLimitError('Rate limit of 60 requests per minute reached.', 12), 'Fix');
    assert.equal(limited.retryAfter, 12);
    assert.match(limited.message, /Try again in 12 s/);
    const exhausted = describeFailure(new RateLimitError('credits used up', 5, true), 'Fix');
    assert.equal(exhausted.retryAfter, undefined);
    assert.deepEqual(exhausted.buttons, []);
    assert.match(exhausted.message, /Waiting will not help/);
  });

  it('asks for consent on consent_required', () => {
    assert.equal(describeFailure(new ConsentRequiredError(), 'Fix').needsConsent, true);
  });

  it('stays silent for a cancel', () => {
    assert.equal(describeFailure(new AbortError(), 'Fix').level, 'silent');
  });

  it('maps the other codes to a helpful button', () => {
    assert.deepEqual(describeFailure(new NetworkError('ECONNREFUSED'), 'Fix').buttons, ['Retry']);
    assert.match(describeFailure(new NetworkError('ECONNREFUSED'), 'Fix').message, /could not be reached/);
    assert.deepEqual(describeFailure(new InvalidConfigError('bad endpoint', 'endpoint'), 'Fix').buttons, ['Open Settings']);
    assert.match(describeFailure(new ApiError('Not found (404): unknown model', 404), 'Fix').message, /unknown model/);
    assert.match(describeFailure(new Error('boom'), 'Fix').message, /Fix failed: boom/);
  });
});
