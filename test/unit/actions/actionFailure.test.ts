import * as assert from 'node:assert/strict';
import { describeFailure } from '../../../src/actions/actionFailure';
import { AbortError, ApiError, AuthenticationError, ConsentRequiredError, CreditsExhaustedError, InvalidConfigError, NetworkError, ProxyAuthenticationError, RateLimitError } from '../../../src/provider/errors';

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
    const exhausted = describeFailure(new CreditsExhaustedError('credits used up; waiting will not help', 429), 'Fix');
    assert.equal(exhausted.retryAfter, undefined);
    assert.deepEqual(exhausted.buttons, []);
    assert.match(exhausted.message, /waiting will not help/);
  });

  it('offers the proxy settings for a proxy that wants credentials', () => {
    const failure = describeFailure(new ProxyAuthenticationError('The proxy asked for authentication (407).'), 'Fix');
    assert.deepEqual(failure.buttons, ['Open Proxy Settings']);
    assert.match(failure.message, /proxy asked for authentication/);
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
