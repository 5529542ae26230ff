/**
 * Step 3b: the requests in flight. While a request's pending completion still matches what the
 * user typed since it started, a new keystroke waits for it instead of cancelling it and sending
 * another; it is aborted only when the typing diverges, or when nobody has waited for it for a
 * grace period (VS Code cancels the previous call's token before it makes the next call).
 *
 * Besides the regular request there may be one follow-up: a request made ahead for the position
 * after a suggestion is accepted. It lives while the typing stays on the way there (typing through
 * the suggestion) and is aborted when the typing leaves it.
 */
import { anchorOf, typedAfter } from './anchor';
import type { Suggestion, Timers } from './types';

const SUFFIX_KEY_CHARS = 100;

/** What a running request reports before it is done. */
export interface RunProgress {
  /** The text the completion will start with, for matching what the user types meanwhile. */
  pending(text: string): void;
  /** A first part worth showing already (its first lines), while the rest still streams. */
  early(suggestion: Suggestion): void;
}

export type RunModel = (signal: AbortSignal, progress: RunProgress) => Promise<Suggestion | undefined>;

/** The way to a follow-up's position: from `anchor`, typing (or accepting) `text`. */
export interface FollowUpPath {
  anchor: string;
  text: string;
}

export class InflightRequest {
  readonly controller = new AbortController();
  readonly settled: Promise<Suggestion | undefined>;
  /** Resolves with the early part, or with the final suggestion if none came first. */
  readonly firstShowable: Promise<Suggestion | undefined>;
  /** What the stream filters have let through so far. */
  pending = '';
  /** An early part went out: the rest is worth finishing even with nobody waiting. */
  earlyShown = false;
  done = false;
  waiters = 0;
  graceTimer: unknown;

  constructor(
    readonly anchor: string,
    readonly suffixKey: string,
    readonly path: FollowUpPath | undefined,
    run: RunModel,
  ) {
    let showEarly: (suggestion: Suggestion) => void = () => undefined;
    const early = new Promise<Suggestion>((resolve) => (showEarly = resolve));
    this.settled = run(this.controller.signal, {
      pending: (text) => {
        this.pending = text;
      },
      early: (suggestion) => {
        this.earlyShown = true;
        showEarly(suggestion);
      },
    }).finally(() => {
      this.done = true;
      // Closes the HTTP stream when the filters decided before the model finished.
      this.controller.abort();
    });
    this.firstShowable = Promise.race([early, this.settled]);
  }

  /** What the user typed since this request's position, if the cursor went on from it. */
  typedSince(prefix: string, suffix: string): string | undefined {
    return suffix.slice(0, SUFFIX_KEY_CHARS) === this.suffixKey ? typedAfter(prefix, this.anchor) : undefined;
  }

  /** Typed text that a pending or final completion may still continue. */
  stillMatches(typed: string): boolean {
    return this.pending.length >= typed.length ? this.pending.startsWith(typed) : typed.startsWith(this.pending);
  }

  /** A follow-up whose position the typing is still heading for. */
  onTheWay(prefix: string): boolean {
    if (this.path === undefined) return false;
    const typed = typedAfter(prefix, this.path.anchor);
    return typed !== undefined && this.path.text.startsWith(typed);
  }
}

export interface InflightMatch {
  request: InflightRequest;
  /** What the user typed since the request's position. */
  typed: string;
}

export class InflightRequests {
  private regular: InflightRequest | undefined;
  private followUp: InflightRequest | undefined;

  /** `graceMs` 0: the request dies with its last waiter (the baselines' behaviour). */
  constructor(
    private readonly timers: Timers,
    private readonly graceMs: number,
  ) {}

  /** The running request this position can reuse; requests the typing left are aborted here. */
  match(prefix: string, suffix: string): InflightMatch | undefined {
    let found: InflightMatch | undefined;
    for (const request of [this.followUp, this.regular]) {
      if (request === undefined || request.done) continue;
      const typed = request.typedSince(prefix, suffix);
      const matches = typed !== undefined && request.stillMatches(typed);
      if (matches && found === undefined) found = { request, typed };
      else if (!matches && !request.onTheWay(prefix)) this.abort(request);
    }
    return found;
  }

  /** Starts the regular request at this position, aborting the previous one. */
  start(prefix: string, suffix: string, run: RunModel): InflightRequest {
    if (this.regular !== undefined) this.abort(this.regular);
    const request = this.track(new InflightRequest(anchorOf(prefix), suffix.slice(0, SUFFIX_KEY_CHARS), undefined, run));
    this.regular = request;
    return request;
  }

  /** Starts a follow-up for the position `path` leads to, replacing any earlier follow-up. */
  startFollowUp(prefix: string, suffix: string, path: FollowUpPath, run: RunModel): InflightRequest {
    if (this.followUp !== undefined) this.abort(this.followUp);
    const request = this.track(new InflightRequest(anchorOf(prefix), suffix.slice(0, SUFFIX_KEY_CHARS), path, run));
    this.followUp = request;
    return request;
  }

  /** A follow-up for exactly this position is already running. */
  hasFollowUpAt(prefix: string): boolean {
    return this.followUp !== undefined && !this.followUp.done && this.followUp.anchor === anchorOf(prefix);
  }

  /**
   * The rest of the completion after `typed`, or undefined if it diverged, came back empty or
   * `signal` aborted. Resolves with the early part when one comes before the end.
   */
  wait(request: InflightRequest, typed: string, signal: AbortSignal): Promise<Suggestion | undefined> {
    if (signal.aborted) return Promise.resolve(undefined);
    this.attach(request);
    return new Promise((resolve) => {
      const onAbort = (): void => {
        this.detach(request);
        resolve(undefined);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle = (suggestion: Suggestion | undefined): void => {
        if (signal.aborted) return;
        signal.removeEventListener('abort', onAbort);
        this.detach(request);
        resolve(remainderAfter(suggestion, typed));
      };
      // The early part may end before what was typed: then only the final one can say more.
      void request.firstShowable.then((first) => {
        if (remainderAfter(first, typed) !== undefined || request.done) settle(first);
        else void request.settled.then(settle);
      });
    });
  }

  abortAll(): void {
    for (const request of [this.regular, this.followUp]) if (request !== undefined) this.abort(request);
  }

  private track(request: InflightRequest): InflightRequest {
    void request.settled.then(() => {
      if (this.regular === request) this.regular = undefined;
      if (this.followUp === request) this.followUp = undefined;
    });
    return request;
  }

  private attach(request: InflightRequest): void {
    request.waiters++;
    if (request.graceTimer !== undefined) {
      this.timers.clearTimeout(request.graceTimer);
      request.graceTimer = undefined;
    }
  }

  /**
   * The last waiter left. A follow-up nobody waited for yet is not orphaned (it waits for the user
   * to arrive), nor is a request whose first part is on screen (its rest is what accepting shows).
   */
  private detach(request: InflightRequest): void {
    request.waiters--;
    if (request.waiters > 0 || request.done || request.earlyShown) return;
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
    if (this.regular === request) this.regular = undefined;
    if (this.followUp === request) this.followUp = undefined;
    if (request.graceTimer !== undefined) this.timers.clearTimeout(request.graceTimer);
    request.controller.abort();
  }
}

function remainderAfter(suggestion: Suggestion | undefined, typed: string): Suggestion | undefined {
  if (suggestion === undefined || suggestion.text.length <= typed.length || !suggestion.text.startsWith(typed)) {
    return undefined;
  }
  return { ...suggestion, text: suggestion.text.slice(typed.length) };
}
