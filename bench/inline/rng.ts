/** Seeded randomness, so every replay (and every test that draws samples) is repeatable; draws are keyed by position so strategies see the same typist. */

/** mulberry32: small, fast, good enough for simulation. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one (seed, key...) combination: the same keys always draw the same numbers. */
export function randomAt(seed: number, ...keys: number[]): () => number {
  let h = seed >>> 0;
  for (const key of keys) h = Math.imul(h ^ (key >>> 0), 0x9e3779b1) ^ (h >>> 16);
  return seededRandom(h);
}

/** Log-normal with the given median; `sigma` is the spread of the underlying normal. */
export function logNormal(random: () => number, medianMs: number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return medianMs * Math.exp(sigma * normal);
}

export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
