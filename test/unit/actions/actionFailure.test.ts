import * as assert from 'node:assert/strict';
import { describeFailure } from '../../../src/actions/actionFailure';
import { AbortError, ApiError, AuthenticationError, ConsentRequiredError, CreditsExhaustedError, InvalidConfigError, NetworkError, ProxyAuthenticationError, RateLimitError } from '../../../src/provider/errors';

describe('describeFailure', () => {
  it('offers Set API Key for a rejected key', () => {
    const failure = describeFailure(new AuthenticationError('The endpoint rejected the API key: Incorrect API key', 400), 'Refactor');
    assert.deepEqual(failure.buttons, ['setApiKey']);
    assert.match(failure.message, /Refactor failed: The endpoint rejected the API key: Incorrect API key/);
  });

  it('gives the wait for a rate limit', () => {
    const limited = describeFailure(new RateLimitError('Rate limit of 60 requests per minute reached.', 12), 'Fix');
    assert.equal(limited.retryAfter, 12);
    assert.match(limited.message, /Try again in 12 s/);
  });

  it('offers the proxy settings for a proxy that wants credentials', () => {
    const failure = describeFailure(new ProxyAuthenticationError('The proxy asked for authentication (407).'), 'Fix');
    assert.deepEqual(failure.buttons, ['openProxySettings']);
    assert.match(failure.message, /proxy asked for authentication/);
  });

  it('does not call used-up credits a rate limit, and offers the console address the server gave', () => {
    const server = "The server's rate limit was reached (429): Your team 0b1c has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit at https://console.x.ai/team/0b1c.";
    const exhausted = describeFailure(new CreditsExhaustedError(server, 429), 'Fix');
    assert.equal(exhausted.retryAfter, undefined);
    assert.deepEqual(exhausted.buttons, ['openConsole']);
    assert.equal(exhausted.consoleUrl, 'https://console.x.ai/team/0b1c');
    assert.match(exhausted.message, /no credits left or has reached its spending limit\. Waiting will not help/);
    assert.doesNotMatch(exhausted.message, /rate limit/i);
  });

  it("keys on the error code credits_exhausted, with no button when the server gave no https address", () => {
    const coded = Object.assign(new Error('Spending limit reached; see http://billing.example'), { code: 'credits_exhausted' });
    const failure = describeFailure(coded, 'Refactor');
    assert.deepEqual(failure.buttons, []);
    assert.equal(failure.consoleUrl, undefined);
    assert.match(failure.message, /Refactor failed: the account has no credits left/);
    const withUrl = Object.assign(new Error('no credits'), { code: 'credits_exhausted', consoleUrl: 'https://billing.example/pay' });
    assert.equal(describeFailure(withUrl, 'Refactor').consoleUrl, 'https://billing.example/pay');
  });

  it('asks for consent on consent_required', () => {
    assert.equal(describeFailure(new ConsentRequiredError(), 'Fix').needsConsent, true);
  });

  it('stays silent for a cancel', () => {
    assert.equal(describeFailure(new AbortError(), 'Fix').level, 'silent');
  });

  it('maps the other codes to a helpful button', () => {
    assert.deepEqual(describeFailure(new NetworkError('ECONNREFUSED'), 'Fix').buttons, ['retry']);
    assert.match(describeFailure(new NetworkError('ECONNREFUSED'), 'Fix').message, /could not be reached/);
    assert.deepEqual(describeFailure(new InvalidConfigError('bad endpoint', 'endpoint'), 'Fix').buttons, ['openSettings']);
    assert.match(describeFailure(new ApiError('Not found (404): unknown model', 404), 'Fix').message, /unknown model/);
    assert.match(describeFailure(new Error('boom'), 'Fix').message, /Fix failed: boom/);
  });
});
