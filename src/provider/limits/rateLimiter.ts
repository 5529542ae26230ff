/**
 * Local rate limits per user: window limits fail fast with a `retryAfter`, the concurrency limit
 * queues (FIFO, bounded, cancellable). Usage is counted when a request gets its slot and the token
 * estimate is corrected to the actual count on release.
 */
import * as l10n from '@vscode/l10n';
import { AbortError, InvalidConfigError, RateLimitError } from '../errors';
import { type RateLimitStatus } from '../types';
import { type RateLimits, RateLimitsSchema } from './rateLimits';
import { type RecordedAt, type WindowCounters, UserWindows, WindowCountersSchema } from './userWindows';

/** Synchronous so the extension can back it with globalState (persisted across restarts and windows). */
export interface RateLimitStore {
  /** What was saved, as stored: the limiter validates it (anything invalid starts fresh). */
  load(userId: string): unknown;
  save(userId: string, counters: WindowCounters): void;
  /**
   * True once after the stored counters were deleted (Delete My Data, in this window or another):
   * the limiter then starts every window afresh instead of writing the deleted counts back.
   */
  erasedSinceLoad?(): boolean;
}

/** A granted request's slot: release it once with the actual tokens when the request ends. */
export interface RateLimitLease {
  /** Records the actual tokens and frees the concurrency slot; later calls do nothing. */
  release(actualTokens: number): void;
}

/** The clock, the store that keeps the counters across restarts, and how many requests may queue per user (default 32). */
export interface RateLimiterOptions {
  now?: () => number;
  store?: RateLimitStore;
  /** Requests that may wait for a concurrency slot per user; more are refused. */
  maxQueue?: number;
}

interface Waiter {
  grant: () => void;
  abort: () => void;
}

interface UserState {
  windows: UserWindows;
  active: number;
  queue: Waiter[];
}

const DEFAULT_MAX_QUEUE = 32;

/**
 * Local limits per user: sliding minute, hour and day windows for requests and tokens, and a concurrency limit with a
 * cancellable FIFO queue. acquire() throws RateLimitError (retryAfter in seconds) when a window is full or the queue is,
 * AbortError when its signal fires while waiting, InvalidConfigError for invalid limits.
 */
export class RateLimiter {
  private limits: RateLimits;
  private readonly now: () => number;
  private readonly store?: RateLimitStore;
  private readonly maxQueue: number;
  private readonly users = new Map<string, UserState>();

  constructor(limits: RateLimits, options: RateLimiterOptions = {}) {
    this.limits = validLimits(limits);
    this.now = options.now ?? Date.now;
    this.store = options.store;
    this.maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
  }

  /** Reports whether one more request would pass the window limits now; consumes nothing. */
  check(userId: string): RateLimitStatus {
    const now = this.now();
    const { windows } = this.user(userId);
    const blocked = windows.blocked(now, this.limits, 1);
    if (blocked) {
      return { allowed: false, remaining: 0, resetTime: new Date(now + blocked.waitMs), retryAfter: toSeconds(blocked.waitMs) };
    }
    const { remaining, nextDropMs } = windows.remaining(now, this.limits);
    return { allowed: true, remaining, resetTime: new Date(now + nextDropMs) };
  }

  /**
   * What `userId` used of the day limits: requests and tokens (estimates corrected by the usage
   * reported at release) in the trailing 24 hours. Counts only requests that went through the
   * limiter, so nothing while the `rateLimiting` switch is off.
   */
  dayUsage(userId: string): { requests: number; tokens: number } {
    return this.user(userId).windows.dayUsed(this.now());
  }

  async acquire(userId: string, opts: { estimatedTokens: number; signal?: AbortSignal }): Promise<RateLimitLease> {
    const { signal } = opts;
    if (signal?.aborted) throw new AbortError();
    const tokens = Number.isFinite(opts.estimatedTokens) ? Math.max(0, Math.ceil(opts.estimatedTokens)) : 0;
    const user = this.user(userId);
    const blocked = user.windows.blocked(this.now(), this.limits, tokens);
    if (blocked) {
      const seconds = toSeconds(blocked.waitMs);
      throw new RateLimitError(l10n.t('The local rate limit of {0} {1} was reached; retry in {2} s.', blocked.limit, blocked.label, seconds), seconds);
    }
    if (user.queue.length === 0 && user.active < this.limits.concurrentRequests) return this.grant(userId, user, tokens);
    if (user.queue.length >= this.maxQueue) {
      throw new RateLimitError(l10n.t("The local rate limit's queue is full: {0} requests are already waiting for a free slot.", user.queue.length), 1);
    }
    return new Promise<RateLimitLease>((resolve, reject) => {
      const onAbort = () => waiter.abort();
      const leaveQueue = () => {
        user.queue.splice(user.queue.indexOf(waiter), 1);
        user.windows.reserved.requests -= 1;
        user.windows.reserved.tokens -= tokens;
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        grant: () => {
          leaveQueue();
          resolve(this.grant(userId, user, tokens));
        },
        abort: () => {
          leaveQueue();
          reject(new AbortError());
        },
      };
      user.windows.reserved.requests += 1;
      user.windows.reserved.tokens += tokens;
      user.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  setLimits(limits: RateLimits): void {
    this.limits = validLimits(limits);
    for (const user of this.users.values()) this.drain(user);
  }

  private grant(userId: string, user: UserState, estimatedTokens: number): RateLimitLease {
    user.active += 1;
    // The windows this request counts in: after an erasure they are replaced, and the release adjusts the old ones.
    const windows = user.windows;
    const recordedAt: RecordedAt = windows.record(this.now(), estimatedTokens);
    this.persist(userId, user);
    let released = false;
    return {
      release: (actualTokens: number) => {
        if (released) return;
        released = true;
        user.active -= 1;
        if (Number.isFinite(actualTokens)) windows.adjustTokens(recordedAt, Math.max(0, actualTokens) - estimatedTokens);
        this.persist(userId, user);
        this.drain(user);
      },
    };
  }

  private drain(user: UserState): void {
    while (user.active < this.limits.concurrentRequests && user.queue.length > 0) user.queue[0].grant();
  }

  /** After an erasure every user's counts start at zero; requests in flight keep their slots. */
  private forgetIfErased(): void {
    if (!this.store?.erasedSinceLoad?.()) return;
    for (const user of this.users.values()) {
      const fresh = new UserWindows();
      // Waiters still queued hold reservations that their own release takes back.
      Object.assign(fresh.reserved, user.windows.reserved);
      user.windows = fresh;
    }
  }

  private user(userId: string): UserState {
    this.forgetIfErased();
    let user = this.users.get(userId);
    if (!user) {
      const parsed = WindowCountersSchema.safeParse(this.store?.load(userId));
      user = { windows: new UserWindows(parsed.success ? parsed.data : undefined), active: 0, queue: [] };
      this.users.set(userId, user);
    }
    return user;
  }

  private persist(userId: string, user: UserState): void {
    this.forgetIfErased();
    this.store?.save(userId, user.windows.counters(this.now()));
  }
}

function validLimits(limits: RateLimits): RateLimits {
  const parsed = RateLimitsSchema.safeParse(limits);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidConfigError(l10n.t('Invalid rate limits: {0}', issue.message), ['rateLimits', ...issue.path.map(String)].join('.'));
}

function toSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
