/**
 * A latency histogram with fixed log-spaced buckets: each bucket spans 2%, so a quantile read from it
 * is within 1% (relative) of the exact nearest-rank value for latencies from 1 ms to 10 minutes.
 * Below 1 ms the error is under 1 ms; above 10 minutes one overflow bucket reports the maximum seen.
 * Histograms with the same buckets merge by adding counts, which is what daily aggregates rely on.
 */
import * as z from 'zod';
import { nearestRank } from './percentile';

const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
const MIN_MS = 1;
const MAX_MS = 600_000;
const LOG_BUCKETS = Math.ceil(Math.log(MAX_MS / MIN_MS) / LOG_GROWTH);
/** Index 0 holds [0, 1 ms), 1..LOG_BUCKETS the log buckets, the last one everything from 10 minutes. */
const BUCKET_COUNT = LOG_BUCKETS + 2;
const OVERFLOW = BUCKET_COUNT - 1;
/** Fine buckets per bar of the report chart (1.02^12 ≈ 1.27× per bar). */
const CHART_GROUP = 12;
/** Fewest bars a chart gets: data in one or two bars is shown amid empty neighbours, not as one wide block. */
const MIN_CHART_BARS = 9;

/** The largest relative error of a quantile read from a LatencyHistogram (about 1%). */
export const HISTOGRAM_RELATIVE_ERROR = (GROWTH - 1) / (GROWTH + 1);

/** Validates a stored LatencyHistogram (bucket counts, count, sum, max in ms). */
export const LatencyHistogramDataSchema = z.object({
  count: z.number().int().nonnegative(),
  sum: z.number().nonnegative(),
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
  /** Sparse [bucket index, count] pairs. */
  buckets: z.array(z.tuple([z.number().int().min(0).max(OVERFLOW), z.number().int().positive()])),
});
export type LatencyHistogramData = z.infer<typeof LatencyHistogramDataSchema>;

export interface ChartBucket {
  fromMs: number;
  toMs: number;
  count: number;
}

/**
 * Latencies in fixed log-spaced buckets (ms): mergeable, and quantiles within HISTOGRAM_RELATIVE_ERROR of the exact nearest-
 * rank value from 1 ms to 10 minutes.
 */
export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKET_COUNT);
  private total = 0;
  private sum = 0;
  private min = Infinity;
  private max = 0;

  static fromJSON(data: LatencyHistogramData): LatencyHistogram {
    const histogram = new LatencyHistogram();
    histogram.merge(data);
    return histogram;
  }

  get count(): number {
    return this.total;
  }

  add(valueMs: number): void {
    const value = Number.isFinite(valueMs) && valueMs > 0 ? valueMs : 0;
    this.counts[bucketIndex(value)] += 1;
    this.total += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  merge(other: LatencyHistogram | LatencyHistogramData): void {
    const data = other instanceof LatencyHistogram ? other.toJSON() : other;
    if (data.count === 0) return;
    for (const [index, count] of data.buckets) this.counts[index] += count;
    this.total += data.count;
    this.sum += data.sum;
    this.min = Math.min(this.min, data.min);
    this.max = Math.max(this.max, data.max);
  }

  mean(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  /** The nearest-rank p-th percentile (p in [0, 100]) within the stated error; 0 when empty. */
  quantile(p: number): number {
    if (this.total === 0) return 0;
    const rank = nearestRank(this.total, Math.min(100, Math.max(0, p)));
    if (rank === 1) return this.min;
    if (rank === this.total) return this.max;
    let seen = 0;
    for (let index = 0; index < BUCKET_COUNT; index++) {
      seen += this.counts[index];
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, representative(index, this.max)));
    }
    return this.max;
  }

  /**
   * Coarse bars for a chart, from the first to the last non-empty one, widened with empty bars on
   * both sides to at least MIN_CHART_BARS (fewer only when the scale ends); [] when empty.
   */
  chartBuckets(): ChartBucket[] {
    const bars: ChartBucket[] = [];
    for (let first = 0; first < BUCKET_COUNT; first += CHART_GROUP) {
      const last = Math.min(BUCKET_COUNT, first + CHART_GROUP) - 1;
      let count = 0;
      for (let index = first; index <= last; index++) count += this.counts[index];
      bars.push({ fromMs: bucketBounds(first)[0], toMs: bucketBounds(last)[1], count });
    }
    const first = bars.findIndex((bar) => bar.count > 0);
    if (first === -1) return [];
    const last = bars.length - [...bars].reverse().findIndex((bar) => bar.count > 0);
    const missing = Math.max(0, MIN_CHART_BARS - (last - first));
    const start = Math.max(0, first - Math.floor(missing / 2));
    const end = Math.min(bars.length, Math.max(last, start + MIN_CHART_BARS));
    return bars.slice(Math.max(0, Math.min(start, end - MIN_CHART_BARS)), end);
  }

  toJSON(): LatencyHistogramData {
    const buckets: [number, number][] = [];
    for (let index = 0; index < BUCKET_COUNT; index++) if (this.counts[index] > 0) buckets.push([index, this.counts[index]]);
    return { count: this.total, sum: this.sum, min: this.total === 0 ? 0 : this.min, max: this.max, buckets };
  }
}

function bucketIndex(value: number): number {
  if (value < MIN_MS) return 0;
  if (value >= MAX_MS) return OVERFLOW;
  return Math.min(LOG_BUCKETS, 1 + Math.floor(Math.log(value / MIN_MS) / LOG_GROWTH));
}

/** [from, to) in ms; the overflow bucket ends at Infinity. */
function bucketBounds(index: number): [number, number] {
  if (index === 0) return [0, MIN_MS];
  if (index === OVERFLOW) return [MAX_MS, Infinity];
  return [MIN_MS * GROWTH ** (index - 1), Math.min(MAX_MS, MIN_MS * GROWTH ** index)];
}

/** The value with the same relative error to both ends of the bucket (harmonic mean of its bounds). */
function representative(index: number, max: number): number {
  if (index === OVERFLOW) return max;
  const [from, to] = bucketBounds(index);
  return index === 0 ? to / 2 : (2 * from * to) / (from + to);
}
