/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
export function percentile(sortedAscending: readonly number[], p: number): number {
  const n = sortedAscending.length;
  if (n === 0) return 0;
  const clamped = Math.min(100, Math.max(0, p));
  return sortedAscending[nearestRank(n, clamped) - 1];
}

/** 1-based rank of the p-th percentile among n samples (p in [0, 100], n >= 1). */
export function nearestRank(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
}
