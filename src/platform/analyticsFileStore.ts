/**
 * The analytics store on disk (node:fs only, no vscode): one append-only JSONL log per UTC day, and
 * per day an aggregate kept in memory and written atomically. Writes go through one queue, so
 * concurrent appends never interleave; a crash mid-append loses only the events of that write, and
 * the cut line is skipped on reading and removed before the next append. An aggregate whose log has
 * changed size since it was written (a crash before it was saved, another editor window) is rebuilt
 * from the log when the store opens, and again before this store appends to it or writes it: a day
 * whose log another window deleted (Delete My Data) is dropped, never written back.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import {
  type AnalyticsEvent,
  type AnalyticsStore,
  type DailyAggregate,
  DAY_MS,
  DayAggregator,
  dayOverlaps,
  dayStart,
  type TimeRange,
  utcDay,
} from '../provider/analytics';
import {
  type AggregateFile,
  aggregateFile,
  eventsFile,
  listDirectory,
  readAggregateFile,
  readEvents,
  repairTail,
  writeFileAtomic,
} from './analytics/dayFiles';

export interface FileAnalyticsStoreOptions {
  now?: () => number;
  /** How long changed aggregates wait before they are written (appends are never delayed). */
  flushDelayMs?: number;
}

interface Day {
  aggregate: DayAggregator;
  /** Bytes of the log the aggregate covers. */
  logBytes: number;
  /** Whether an unterminated last line was cut in this session (done before the first append). */
  tailChecked: boolean;
}

const DEFAULT_FLUSH_DELAY_MS = 2000;

