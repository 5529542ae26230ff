/**
 * One user's minute, hour and day windows: what each limit has used, what blocks a request and for
 * how long, and the persisted form (so a restart, or a window opened later, keeps the daily quota).
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { type RateLimits } from './rateLimits';
import { BucketSchema, SlidingWindow, type WindowField } from './slidingWindow';

/** Validates one user's stored counters (versioned minute, hour and day buckets) read back from a RateLimitStore. */
export const WindowCountersSchema = z.object({
  v: z.literal(1),
  minute: z.array(BucketSchema),
  hour: z.array(BucketSchema),
  day: z.array(BucketSchema),
});
/** One user's window counters as a RateLimitStore keeps them. */
export type WindowCounters = z.infer<typeof WindowCountersSchema>;

type WindowName = 'minute' | 'hour' | 'day';

/** Window length and bucket size: the bucket is the over-count a window may carry. */
const WINDOW_SIZES: Record<WindowName, { lengthMs: number; bucketMs: number }> = {
  minute: { lengthMs: 60_000, bucketMs: 1_000 },
  hour: { lengthMs: 3_600_000, bucketMs: 60_000 },
  day: { lengthMs: 86_400_000, bucketMs: 900_000 },
};

interface LimitCheck {
  label: string;
  window: WindowName;
  field: WindowField;
  limit: (limits: RateLimits) => number;
}

const CHECKS: readonly LimitCheck[] = [
  { label: l10n.t('requests per minute'), window: 'minute', field: 'requests', limit: (l) => l.requestsPerMinute },
  { label: l10n.t('requests per hour'), window: 'hour', field: 'requests', limit: (l) => l.requestsPerHour },
  { label: l10n.t('requests per day'), window: 'day', field: 'requests', limit: (l) => l.requestsPerDay },
  { label: l10n.t('tokens per minute'), window: 'minute', field: 'tokens', limit: (l) => l.tokensPerMinute },
  { label: l10n.t('tokens per day'), window: 'day', field: 'tokens', limit: (l) => l.tokensPerDay },
];

export interface Blocked {
  waitMs: number;
  label: string;
  limit: number;
}

/** Where a request's usage was recorded, to correct its token estimate later. */
export type RecordedAt = Record<WindowName, number>;

export class UserWindows {
  private readonly windows: Record<WindowName, SlidingWindow>;
  /** Admitted requests still waiting for a concurrency slot: they count against every limit. */
  readonly reserved = { requests: 0, tokens: 0 };

  constructor(counters?: WindowCounters) {
    const make = (name: WindowName) =>
      new SlidingWindow(WINDOW_SIZES[name].lengthMs, WINDOW_SIZES[name].bucketMs, counters?.[name]);
    this.windows = { minute: make('minute'), hour: make('hour'), day: make('day') };
  }

  /**
   * The limit that blocks one more request carrying `tokens`, with the longest wait, or undefined.
   * A request larger than a token limit is checked as exactly the limit: it fits an empty window.
   */
  blocked(now: number, limits: RateLimits, tokens: number): Blocked | undefined {
    let worst: Blocked | undefined;
    for (const check of CHECKS) {
      const limit = check.limit(limits);
      const need = check.field === 'requests' ? 1 : Math.min(tokens, limit);
      const waitMs = this.windows[check.window].waitMs(now, check.field, need, this.reserved[check.field], limit);
      if (waitMs > 0 && (!worst || waitMs > worst.waitMs)) worst = { waitMs, label: check.label, limit };
    }
    return worst;
  }

  /** Requests left in the tightest request window, and ms until that window next frees one. */
  remaining(now: number, limits: RateLimits): { remaining: number; nextDropMs: number } {
    let tightest = { remaining: Infinity, nextDropMs: 0 };
    for (const check of CHECKS) {
      if (check.field !== 'requests') continue;
      const window = this.windows[check.window];
      const left = check.limit(limits) - window.used(now, 'requests') - this.reserved.requests;
      if (left < tightest.remaining) tightest = { remaining: left, nextDropMs: window.nextDropMs(now) };
    }
    return { remaining: Math.max(0, tightest.remaining), nextDropMs: tightest.nextDropMs };
  }

  /** Requests and tokens counted in the day window (the trailing 24 hours). */
  dayUsed(now: number): { requests: number; tokens: number } {
    return { requests: this.windows.day.used(now, 'requests'), tokens: this.windows.day.used(now, 'tokens') };
  }

  record(now: number, tokens: number): RecordedAt {
    return {
      minute: this.windows.minute.record(now, 1, tokens),
      hour: this.windows.hour.record(now, 1, tokens),
      day: this.windows.day.record(now, 1, tokens),
    };
  }

  adjustTokens(at: RecordedAt, delta: number): void {
    for (const name of Object.keys(this.windows) as WindowName[]) this.windows[name].adjustTokens(at[name], delta);
  }

  counters(now: number): WindowCounters {
    for (const window of Object.values(this.windows)) window.prune(now);
    return {
      v: 1,
      minute: this.windows.minute.snapshot(),
      hour: this.windows.hour.snapshot(),
      day: this.windows.day.snapshot(),
    };
  }
}
