/**
 * Where analytics events and their daily aggregates live. Ranges are epoch ms, start inclusive and end
 * exclusive; aggregates and retention work in whole UTC days.
 */
import { type AnalyticsEvent } from './analyticsEvent';
import { type DailyAggregate, DAY_MS, DayAggregator, dayOverlaps, dayStart, utcDay } from './dailyAggregate';

/** Epoch ms, start inclusive, end exclusive. */
export interface TimeRange {
  start: number;
  end: number;
}

/**
 * Where analytics events and their daily aggregates live (the extension's is file-backed; MemoryAnalyticsStore for tests and
 * the stand-alone module). Methods reject when the storage fails.
 */
export interface AnalyticsStore {
  append(event: AnalyticsEvent): Promise<void>;
  /** The events with start <= time < end, for export. */
  events(range: TimeRange): AsyncIterable<AnalyticsEvent>;
  /** The aggregates of every UTC day that overlaps the range, oldest first. */
  dailyAggregates(range: TimeRange): Promise<DailyAggregate[]>;
  /** Deletes every day that ended at or before `olderThan` (epoch ms). */
  prune(olderThan: number): Promise<void>;
  deleteAll(): Promise<void>;
}

/** An AnalyticsStore in memory: forgotten when the process ends. */
export class MemoryAnalyticsStore implements AnalyticsStore {
  private readonly days = new Map<string, { events: AnalyticsEvent[]; aggregate: DayAggregator }>();

  async append(event: AnalyticsEvent): Promise<void> {
    const key = utcDay(event.time);
    let day = this.days.get(key);
    if (!day) {
      day = { events: [], aggregate: new DayAggregator(key) };
      this.days.set(key, day);
    }
    day.events.push(event);
    day.aggregate.add(event);
  }

  async appendMany(events: readonly AnalyticsEvent[]): Promise<void> {
    for (const event of events) await this.append(event);
  }

  async *events(range: TimeRange): AsyncIterable<AnalyticsEvent> {
    for (const key of this.sortedDays()) {
      if (!dayOverlaps(key, range)) continue;
      for (const event of this.days.get(key)?.events ?? []) {
        if (event.time >= range.start && event.time < range.end) yield event;
      }
    }
  }

  async dailyAggregates(range: TimeRange): Promise<DailyAggregate[]> {
    return this.sortedDays()
      .filter((key) => dayOverlaps(key, range))
      .map((key) => this.days.get(key)!.aggregate.toJSON());
  }

  async prune(olderThan: number): Promise<void> {
    for (const key of [...this.days.keys()]) if (dayStart(key) + DAY_MS <= olderThan) this.days.delete(key);
  }

  async deleteAll(): Promise<void> {
    this.days.clear();
  }

  private sortedDays(): string[] {
    return [...this.days.keys()].sort();
  }
}
