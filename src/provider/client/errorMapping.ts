/**
 * Turns what went wrong on the wire into the core's error classes: HTTP statuses with any of the
 * three error body shapes (or a web page), an error the server put inside a 200 answer or stream,
 * and transport failures from undici. Retryable cases come wrapped in a `RetryableFailure`.
 */
import * as l10n from '@vscode/l10n';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  CreditsExhaustedError,
  GrokError,
  NetworkError,
  ProxyAuthenticationError,
  RateLimitError,
  TimeoutError,
} from '../errors';
import { formatDuration } from '../duration';
import { RetryableFailure } from './retry';
import { errorBodySchema } from './wire';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

const MAX_MESSAGE_CHARS = 500;
const MAX_TITLE_CHARS = 200;
/** Seconds shown to the user when a 429 carries no hint of its own. */
const DEFAULT_RETRY_AFTER_SECONDS = 5;
const CREDITS_PATTERN = /credit|spending limit|quota/i;
export const PROXY_AUTH_MESSAGE = l10n.t('The proxy asked for authentication (407). Set VS Code\'s "http.proxyAuthorization", or a user and password in "http.proxy".');

export function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** True when the text is an HTML page (a gateway's error page, a captive portal, a login form). */
export function isHtml(text: string, contentType = ''): boolean {
  if (/text\/html|application\/xhtml/i.test(contentType)) return true;
  return /^\s*<(!doctype\s+html|html|head|body|title)\b/i.test(text);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—' };

/** A character reference as text: named (the common ones), decimal `&#8211;` or hex `&#x2014;`. */
function decodeEntity(entity: string, name: string): string {
  const numeric = /^#(x[0-9a-f]+|\d+)$/i.exec(name);
  if (!numeric) return ENTITIES[name.toLowerCase()] ?? entity;
  const code = numeric[1][0].toLowerCase() === 'x' ? parseInt(numeric[1].slice(1), 16) : Number(numeric[1]);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

/** The page's `<title>` as plain text, or undefined when it has none. */
export function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  if (!match) return undefined;
  const title = match[1]
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity)
    .replace(/\s+/g, ' ')
    .trim();
  if (title === '') return undefined;
  return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS)}…` : title;
}

/** A web page described in words: its title, never its markup. */
function describePage(html: string): string {
  const title = htmlTitle(html);
  return title === undefined ? l10n.t('a web page') : l10n.t('a web page titled "{0}"', title);
}

/**
 * The server's own message from any of the known body shapes; for a web page, its title; else the
 * text itself (shortened).
 */
export function serverMessageOf(bodyText: string, contentType = ''): string {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(bodyText));
    if (parsed.success) {
      const { error } = parsed.data;
      return typeof error === 'string' ? error : error.message;
    }
  } catch {
    // Not JSON: the text itself is the message.
  }
  if (isHtml(bodyText, contentType)) return l10n.t('the endpoint answered with {0}', describePage(bodyText));
  const text = bodyText.trim();
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const DURATION_UNITS_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, µs: 1e-3, ns: 1e-6 };

/**
 * A Go-style duration as OpenAI-compatible servers send in `x-ratelimit-reset-*` (`20s`, `1.5s`,
 * `6m0s`, `1h2m`, `250ms`), or a bare number of seconds; undefined when unreadable.
 */
export function parseDurationMs(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  if (!/^(\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(h|ms|m|s|us|µs|ns)/g)) total += Number(amount) * DURATION_UNITS_MS[unit];
  return total;
}

/**
 * How long the server asks to wait, from every hint of the OpenAI family: `retry-after-ms`, then
 * `Retry-After` (seconds or HTTP date), then the later of `x-ratelimit-reset-requests` and
 * `x-ratelimit-reset-tokens`. Undefined when none is readable.
 */
export function retryHintMs(headers: ResponseHeaders, now = Date.now()): number | undefined {
  const precise = Number(header(headers, 'retry-after-ms'));
  if (header(headers, 'retry-after-ms') !== undefined && Number.isFinite(precise) && precise >= 0) return precise;
  const retryAfter = parseRetryAfterMs(header(headers, 'retry-after'), now);
  if (retryAfter !== undefined) return retryAfter;
  const resets = ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens']
    .map((name) => parseDurationMs(header(headers, name)))
    .filter((ms): ms is number => ms !== undefined);
  return resets.length > 0 ? Math.max(...resets) : undefined;
}

function creditsExhausted(message: string, status: number): CreditsExhaustedError {
  return new CreditsExhaustedError(
    l10n.t("Your team's credits or monthly spending limit are used up ({0}); waiting will not help. Add credits or raise the limit in the xAI console: {1}", status, message),
    status,
  );
}

export function mapHttpError(status: number, bodyText: string, headers: ResponseHeaders = {}): GrokError | RetryableFailure {
  const message = serverMessageOf(bodyText, header(headers, 'content-type'));
  const said = message ? `: ${message}` : '';
  const afterMs = retryHintMs(headers);
  if (status === 400 && /api key/i.test(message)) return new AuthenticationError(l10n.t('The endpoint rejected the API key{0}', said), status);
  if (status === 401) return new AuthenticationError(l10n.t('The endpoint rejected the API key (401){0}', said), status);
  if (status === 407) return new ProxyAuthenticationError(PROXY_AUTH_MESSAGE);
  if ((status === 429 || status === 402) && CREDITS_PATTERN.test(message)) return creditsExhausted(message, status);
  if (status === 403) {
    return new AuthenticationError(l10n.t('The endpoint rejected the API key (403): the key or team has no permission or no credits left{0}', said), status);
  }
  if (status === 404) return new ApiError(l10n.t('Not found (404): unknown model or wrong URL{0}', said), status, message);
  if (status === 429) {
    const retryAfter = afterMs === undefined ? DEFAULT_RETRY_AFTER_SECONDS : Math.ceil(afterMs / 1000);
    return new RetryableFailure(new RateLimitError(l10n.t("The server's rate limit was reached (429){0}", said), retryAfter), { afterMs });
  }
  if (status >= 500) return new RetryableFailure(new ApiError(l10n.t('The server failed ({0}){1}', status, said), status, message), { afterMs });
  return new ApiError(l10n.t('The server rejected the request ({0}){1}', status, said), status, message);
}

/** The code of an error body in any known shape (xAI's `{code, error}`, OpenAI's `{error: {code}}`). */
function errorCodeOf(bodyText: string): unknown {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(bodyText));
    if (!parsed.success) return undefined;
    const { error } = parsed.data;
    return typeof error === 'string' ? (parsed.data as { code?: unknown }).code : error.code;
  } catch {
    return undefined;
  }
}

/**
 * xAI sometimes answers HTTP 200 with a JSON error instead of an event stream. It is the failure
 * the same error sent with its status would be: a refusal (a wrong key, a prompt too long, an
 * invalid request) is never retried; a server failure ("Timed out waiting for first token") is.
 */
export function mapErrorIn200(bodyText: string): GrokError | RetryableFailure {
  const message = serverMessageOf(bodyText);
  const status = statusOfFailure(errorCodeOf(bodyText), message);
  if (status !== undefined && status < 500) return mapHttpError(status, bodyText);
  return new RetryableFailure(new ApiError(l10n.t('The server answered with an error: {0}', message), 200, message));
}

/** A 200 answer that is a web page (captive portal, login page): no stream will come from it. */
export function webPageInsteadOfStream(bodyText: string): ApiError {
  const page = describePage(bodyText);
  return new ApiError(
    l10n.t('The endpoint answered with {0}, not an event stream: a captive portal, a login page or a wrong URL is in the way.', page),
    200,
    page,
  );
}

/**
 * The HTTP status an in-stream error code stands for: a number or `"429"`, OpenAI's codes
 * (`context_length_exceeded`, `invalid_request_error`, `invalid_api_key`, `rate_limit_exceeded`,
 * the Responses API's `invalid_prompt`, `image_too_large`, …), gRPC status names as xAI's API uses
 * them (`InvalidArgument`, `FailedPrecondition`, `PermissionDenied`, `ResourceExhausted`) and xAI's
 * texts ("Client specified an invalid argument", "Unauthenticated", "Some resource has been
 * exhausted"); undefined when the code says nothing (a server failure).
 */
export function statusOfStreamCode(code: unknown): number | undefined {
  if (typeof code === 'number') return code;
  if (typeof code !== 'string' || code === '') return undefined;
  if (/^\d{3}$/.test(code)) return Number(code);
  if (/rate.?limit|exhausted|too.?many/i.test(code)) return 429;
  if (/auth|api.?key/i.test(code)) return 401;
  if (/permission|forbidden/i.test(code)) return 403;
  if (/not.?found/i.test(code)) return 404;
  // A request the model will refuse however often it is sent: too long or too large, malformed, or
  // against a content policy (OpenAI's Responses codes: image_too_large, image_content_policy_violation, …).
  if (/context.?length|too.?(long|large|small)|max.?length|invalid|bad.?request|unsupported|precondition|out.?of.?range|content.?(filter|policy)|safety|moderation|image/i.test(code)) {
    return 400;
  }
  return undefined;
}

/**
 * The status a failure the server reported without one (in a stream or a 200 body) stands for: its
 * code's (statusOfStreamCode); with no telling code, its message's, as xAI would have sent it: a
 * wrong API key is 400 (xAI's status for it), a rate limit 429, a prompt too long 400. Undefined
 * when neither says anything: a server failure.
 */
function statusOfFailure(code: unknown, message: string): number | undefined {
  const status = statusOfStreamCode(code);
  if (status !== undefined) return status;
  if (/api.?key/i.test(message)) return 400;
  if (/rate.?limit|per minute/i.test(message)) return 429;
  if (/(maximum|max) (prompt|context)( length)?|context.?length|prompt is too long|too many (input )?tokens in/i.test(message)) return 400;
  return undefined;
}

/**
 * An error the server wrote inside an answer that had started (a chat chunk's `error`, a Responses
 * `error` event or `response.failed`): classified by its code (without a telling one, by its
 * message: statusOfFailure) as the same failure sent as an HTTP status would be. A server failure (5xx or no code) may be retried while nothing of the answer
 * reached the caller, a rate limit stays one, and a refusal (context too long, invalid request,
 * authentication) is never retried: it would fail the same way.
 */
export function mapStreamError(error: { code?: unknown; message?: unknown } | string): GrokError | RetryableFailure {
  const message = typeof error === 'string' ? error : typeof error.message === 'string' ? error.message : l10n.t('no message');
  const code = typeof error === 'string' ? undefined : error.code;
  const status = statusOfFailure(code, message);
  if (CREDITS_PATTERN.test(message)) return creditsExhausted(message, status ?? 429);
  if (status === 429 || /rate.?limit/i.test(String(code ?? ''))) {
    return new RetryableFailure(new RateLimitError(l10n.t("The server's rate limit was reached mid-answer: {0}", message), DEFAULT_RETRY_AFTER_SECONDS));
  }
  const label = typeof code === 'string' && code !== '' ? code : status;
  // As mapHttpError reads a 400: xAI refuses a wrong key with it.
  if (status === 401 || status === 403 || (status === 400 && /api.?key/i.test(message))) {
    return new AuthenticationError(
      label === undefined
        ? l10n.t('The server refused the API key in the middle of the answer: {0}', message)
        : l10n.t('The server refused the API key in the middle of the answer ({0}): {1}', label, message),
      status,
    );
  }
  const failure = new ApiError(
    label === undefined
      ? l10n.t('The server failed in the middle of the answer: {0}', message)
      : l10n.t('The server failed in the middle of the answer ({0}): {1}', label, message),
    status,
    message,
  );
  return status !== undefined && status >= 400 && status < 500 ? failure : new RetryableFailure(failure);
}

export interface TransportTimeouts {
  headersTimeoutMs: number;
  idleTimeoutMs: number;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The socket was reset or closed under the request: the next connection may well work. */
const TRANSIENT_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function isTransient(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    const code = errorCode(cause);
    if (code && TRANSIENT_CODES.has(code)) return true;
  }
  return false;
}

function isProxyAuthRequired(error: unknown): boolean {
  return error instanceof Error && /Proxy response \(407\)|Proxy Authentication Required/i.test(error.message);
}

/** A failure below HTTP (socket, timeout, cancellation, proxy refusal) as one of the core's errors. */
export function mapTransportError(error: unknown, signal: AbortSignal | undefined, timeouts: TransportTimeouts): GrokError {
  if (error instanceof GrokError) return error;
  if (error instanceof RetryableFailure) return error.error;
  if (signal?.aborted) return new AbortError();
  if (isProxyAuthRequired(error)) return new ProxyAuthenticationError(PROXY_AUTH_MESSAGE, { cause: error });
  switch (errorCode(error)) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new TimeoutError(l10n.t('The server did not answer within {0}.', formatDuration(timeouts.headersTimeoutMs)));
    case 'UND_ERR_BODY_TIMEOUT':
      return new TimeoutError(l10n.t('The server stopped sending for {0} in the middle of the answer.', formatDuration(timeouts.idleTimeoutMs)));
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TimeoutError(l10n.t('Connecting to the server timed out.'));
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new NetworkError(l10n.t('Network error: {0}', detail), { cause: error });
}

/**
 * The same, with a reset or closed socket marked retryable like a 503: the retry logic repeats it
 * only while nothing of the answer has reached the caller.
 */
export function mapTransportFailure(error: unknown, signal: AbortSignal | undefined, timeouts: TransportTimeouts): GrokError | RetryableFailure {
  if (error instanceof RetryableFailure) return error;
  const mapped = mapTransportError(error, signal, timeouts);
  return mapped instanceof NetworkError && isTransient(error) ? new RetryableFailure(mapped) : mapped;
}
