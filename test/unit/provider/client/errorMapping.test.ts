import { strict as assert } from 'node:assert';
import {
  mapErrorIn200,
  mapHttpError,
  mapTransportError,
  parseRetryAfterMs,
  serverMessageOf,
} from '../../../../src/provider/client/errorMapping';
import { RetryableFailure } from '../../../../src/provider/client/retry';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  NetworkError,
  RateLimitError,
  TimeoutError,
} from '../../../../src/provider/errors';

const timeouts = { headersTimeoutMs: 100, idleTimeoutMs: 200 };

describe('error mapping', () => {
  it('reads the server message from all three body shapes and from plain text', () => {
    assert.equal(serverMessageOf('{"code":"Some code","error":"xAI says no"}'), 'xAI says no');
    assert.equal(serverMessageOf('{"error":{"message":"OpenAI says no","type":"invalid_request_error","param":null,"code":null}}'), 'OpenAI says no');
    assert.equal(serverMessageOf('{"error":"bare says no"}'), 'bare says no');
    assert.equal(serverMessageOf('  upstream exploded  '), 'upstream exploded');
  });

  it('maps 400 about the API key to AuthenticationError, other 400s to ApiError', () => {
    const key = mapHttpError(400, '{"code":"x","error":"Incorrect API key provided: xa***ey."}');
    assert.ok(key instanceof AuthenticationError);
    assert.equal(key.code, 'unauthorized');
    const bad = mapHttpError(400, '{"error":"Argument not supported on this model: stop"}');
    assert.ok(bad instanceof ApiError);
    assert.equal(bad.status, 400);
    assert.equal(bad.serverMessage, 'Argument not supported on this model: stop');
  });

  it('maps 401 and 403 to AuthenticationError, 403 saying permission or credits', () => {
    assert.ok(mapHttpError(401, '{"error":"no key"}') instanceof AuthenticationError);
    const forbidden = mapHttpError(403, '{"error":"team blocked"}');
    assert.ok(forbidden instanceof AuthenticationError);
    assert.match(forbidden.message, /permission/);
    assert.match(forbidden.message, /credits/);
    assert.match(forbidden.message, /team blocked/);
  });

  it('maps 404 to an ApiError about the model or URL', () => {
    const error = mapHttpError(404, '{"code":"x","error":"No handler found on route"}');
    assert.ok(error instanceof ApiError);
    assert.match(error.message, /unknown model or wrong URL/);
    assert.equal(error.serverMessage, 'No handler found on route');
  });

  it('does not mark 4xx other than 429 as retryable', () => {
    for (const status of [400, 401, 403, 404, 415, 422]) {
      assert.ok(!(mapHttpError(status, '{"error":"x"}') instanceof RetryableFailure), String(status));
    }
  });

  it('maps 429 to a retryable RateLimitError honouring Retry-After', () => {
    const failure = mapHttpError(429, '{"error":"slow down"}', '7');
    assert.ok(failure instanceof RetryableFailure);
    assert.equal(failure.advice.afterMs, 7000);
    assert.ok(failure.error instanceof RateLimitError);
    assert.equal(failure.error.retryAfter, 7);
    assert.equal(failure.error.quotaExhausted, false);
  });

  it('maps a 429 about credits or the spending limit to a final RateLimitError', () => {
    const error = mapHttpError(429, '{"code":"x","error":"Your team has used all available credits or reached its monthly spending limit."}');
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.quotaExhausted, true);
  });

  it('maps 5xx to a retryable ApiError keeping the status and message', () => {
    const failure = mapHttpError(503, '{"code":"x","error":"overloaded"}');
    assert.ok(failure instanceof RetryableFailure);
    assert.ok(failure.error instanceof ApiError);
    assert.equal(failure.error.status, 503);
    assert.equal(failure.error.serverMessage, 'overloaded');
  });

  it('treats a JSON error in an HTTP 200 as a retryable server error', () => {
    const failure = mapErrorIn200('{"code":"The service is currently unavailable","error":"Timed out waiting for first token"}');
    assert.ok(failure.error instanceof ApiError);
    assert.match(failure.error.message, /Timed out waiting for first token/);
  });

  it('redacts keys the server echoes back', () => {
    const error = mapHttpError(500, '{"error":"bad key xai-abcdefghijklmnop in Bearer xai-abcdefghijklmnop"}');
    assert.ok(error instanceof RetryableFailure);
    assert.doesNotMatch(error.error.message, /abcdefgh/);
    assert.doesNotMatch((error.error as ApiError).serverMessage ?? '', /abcdefgh/);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfterMs('2'), 2000);
    assert.equal(parseRetryAfterMs(new Date(10_000).toUTCString(), 4_000), 6_000);
    assert.equal(parseRetryAfterMs(undefined), undefined);
    assert.equal(parseRetryAfterMs('soon'), undefined);
  });

  it('maps transport failures: timeouts, cancellation, anything else a NetworkError', () => {
    const headers = Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
    const body = Object.assign(new Error('x'), { code: 'UND_ERR_BODY_TIMEOUT' });
    assert.ok(mapTransportError(headers, undefined, timeouts) instanceof TimeoutError);
    assert.match(mapTransportError(body, undefined, timeouts).message, /200 ms/);
    const controller = new AbortController();
    controller.abort();
    assert.ok(mapTransportError(new Error('aborted'), controller.signal, timeouts) instanceof AbortError);
    const refused = mapTransportError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), undefined, timeouts);
    assert.ok(refused instanceof NetworkError);
    assert.match(refused.message, /ECONNREFUSED/);
  });
});
