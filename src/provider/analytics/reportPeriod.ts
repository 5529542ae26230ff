/** The time range a "last N days" choice covers: N whole UTC days, today included, up to now. */
import { DAY_MS, dayStart, utcDay } from './dailyAggregate';

export interface Period {
  start: Date;
  end: Date;
}

export function lastDays(days: number, nowMs: number): Period {
  const start = dayStart(utcDay(nowMs)) - (Math.max(1, Math.floor(days)) - 1) * DAY_MS;
  // End is exclusive in the store: one ms past now keeps an event stamped this very ms.
  return { start: new Date(start), end: new Date(nowMs + 1) };
}

/** Since the epoch: every event the store still keeps. */
export function allTime(nowMs: number): Period {
  return { start: new Date(0), end: new Date(nowMs + 1) };
}