export class FileAnalyticsStore implements AnalyticsStore {
  private readonly now: () => number;
  private readonly flushDelayMs: number;
  private readonly days = new Map<string, Day>();
  private readonly dirty = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    options: FileAnalyticsStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.flushDelayMs = options.flushDelayMs ?? DEFAULT_FLUSH_DELAY_MS;
  }

  static async open(dir: string, options?: FileAnalyticsStoreOptions): Promise<FileAnalyticsStore> {
    const store = new FileAnalyticsStore(dir, options);
    await store.init();
    return store;
  }

  /** Loads every day's aggregate, rebuilding the missing, corrupt or stale ones from their logs. */
  init(): Promise<void> {
    return this.serialized(async () => {
      await fs.mkdir(this.dir, { recursive: true });
      const listing = await listDirectory(this.dir);
      await Promise.all(listing.tempFiles.map((name) => fs.rm(join(this.dir, name), { force: true })));
      this.days.clear();
      // Days are independent: read them all at once rather than one file after another.
      await Promise.all(
        listing.eventDays.map(async (day) => {
          const [saved, { size }] = await Promise.all([readAggregateFile(aggregateFile(this.dir, day)), fs.stat(eventsFile(this.dir, day))]);
          if (saved && saved.aggregate.day === day && saved.logBytes === size) {
            this.days.set(day, { aggregate: DayAggregator.fromJSON(saved.aggregate), logBytes: size, tailChecked: false });
          } else {
            await this.rebuild(day);
          }
        }),
      );
      await this.writeDirty();
    });
  }

  append(event: AnalyticsEvent): Promise<void> {
    return this.appendMany([event]);
  }

  /** One write per day touched: the fast path for bulk ingestion. */
  appendMany(events: readonly AnalyticsEvent[]): Promise<void> {
    const byDay = new Map<string, AnalyticsEvent[]>();
    for (const event of events) {
      const day = utcDay(event.time);
      const list = byDay.get(day);
      if (list) list.push(event);
      else byDay.set(day, [event]);
    }
    return this.serialized(async () => {
      for (const [key, dayEvents] of byDay) {
        const day = await this.dayForAppend(key);
        const text = dayEvents.map((event) => JSON.stringify(event) + '\n').join('');
        try {
          await fs.appendFile(eventsFile(this.dir, key), text);
        } catch (error) {
          day.tailChecked = false; // a partial write may have left a cut line: cut it before the next append
          throw error;
        }
        day.logBytes += Buffer.byteLength(text);
        for (const event of dayEvents) day.aggregate.add(event);
        this.dirty.add(key);
      }
      this.scheduleFlush();
    });
  }

  async *events(range: TimeRange): AsyncIterable<AnalyticsEvent> {
    const { eventDays } = await this.serialized(() => listDirectory(this.dir));
    for (const day of eventDays) {
      if (!dayOverlaps(day, range)) continue;
      const { events } = await readEvents(eventsFile(this.dir, day));
      for (const event of events) if (event.time >= range.start && event.time < range.end) yield event;
    }
  }

  dailyAggregates(range: TimeRange): Promise<DailyAggregate[]> {
    return this.serialized(async () => {
      const aggregates: DailyAggregate[] = [];
      for (const key of [...this.days.keys()].sort().filter((day) => dayOverlaps(day, range))) {
        const day = await this.current(key);
        if (day) aggregates.push(day.aggregate.toJSON());
      }
      return aggregates;
    });
  }

  /** Writes the aggregates changed since the last write now. */
  flush(): Promise<void> {
    return this.serialized(() => this.writeDirty());
  }

  /** Flushes and stops the flush timer; the store stays usable. */
  async close(): Promise<void> {
    this.cancelFlush();
    await this.flush();
  }

  prune(olderThan: number): Promise<void> {
    return this.serialized(async () => {
      const listing = await listDirectory(this.dir);
      const expired = (day: string) => dayStart(day) + DAY_MS <= olderThan;
      for (const day of new Set([...listing.eventDays, ...listing.aggregateDays])) {
        if (!expired(day)) continue;
        await fs.rm(eventsFile(this.dir, day), { force: true });
        await fs.rm(aggregateFile(this.dir, day), { force: true });
        this.days.delete(day);
        this.dirty.delete(day);
      }
    });
  }

  /** Removes every file this store wrote; the directory itself stays. */
  deleteAll(): Promise<void> {
    return this.serialized(async () => {
      this.cancelFlush();
      const listing = await listDirectory(this.dir);
      const files = [
        ...listing.eventDays.map((day) => eventsFile(this.dir, day)),
        ...listing.aggregateDays.map((day) => aggregateFile(this.dir, day)),
        ...listing.tempFiles.map((name) => join(this.dir, name)),
      ];
      await Promise.all(files.map((file) => fs.rm(file, { force: true })));
      this.days.clear();
      this.dirty.clear();
    });
  }

  /** The day as its log is now: the cached aggregate only while the log is the size it covers. */
  private async current(key: string): Promise<Day | undefined> {
    const day = this.days.get(key);
    if (!day) return undefined;
    const size = await fs.stat(eventsFile(this.dir, key)).then((stat) => stat.size, () => undefined);
    if (size === day.logBytes || (size === undefined && day.logBytes === 0)) return day;
    this.days.delete(key);
    if (size === undefined) return undefined;
    await this.rebuild(key);
    return this.days.get(key);
  }

  private async dayForAppend(key: string): Promise<Day> {
    let day = await this.current(key);
    if (!day) {
      day = { aggregate: new DayAggregator(key), logBytes: 0, tailChecked: false };
      this.days.set(key, day);
    }
    if (!day.tailChecked) {
      day.logBytes = await repairTail(eventsFile(this.dir, key));
      day.tailChecked = true;
    }
    return day;
  }

  private async rebuild(key: string): Promise<void> {
    const { events, bytes } = await readEvents(eventsFile(this.dir, key));
    const aggregate = new DayAggregator(key);
    for (const event of events) aggregate.add(event);
    this.days.set(key, { aggregate, logBytes: bytes, tailChecked: false });
    this.dirty.add(key);
  }

  private async writeDirty(): Promise<void> {
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) {
      const day = await this.current(key);
      if (!day) continue;
      const file: AggregateFile = { v: 1, logBytes: day.logBytes, updatedAt: this.now(), aggregate: day.aggregate.toJSON() };
      await writeFileAtomic(aggregateFile(this.dir, key), JSON.stringify(file));
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush().catch(() => {
        // The log is the source of truth: a failed aggregate write is rebuilt from it on the next open.
      });
    }, this.flushDelayMs);
    this.flushTimer.unref();
  }

  private cancelFlush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
  }

  /** Runs after everything queued before it, so appends, reads of aggregates and deletions never overlap. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
