/**
 * The order the clients run in, round by round, so none always runs right after the same other one
 * (and pays for its garbage collection, or enjoys its warmed caches). Rounds go through the
 * rotations of the order (a,b,c / b,c,a / c,a,b), then the rotations of the reversed order
 * (c,b,a / b,a,c / a,c,b): rotation alone keeps a → b → c → a, so b would always follow a. For
 * three clients that cycle is every permutation: over each 2n rounds every client runs in every
 * position equally often and right after every other client equally often.
 */
export function runOrder<T>(clients: readonly T[], round: number): T[] {
  const n = clients.length;
  if (n === 0) return [];
  const cycle = 2 * n;
  const inCycle = ((round % cycle) + cycle) % cycle;
  const base = inCycle < n ? [...clients] : [...clients].reverse();
  const shift = inCycle % n;
  return [...base.slice(shift), ...base.slice(0, shift)];
}
