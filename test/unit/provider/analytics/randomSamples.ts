/** Deterministic pseudo-random latencies for the tests (mulberry32), spread log-uniformly over a range. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function logUniformSamples(count: number, fromMs: number, toMs: number, seed: number): number[] {
  const random = seededRandom(seed);
  const span = Math.log(toMs / fromMs);
  return Array.from({ length: count }, () => fromMs * Math.exp(random() * span));
}
