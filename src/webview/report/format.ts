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

/** Short form for chart axes: 850ms, 1.2s, 2m. */
export function formatMsAxis(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  return `${Number((ms / 60_000).toFixed(1))}m`;
}

/** A latency bucket as "250 ms – 500 ms", or "≥ 8.00 s" when open-ended (toMs null). */
export function formatBucketRange(bucket: { fromMs: number; toMs: number | null }): string {
  return bucket.toMs === null ? `≥ ${formatMs(bucket.fromMs)}` : `${formatMs(bucket.fromMs)} – ${formatMs(bucket.toMs)}`;
}
