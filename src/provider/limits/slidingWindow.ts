/**
 * A sliding window made of fixed-size buckets. A bucket counts while any part of it lies inside the
 * window, so the window over-counts by at most one bucket and never under-counts: a limit is never
 * exceeded, and `waitMs` is exact for this model (usage only drops when a whole bucket leaves).
 */
import * as z from 'zod';

export const BucketSchema = z.object({
  /** Epoch ms, a multiple of the window's bucket size. */
  start: z.number().int(),
  requests: z.number().int().nonnegative(),
  tokens: z.number().nonnegative(),
});
export type Bucket = z.infer<typeof BucketSchema>;

export type WindowField = 'requests' | 'tokens';

export class SlidingWindow {
  private buckets: Bucket[];

  constructor(
    readonly lengthMs: number,
    readonly bucketMs: number,
    buckets: readonly Bucket[] = [],
  ) {
    this.buckets = [...buckets].sort((a, b) => a.start - b.start).map((b) => ({ ...b }));
  }

  /** When a bucket stops counting: its end has slid out of the window. */
  private expiry(bucket: Bucket): number {
    return bucket.start + this.bucketMs + this.lengthMs;
  }

  prune(now: number): void {
    const firstLive = this.buckets.findIndex((b) => this.expiry(b) > now);
    // Every check prunes each window: copy nothing unless a bucket actually left.
    if (firstLive === -1) this.buckets = [];
    else if (firstLive > 0) this.buckets = this.buckets.slice(firstLive);
  }

  used(now: number, field: WindowField): number {
    this.prune(now);
    return this.buckets.reduce((sum, b) => sum + b[field], 0);
  }

  /** Records usage at `now`; returns the bucket start so the tokens can be corrected later. */
  record(now: number, requests: number, tokens: number): number {
    this.prune(now);
    const start = Math.floor(now / this.bucketMs) * this.bucketMs;
    const last = this.buckets.at(-1);
    if (last && last.start === start) {
      last.requests += requests;
      last.tokens += tokens;
    } else {
      this.buckets.push({ start, requests, tokens });
    }
    return start;
  }

  /** Corrects the tokens recorded in one bucket (estimate -> actual); a bucket already gone is ignored. */
  adjustTokens(start: number, delta: number): void {
    const bucket = this.buckets.find((b) => b.start === start);
    if (bucket) bucket.tokens = Math.max(0, bucket.tokens + delta);
  }

  /**
   * Milliseconds until `used + reserved + need <= limit`. `reserved` never expires on its own (queued
   * requests not yet recorded), so when it alone blocks, the answer is one window: by then the
   * reservation has been recorded and has left the window again.
   */
  waitMs(now: number, field: WindowField, need: number, reserved: number, limit: number): number {
    let used = this.used(now, field) + reserved;
    if (used + need <= limit) return 0;
    for (const bucket of this.buckets) {
      used -= bucket[field];
      if (used + need <= limit) return this.expiry(bucket) - now;
    }
    return this.lengthMs + this.bucketMs;
  }

  /** Milliseconds until the oldest live bucket leaves (usage next drops); 0 when empty. */
  nextDropMs(now: number): number {
    this.prune(now);
    const oldest = this.buckets[0];
    return oldest ? this.expiry(oldest) - now : 0;
  }

  snapshot(): Bucket[] {
    return this.buckets.map((b) => ({ ...b }));
  }
}
