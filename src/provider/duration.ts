/**
 * Durations as people read them: "850 ms", "2.5 s", "60 s", "3 min". Every duration that reaches a
 * user (messages, notifications, the status bar) goes through here, never as a raw "60000 ms".
 */

/** Below 1 s in ms; below 1 min in seconds with one decimal (none when whole); below 2 min in whole seconds; then whole minutes. */
export function formatDuration(ms: number): string {
  const value = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${Number((value / 1000).toFixed(1))} s`;
  if (value < 120_000) return `${Math.round(value / 1000)} s`;
  return `${Math.round(value / 60_000)} min`; // not UI text: a unit symbol, as s and ms
}
