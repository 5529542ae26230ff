/**
 * The provider's error classes. Every error the core throws carries a stable `code`, so surfaces can
 * map it to a user action (Set API key, Retry, countdown) without parsing messages.
 */
import * as l10n from '@vscode/l10n';
import { redactSecrets } from './redact';

/** The stable `code` of every error the core throws; features map it to an action (Set API Key, countdown, pick a model...). */
export type GrokErrorCode =
  | 'consent_required'
  | 'rate_limited'
  | 'credits_exhausted'
  | 'budget_exceeded'
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

/** Base of the core's errors: a stable `code` and a message with secrets (API keys, bearer tokens) redacted. */
export abstract class GrokError extends Error {
  abstract readonly code: GrokErrorCode;
  /** Set when the error ended a stream that had already delivered part of the answer. */
  partial?: PartialAnswer;
  constructor(message: string, options?: { cause?: unknown }) {
    super(redactSecrets(message), options);
    this.name = new.target.name;
  }
}

/** No data-use consent for this user and model: nothing was sent. Ask for consent, then retry. */
export class ConsentRequiredError extends GrokError {
  readonly code = 'consent_required' as const;
  constructor(message = l10n.t('Data-use consent is required before any request is sent to the model.')) {
    super(message);
  }
}

/**
 * A local window limit, a full queue (HTTP not sent), or the server's 429; the core's messages contain "rate limit" in lower case. `retryAfter`
 * is in seconds (the server's `retry-after` header when it sent one).
 */
export class RateLimitError extends GrokError {
  readonly code = 'rate_limited' as const;
  /** Seconds until a retry may succeed. */
  readonly retryAfter: number;
  constructor(message: string, retryAfter: number) {
    // Lower case: the design document's callers test `error.message.includes('rate limit')`.
    super(/rate limit/i.test(message) ? message : l10n.t('Over the rate limit: {0}', message));
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

/**
 * The user's own daily or monthly budget in USD (settings `grokCodeFast.budget.*`) would be passed: nothing was sent.
 * `resetsAt` is the ms epoch of the next local midnight (day) or first of the month (month), when the cap frees again.
 */
export class BudgetExceededError extends GrokError {
  readonly code = 'budget_exceeded' as const;
  constructor(
    message: string,
    readonly period: 'day' | 'month',
    readonly resetsAt: number,
    /** The cap in USD. */
    readonly limitUsd: number,
  ) {
    super(message);
  }
}

/** The proxy between the editor and the endpoint asked for credentials (HTTP 407). */
export class ProxyAuthenticationError extends GrokError {
  readonly code = 'proxy_auth_required' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The key is missing or rejected (HTTP 401/403; `status` when the server answered). Set another key. */
export class AuthenticationError extends GrokError {
  readonly code = 'unauthorized' as const;
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/**
 * The server answered with an error (HTTP status in `status`; xAI also sends errors inside an HTTP 200 body, then `status` is
 * 200) or a malformed answer.
 */
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
    super(l10n.t('Model "{0}" is not served by this endpoint. Pick another model with "Grok: Select Model".', model), 404, serverMessage);
    this.model = model;
  }
}

/** The endpoint could not be reached, or the connection broke before the answer ended (the cause is kept). */
export class NetworkError extends GrokError {
  readonly code = 'network_error' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No headers, or no data for the idle time-out, within the configured time (`timeoutMs`, `idleTimeoutMs`). */
export class TimeoutError extends GrokError {
  readonly code = 'timeout' as const;
}

/** The caller's AbortSignal fired, or consent was revoked mid-request: neither success nor failure. */
export class AbortError extends GrokError {
  readonly code = 'aborted' as const;
  constructor(message = l10n.t('The request was cancelled.')) {
    super(message);
  }
}

/**
 * A configuration value was rejected (the dotted path in `field`), e.g. an endpoint that is not https or loopback http, or an
 * unknown model.
 */
export class InvalidConfigError extends GrokError {
  readonly code = 'invalid_config' as const;
  /** The dotted path of the offending field, e.g. `rateLimits.requestsPerMinute`. */
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

/** True for any of the core's errors (which carry a `code`). */
export function isGrokError(value: unknown): value is GrokError {
  return value instanceof GrokError;
}
