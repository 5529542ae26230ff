/**
 * The analytics directory layout: per UTC day an append-only event log (events-YYYY-MM-DD.jsonl) and
 * its aggregate (aggregate-YYYY-MM-DD.json), plus the temp files an atomic write leaves behind if it
 * is interrupted. Everything read back is parsed with zod.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { type AnalyticsEvent, AnalyticsEventSchema, DailyAggregateSchema } from '../../provider/analytics';

const EVENTS_FILE = /^events-(\d{4}-\d{2}-\d{2})\.jsonl$/;
const AGGREGATE_FILE = /^aggregate-(\d{4}-\d{2}-\d{2})\.json$/;
const TEMP_FILE = /^aggregate-\d{4}-\d{2}-\d{2}\.json\.[\w.-]+\.tmp$/;

export const AggregateFileSchema = z.object({
  v: z.literal(1),
  /** Size of the event log this aggregate was computed from; a different size means it is stale. */
  logBytes: z.number().int().nonnegative(),
  updatedAt: z.number(),
  aggregate: DailyAggregateSchema,
});
export type AggregateFile = z.infer<typeof AggregateFileSchema>;

export const eventsFile = (dir: string, day: string) => join(dir, `events-${day}.jsonl`);
export const aggregateFile = (dir: string, day: string) => join(dir, `aggregate-${day}.json`);

export interface DirectoryListing {
  /** Days with an event log, oldest first. */
  eventDays: string[];
  aggregateDays: string[];
  tempFiles: string[];
}

export async function listDirectory(dir: string): Promise<DirectoryListing> {
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const days = (pattern: RegExp) => names.flatMap((name) => pattern.exec(name)?.[1] ?? []).sort();
  return { eventDays: days(EVENTS_FILE), aggregateDays: days(AGGREGATE_FILE), tempFiles: names.filter((n) => TEMP_FILE.test(n)) };
}

/** A day's valid events; lines that do not parse (a write cut short by a crash) are skipped. */
export async function readEvents(path: string): Promise<{ events: AnalyticsEvent[]; bytes: number }> {
  const buffer = await fs.readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
  const events: AnalyticsEvent[] = [];
  for (const line of buffer.toString('utf8').split('\n')) {
    if (line.length === 0) continue;
    const parsed = AnalyticsEventSchema.safeParse(parseJson(line));
    if (parsed.success) events.push(parsed.data);
  }
  return { events, bytes: buffer.length };
}

export async function readAggregateFile(path: string): Promise<AggregateFile | undefined> {
  try {
    const parsed = AggregateFileSchema.safeParse(JSON.parse(await fs.readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

let tempCounter = 0;

/** Write to a temp file, then rename over the target: readers see the old or the new file, never half. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${++tempCounter}.tmp`;
  try {
    await fs.writeFile(temp, text);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Cuts an unterminated last line (a crash mid-append) so the next append starts on a line of its own.
 * Returns the log's size afterwards (0 when there is no log).
 */
export async function repairTail(path: string): Promise<number> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    let end = size;
    const chunk = Buffer.alloc(64 * 1024);
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline !== -1) {
        end = start + newline + 1;
        break;
      }
      end = start;
    }
    if (end < size) await handle.truncate(end);
    return end;
  } finally {
    await handle.close();
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
