/** The report periods and the time range a "last N days" choice covers: N whole UTC days, today included, up to now. */
// No imports: the report webview bundles this file for REPORT_PERIODS.

/** One UTC day in milliseconds. */
export const DAY_MS = 86_400_000;

/** The periods the Performance Report and Export Analytics offer, in days. */
export const REPORT_PERIODS = [7, 30, 90] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface Period {
  start: Date;
  end: Date;
}

export function lastDays(days: number, nowMs: number): Period {
  const start = Math.floor(nowMs / DAY_MS) * DAY_MS - (Math.max(1, Math.floor(days)) - 1) * DAY_MS;
  // End is exclusive in the store: one ms past now keeps an event stamped this very ms.
  return { start: new Date(start), end: new Date(nowMs + 1) };
}

/** Since the epoch: every event the store still keeps. */
export function allTime(nowMs: number): Period {
  return { start: new Date(0), end: new Date(nowMs + 1) };
}
