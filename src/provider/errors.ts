/**
 * The provider's error classes. Every error the core throws carries a stable `code`, so surfaces can
 * map it to a user action (Set API key, Retry, countdown) without parsing messages.
 */
import { redactSecrets } from './redact';

export type GrokErrorCode =
  | 'consent_required'
  | 'rate_limited'
  | 'credits_exhausted'
  | 'proxy_auth_required'
  | 'unauthorized'
  | 'api_error'
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'invalid_config';

/** What of an answer had arrived when its stream failed: the surface may still show it. */
export interface PartialAnswer {
  content: string;
  reasoning: string;
}

export abstract class GrokError extends Error {
  abstract readonly code: GrokErrorCode;
  /** Set when the error ended a stream that had already delivered part of the answer. */
  partial?: PartialAnswer;
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
  constructor(message: string, retryAfter: number) {
    super(/rate limit/i.test(message) ? message : `Rate limit: ${message}`);
    this.retryAfter = retryAfter;
  }
}

/**
 * The team's credits or monthly spending limit are used up (xAI: HTTP 429 "used all available
 * credits" / "spending limit"): waiting will not help, only the billing page will.
 */
export class CreditsExhaustedError extends GrokError {
  readonly code = 'credits_exhausted' as const;
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/** The proxy between the editor and the endpoint asked for credentials (HTTP 407). */
export class ProxyAuthenticationError extends GrokError {
  readonly code = 'proxy_auth_required' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
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
