/** How the report writes its numbers: fixed en-US formats so the page reads the same everywhere. */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** 1,234 below ten thousand, then 12.3K, 4.5M. */
export function formatTokens(value: number): string {
  return value < 10_000 ? integer.format(value) : compact.format(value);
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 60_000).toFixed(1)} min`; // not UI text: a unit symbol, as s and ms
}

export { formatUsd } from '../../provider/usd';

/** "Nov 20" for a YYYY-MM-DD UTC day. */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** The units a chart axis of durations is labelled in, and their length in ms. */
export const DURATION_UNITS = { ms: 1, s: 1000, min: 60_000 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** The one unit of an axis whose durations reach `largestMs`: ms below a second, s below five minutes, else min. */
export function durationUnit(largestMs: number): DurationUnit {
  return largestMs < 1000 ? 'ms' : largestMs < 5 * 60_000 ? 's' : 'min';
}

/**
 * Short form for a chart axis, every label in the axis's one unit: 0s, 0.5s, 20s (never "1m / 40s / 0ms").
 * `significant` digits at most: 6 keeps nice ticks exact; a log-spaced bucket edge (0.231765 s) reads best at 2 (0.23s).
 */
export function formatMsIn(unit: DurationUnit, significant = 6): (ms: number) => string {
  return (ms) => `${Number((ms / DURATION_UNITS[unit]).toPrecision(significant))}${unit}`;
}

/** A latency bucket as "250 ms – 500 ms", or "≥ 8.00 s" when open-ended (toMs null). */
export function formatBucketRange(bucket: { fromMs: number; toMs: number | null }): string {
  return bucket.toMs === null ? `≥ ${formatMs(bucket.fromMs)}` : `${formatMs(bucket.fromMs)} – ${formatMs(bucket.toMs)}`;
}
