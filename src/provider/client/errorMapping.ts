/**
 * Turns what went wrong on the wire into the core's error classes: HTTP statuses with any of the
 * three error body shapes, xAI's HTTP 200 carrying a JSON error, and transport failures from undici.
 * Retryable cases come wrapped in a `RetryableFailure`.
 */
import {
  AbortError,
  ApiError,
  AuthenticationError,
  GrokError,
  NetworkError,
  RateLimitError,
  TimeoutError,
} from '../errors';
import { formatDuration } from '../duration';
import { RetryableFailure } from './retry';
import { errorBodySchema } from './wire';

const MAX_MESSAGE_CHARS = 500;
/** Seconds shown to the user when a 429 carries no Retry-After. */
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** The server's own message from any of the known body shapes, else the text itself (shortened). */
export function serverMessageOf(bodyText: string): string {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(bodyText));
    if (parsed.success) {
      const { error } = parsed.data;
      return typeof error === 'string' ? error : error.message;
    }
  } catch {
    // Not JSON: the text itself is the message.
  }
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

export function mapHttpError(status: number, bodyText: string, retryAfterHeader?: string): GrokError | RetryableFailure {
  const message = serverMessageOf(bodyText);
  const said = message ? `: ${message}` : '';
  if (status === 400 && /api key/i.test(message)) return new AuthenticationError(`The API key was rejected${said}`, status);
  if (status === 401) return new AuthenticationError(`The API key is missing or malformed (401)${said}`, status);
  if (status === 403) {
    return new AuthenticationError(`The API key or team has no permission or no credits left (403)${said}`, status);
  }
  if (status === 404) return new ApiError(`Not found (404): unknown model or wrong URL${said}`, status, message);
  if (status === 429) {
    const quotaExhausted = /credit|spending limit|quota/i.test(message);
    const afterMs = parseRetryAfterMs(retryAfterHeader);
    const retryAfter = afterMs === undefined ? DEFAULT_RETRY_AFTER_SECONDS : Math.ceil(afterMs / 1000);
    const error = new RateLimitError(`The server's rate limit was reached (429)${said}`, retryAfter, quotaExhausted);
    return quotaExhausted ? error : new RetryableFailure(error, { afterMs });
  }
  if (status >= 500) {
    const error = new ApiError(`The server failed (${status})${said}`, status, message);
    return new RetryableFailure(error, { afterMs: parseRetryAfterMs(retryAfterHeader) });
  }
  return new ApiError(`The server rejected the request (${status})${said}`, status, message);
}

/** xAI sometimes answers HTTP 200 with a JSON error instead of an event stream: a server failure. */
export function mapErrorIn200(bodyText: string): RetryableFailure {
  const message = serverMessageOf(bodyText);
  return new RetryableFailure(new ApiError(`The server answered with an error: ${message}`, 200, message));
}

export interface TransportTimeouts {
  headersTimeoutMs: number;
  idleTimeoutMs: number;
}

function undiciCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A failure below HTTP (socket, timeout, cancellation) as one of the core's errors. */
export function mapTransportError(error: unknown, signal: AbortSignal | undefined, timeouts: TransportTimeouts): GrokError {
  if (error instanceof GrokError) return error;
  if (signal?.aborted) return new AbortError();
  switch (undiciCode(error)) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new TimeoutError(`The server did not answer within ${formatDuration(timeouts.headersTimeoutMs)}.`);
    case 'UND_ERR_BODY_TIMEOUT':
      return new TimeoutError(`The server stopped sending for ${formatDuration(timeouts.idleTimeoutMs)} in the middle of the answer.`);
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TimeoutError('Connecting to the server timed out.');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new NetworkError(`Network error: ${detail}`, { cause: error });
}
