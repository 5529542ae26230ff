import { strict as assert } from 'node:assert';
import {
  htmlTitle,
  mapErrorIn200,
  mapStreamError,
  statusOfStreamCode,
  mapTransportFailure,
  parseDurationMs,
  retryHintMs,
  mapHttpError,
  mapTransportError,
  parseRetryAfterMs,
  serverMessageOf,
} from '../../../../src/provider/client/errorMapping';
import { RetryableFailure } from '../../../../src/provider/client/retry';
import { redactSecrets } from '../../../../src/provider/redact';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  CreditsExhaustedError,
  NetworkError,
  ProxyAuthenticationError,
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

  it('says the endpoint rejected the API key on 401, 403 and a 400 about the key, the server\'s words still redacted (issue 24 item 9)', () => {
    const unauthorized = mapHttpError(401, '{"code":"Unauthenticated","error":"Invalid Bearer token"}');
    assert.ok(unauthorized instanceof AuthenticationError);
    assert.match(redactSecrets(unauthorized.message), /^The endpoint rejected the API key \(401\): Invalid Bearer \[REDACTED\]$/);
    assert.match(mapHttpError(403, '{"error":"team blocked"}').message, /^The endpoint rejected the API key \(403\)/);
    assert.match(mapHttpError(400, '{"error":"Incorrect API key provided: xa***ne."}').message, /^The endpoint rejected the API key: Incorrect API key/);
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
    const failure = mapHttpError(429, '{"error":"slow down"}', { 'retry-after': '7' });
    assert.ok(failure instanceof RetryableFailure);
    assert.equal(failure.advice.afterMs, 7000);
    assert.ok(failure.error instanceof RateLimitError);
    assert.equal(failure.error.retryAfter, 7);
  });

  it('reads every rate-limit hint of the OpenAI family (kind 4)', () => {
    const precise = mapHttpError(429, '{"error":"slow down"}', { 'retry-after-ms': '20000', 'retry-after': '1' });
    assert.ok(precise instanceof RetryableFailure && precise.error instanceof RateLimitError);
    assert.equal(precise.advice.afterMs, 20_000);
    assert.equal(precise.error.retryAfter, 20);
    assert.equal(retryHintMs({ 'x-ratelimit-reset-requests': '1.5s', 'x-ratelimit-reset-tokens': '6m0s' }), 360_000);
    assert.equal(retryHintMs({ 'x-ratelimit-reset-tokens': '20s' }), 20_000);
    assert.equal(retryHintMs({ 'retry-after-ms': 'soon', 'retry-after': '3' }), 3000);
    assert.equal(retryHintMs({}), undefined);
  });

  it('parses Go-style durations', () => {
    assert.equal(parseDurationMs('20s'), 20_000);
    assert.equal(parseDurationMs('1.5s'), 1500);
    assert.equal(parseDurationMs('6m0s'), 360_000);
    assert.equal(parseDurationMs('1h2m3s'), 3_723_000);
    assert.equal(parseDurationMs('250ms'), 250);
    assert.equal(parseDurationMs('7'), 7000);
    assert.equal(parseDurationMs('later'), undefined);
    assert.equal(parseDurationMs('5x'), undefined);
  });

  it('maps a 429 about credits or the spending limit to its own final error', () => {
    const error = mapHttpError(429, '{"code":"x","error":"Your team has used all available credits or reached its monthly spending limit."}');
    assert.ok(error instanceof CreditsExhaustedError, String(error));
    assert.equal(error.code, 'credits_exhausted');
    assert.match(error.message, /waiting will not help/);
    assert.ok(mapHttpError(429, '{"error":{"message":"You exceeded your current quota"}}') instanceof CreditsExhaustedError);
  });

  it('maps a 407 to ProxyAuthenticationError (kind 7)', () => {
    const error = mapHttpError(407, '<html><title>407 Proxy Authentication Required</title></html>', { 'content-type': 'text/html' });
    assert.ok(error instanceof ProxyAuthenticationError);
    assert.match(error.message, /proxy asked for authentication/i);
    const tunnel = mapTransportError(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), undefined, timeouts);
    assert.ok(tunnel instanceof ProxyAuthenticationError);
  });

  it('describes a web page by its status and title, never its markup (kind 5)', () => {
    const page = '<!DOCTYPE html>\n<html><head><title>api.x.ai | 502: Bad gateway</title><style>body{}</style></head><body><div class="cf">…</div></body></html>';
    const failure = mapHttpError(502, page, { 'content-type': 'text/html; charset=UTF-8' });
    assert.ok(failure instanceof RetryableFailure);
    assert.equal(failure.error.message, 'The server failed (502): the endpoint answered with a web page titled "api.x.ai | 502: Bad gateway"');
    const untitled = mapHttpError(503, '<html><body><h1>Down &amp; out</h1></body></html>');
    assert.ok(untitled instanceof RetryableFailure);
    assert.doesNotMatch(untitled.error.message, /[<>]/);
    assert.match(untitled.error.message, /\(503\): the endpoint answered with a web page$/);
    assert.equal(htmlTitle('<title>\n  Sign in &amp; continue\n</title>'), 'Sign in & continue');
  });

  it('types an error written inside a stream by its code', () => {
    const gateway = mapStreamError({ code: 502, message: 'Provider disconnected' });
    assert.ok(gateway instanceof RetryableFailure && gateway.error instanceof ApiError);
    assert.equal(gateway.error.status, 502);
    assert.match(gateway.error.message, /Provider disconnected/);
    assert.ok(mapStreamError({ code: 400, message: 'bad' }) instanceof ApiError);
    const limited = mapStreamError({ code: 'rate_limit_exceeded', message: 'slow down' });
    assert.ok(limited instanceof RetryableFailure && limited.error instanceof RateLimitError);
    assert.ok(mapStreamError('used all available credits') instanceof CreditsExhaustedError);
  });

  it('classifies an in-stream code as the same failure sent as a status: refusals are never retried', () => {
    const refusals = [
      ...['context_length_exceeded', 'invalid_request_error', 'Client specified an invalid argument', '400'],
      // Other instances: OpenAI's Responses failure codes and gRPC status names.
      ...['invalid_prompt', 'image_too_large', 'image_content_policy_violation', 'content_filter', 'string_above_max_length'],
      ...['InvalidArgument', 'FailedPrecondition', 'OutOfRange'],
    ];
    for (const code of refusals) {
      const refusal = mapStreamError({ code, message: 'no' });
      assert.ok(refusal instanceof ApiError, code);
      assert.equal(refusal.status, 400, code);
    }
    for (const code of ['invalid_api_key', 'authentication_error', 'Unauthenticated', 'PermissionDenied', 'unauthorized']) {
      assert.ok(mapStreamError({ code, message: 'no' }) instanceof AuthenticationError, code);
    }
    for (const code of ['server_error', 'The service is currently unavailable', null, 503, 'Internal', 'Unavailable', 'DeadlineExceeded', 'vector_store_timeout']) {
      assert.ok(mapStreamError({ code, message: 'try again' }) instanceof RetryableFailure, String(code));
    }
    assert.equal(statusOfStreamCode('Some resource has been exhausted'), 429);
    assert.equal(statusOfStreamCode('Some requested entity was not found'), 404);
  });

  it('marks a reset or closed socket retryable, other network failures final (kind 6)', () => {
    for (const code of ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']) {
      const failure = mapTransportFailure(Object.assign(new Error(code), { code }), undefined, timeouts);
      assert.ok(failure instanceof RetryableFailure && failure.error instanceof NetworkError, code);
    }
    const nested = Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) });
    assert.ok(mapTransportFailure(nested, undefined, timeouts) instanceof RetryableFailure);
    assert.ok(mapTransportFailure(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), undefined, timeouts) instanceof NetworkError);
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
    assert.ok(failure instanceof RetryableFailure);
    assert.ok(failure.error instanceof ApiError);
    assert.match(failure.error.message, /Timed out waiting for first token/);
  });

  it('a JSON error in an HTTP 200 that refuses the request is the error its status would be, not retried (issue 22)', () => {
    const tooLong = mapErrorIn200('{"code":"Client specified an invalid argument","error":"This model\'s maximum prompt length is 256000 but the request contains 300123 tokens."}');
    assert.ok(tooLong instanceof ApiError && tooLong.status === 400, String(tooLong));
    assert.ok(mapErrorIn200('{"error":{"message":"Incorrect API key provided: xa***ey","code":null}}') instanceof AuthenticationError);
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
