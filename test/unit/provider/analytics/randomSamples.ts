/** Deterministic pseudo-random latencies for the tests, spread log-uniformly over a range. */
import { seededRandom } from '../../../../bench/inline/rng';

export function logUniformSamples(count: number, fromMs: number, toMs: number, seed: number): number[] {
  const random = seededRandom(seed);
  const span = Math.log(toMs / fromMs);
  return Array.from({ length: count }, () => fromMs * Math.exp(random() * span));
}
