/**
 * Retry with exponential backoff and jitter, for streams: an attempt may be repeated only while
 * nothing of it has reached the caller. An attempt says it may be retried by throwing a
 * `RetryableFailure` around the error the caller sees when the retries run out.
 */
import { AbortError, type GrokError } from '../errors';

export class RetryableFailure extends Error {
  constructor(
    readonly error: GrokError,
    readonly advice: { afterMs?: number; once?: boolean } = {},
  ) {
    super(error.message);
    this.name = 'RetryableFailure';
  }
}

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server's Retry-After above this is not waited for: the error goes to the caller at once. */
  maxRetryAfterMs: number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
  sleep: abortableSleep,
};

/** Half the exponential step plus a random half, capped; a server's Retry-After is a floor. */
export function backoffDelay(retryIndex: number, policy: RetryPolicy, afterMs?: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  const jittered = step / 2 + (policy.random() * step) / 2;
  return Math.round(Math.max(jittered, afterMs ?? 0));
}

/**
 * Runs `attempt` and yields what it yields; a `RetryableFailure` before the first item is retried
 * (at most `maxRetries` times, `once`-advised failures at most once), anything else is thrown.
 */
export async function* retryingStream<T>(
  attempt: (attemptIndex: number) => AsyncIterable<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
  onRetry?: (failure: RetryableFailure, delayMs: number) => void,
): AsyncGenerator<T> {
  let onceRetried = false;
  for (let retries = 0; ; retries++) {
    let yielded = false;
    try {
      for await (const item of attempt(retries)) {
        yielded = true;
        yield item;
      }
      return;
    } catch (error) {
      if (!(error instanceof RetryableFailure)) throw error;
      const { afterMs, once } = error.advice;
      const allowed =
        !yielded &&
        retries < policy.maxRetries &&
        !(once && onceRetried) &&
        (afterMs === undefined || afterMs <= policy.maxRetryAfterMs);
      if (!allowed) throw error.error;
      if (once) onceRetried = true;
      const delay = backoffDelay(retries, policy, afterMs);
      onRetry?.(error, delay);
      await policy.sleep(delay, signal);
    }
  }
}
