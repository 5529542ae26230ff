/**
 * Step 3b: the request in flight. While its pending completion still matches what the user typed
 * since it started, a new keystroke waits for it instead of cancelling it and sending another; it
 * is aborted only when the typing diverges, or when nobody has waited for it for a grace period
 * (VS Code cancels the previous call's token before it makes the next call).
 */
import type { Suggestion, Timers } from './types';

/** Enough of the text before the cursor to find where the request started within a later prefix. */
const ANCHOR_CHARS = 200;
const SUFFIX_KEY_CHARS = 100;

export type RunModel = (signal: AbortSignal, onPending: (pending: string) => void) => Promise<Suggestion | undefined>;

export class InflightRequest {
  readonly controller = new AbortController();
  readonly settled: Promise<Suggestion | undefined>;
  /** What the stream filters have let through so far. */
  pending = '';
  done = false;
  waiters = 0;
  graceTimer: unknown;

  constructor(
    readonly anchor: string,
    readonly suffixKey: string,
    run: RunModel,
  ) {
    this.settled = run(this.controller.signal, (pending) => {
      this.pending = pending;
    }).finally(() => {
      this.done = true;
      // Closes the HTTP stream when the filters decided before the model finished.
      this.controller.abort();
    });
  }

  /** Typed text that a pending or final completion may still continue. */
  stillMatches(typed: string): boolean {
    return this.pending.length >= typed.length ? this.pending.startsWith(typed) : typed.startsWith(this.pending);
  }
}

export interface InflightMatch {
  request: InflightRequest;
  /** What the user typed since the request started. */
  typed: string;
}

export class InflightRequests {
  private current: InflightRequest | undefined;

  /** `graceMs` 0: the request dies with its last waiter (the baselines' behaviour). */
  constructor(
    private readonly timers: Timers,
    private readonly graceMs: number,
  ) {}

  /** The running request this position can reuse; a request the typing diverged from is aborted here. */
  match(prefix: string, suffix: string): InflightMatch | undefined {
    const request = this.current;
    if (request === undefined || request.done) return undefined;
    const typed = typedSince(request, prefix, suffix);
    if (typed !== undefined && request.stillMatches(typed)) return { request, typed };
    this.abortCurrent();
    return undefined;
  }

  /** Starts a request at this position, aborting any other (only one runs at a time). */
  start(prefix: string, suffix: string, run: RunModel): InflightRequest {
    this.abortCurrent();
    const request = new InflightRequest(prefix.slice(-ANCHOR_CHARS), suffix.slice(0, SUFFIX_KEY_CHARS), run);
    this.current = request;
    void request.settled.then(() => {
      if (this.current === request) this.current = undefined;
    });
    return request;
  }

  /** The rest of the completion after `typed`, or undefined if it diverged, came back empty or `signal` aborted. */
  wait(request: InflightRequest, typed: string, signal: AbortSignal): Promise<Suggestion | undefined> {
    if (signal.aborted) return Promise.resolve(undefined);
    this.attach(request);
    return new Promise((resolve) => {
      const onAbort = (): void => {
        this.detach(request);
        resolve(undefined);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void request.settled.then((suggestion) => {
        if (signal.aborted) return;
        signal.removeEventListener('abort', onAbort);
        this.detach(request);
        resolve(remainderAfter(suggestion, typed));
      });
    });
  }

  abortCurrent(): void {
    const request = this.current;
    this.current = undefined;
    if (request !== undefined && !request.done) this.abort(request);
  }

  private attach(request: InflightRequest): void {
    request.waiters++;
    if (request.graceTimer !== undefined) {
      this.timers.clearTimeout(request.graceTimer);
      request.graceTimer = undefined;
    }
  }

  private detach(request: InflightRequest): void {
    request.waiters--;
    if (request.waiters > 0 || request.done) return;
    if (this.graceMs <= 0) {
      this.abort(request);
      return;
    }
    request.graceTimer = this.timers.setTimeout(() => {
      request.graceTimer = undefined;
      if (request.waiters === 0) this.abort(request);
    }, this.graceMs);
  }

  private abort(request: InflightRequest): void {
    if (this.current === request) this.current = undefined;
    request.controller.abort();
  }
}

function typedSince(request: InflightRequest, prefix: string, suffix: string): string | undefined {
  if (suffix.slice(0, SUFFIX_KEY_CHARS) !== request.suffixKey) return undefined;
  // A short anchor is the whole prefix (the file's start): it must still start the prefix.
  const at = request.anchor.length < ANCHOR_CHARS ? (prefix.startsWith(request.anchor) ? 0 : -1) : prefix.lastIndexOf(request.anchor);
  return at < 0 ? undefined : prefix.slice(at + request.anchor.length);
}

function remainderAfter(suggestion: Suggestion | undefined, typed: string): Suggestion | undefined {
  if (suggestion === undefined || suggestion.text.length <= typed.length || !suggestion.text.startsWith(typed)) {
    return undefined;
  }
  return { text: suggestion.text.slice(typed.length), replaceLength: suggestion.replaceLength };
}
