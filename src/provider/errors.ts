/**
 * The provider's error classes. Every error the core throws carries a stable `code`, so surfaces can
 * map it to a user action (Set API key, Retry, countdown) without parsing messages.
 */
import { redactSecrets } from './redact';

export type GrokErrorCode =
  | 'consent_required'
  | 'rate_limited'
  | 'unauthorized'
  | 'api_error'
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'invalid_config';

export abstract class GrokError extends Error {
  abstract readonly code: GrokErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(redactSecrets(message), options);
    this.name = new.target.name;
  }
}

export class ConsentRequiredError extends GrokError {
  readonly code = 'consent_required' as const;
  constructor(message = 'Data-use consent is required before any request is sent to the model.') {
    super(message);
  }
}

export class RateLimitError extends GrokError {
  readonly code = 'rate_limited' as const;
  /** Seconds until a retry may succeed. */
  readonly retryAfter: number;
  /** True when the server said credits or the spending limit are used up: waiting will not help. */
  readonly quotaExhausted: boolean;
  constructor(message: string, retryAfter: number, quotaExhausted = false) {
    super(/rate limit/i.test(message) ? message : `Rate limit: ${message}`);
    this.retryAfter = retryAfter;
    this.quotaExhausted = quotaExhausted;
  }
}

export class AuthenticationError extends GrokError {
  readonly code = 'unauthorized' as const;
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

export class ApiError extends GrokError {
  readonly code = 'api_error' as const;
  readonly status?: number;
  /** The server's own message, redacted, for display. */
  readonly serverMessage?: string;
  constructor(message: string, status?: number, serverMessage?: string) {
    super(message);
    this.status = status;
    this.serverMessage = serverMessage === undefined ? undefined : redactSecrets(serverMessage);
  }
}

/**
 * The endpoint answered 404 for the model: it does not serve this id (retired, or never listed).
 * An ApiError still (code `api_error`), with the model so surfaces can offer to pick another.
 */
export class ModelNotServedError extends ApiError {
  readonly model: string;
  constructor(model: string, serverMessage?: string) {
    super(`Model "${model}" is not served by this endpoint. Pick another model with "Grok: Select Model".`, 404, serverMessage);
    this.model = model;
  }
}

export class NetworkError extends GrokError {
  readonly code = 'network_error' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class TimeoutError extends GrokError {
  readonly code = 'timeout' as const;
}

export class AbortError extends GrokError {
  readonly code = 'aborted' as const;
  constructor(message = 'The request was cancelled.') {
    super(message);
  }
}

export class InvalidConfigError extends GrokError {
  readonly code = 'invalid_config' as const;
  /** The dotted path of the offending field, e.g. `rateLimits.requestsPerMinute`. */
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

export function isGrokError(value: unknown): value is GrokError {
  return value instanceof GrokError;
}
