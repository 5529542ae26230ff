/**
 * Scale check for local analytics: ingest N synthetic events spread over D days into a
 * FileAnalyticsStore, then time a 90-day performance report (target: under 200 ms) and the same
 * report after reopening the store from disk.
 * Run alone: node out/bench/analyticsScale.js [events] [days]
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileAnalyticsStore } from '../src/platform/analyticsFileStore';
import { type AnalyticsEvent, AnalyticsTracker, DAY_MS } from '../src/provider/analytics';

export interface AnalyticsBenchResult {
  ingestMs: number;
  ingestPeakRssMb: number;
  reportMs: number;
  reportPeakRssMb: number;
  /** Opening the store again (loading every day's aggregate) plus the same report. */
  reopenAndReportMs: number;
}

const BATCH = 20_000;
const FEATURES = ['inline', 'chat', 'action'] as const;
const MODELS = ['grok-code-fast-1', 'grok-4-fast'] as const;

export async function benchAnalytics(opts: { events: number; days: number; dir: string }): Promise<AnalyticsBenchResult> {
  const end = Date.UTC(2026, 10, 1);
  const start = end - opts.days * DAY_MS;
  const spacing = (end - start) / opts.events;
  const store = await FileAnalyticsStore.open(opts.dir);

  const ingestRss = new PeakRss();
  const ingestStarted = performance.now();
  for (let first = 0; first < opts.events; first += BATCH) {
    const batch: AnalyticsEvent[] = [];
    for (let i = first; i < Math.min(opts.events, first + BATCH); i++) batch.push(syntheticEvent(i, Math.floor(start + i * spacing)));
    await store.appendMany(batch);
    ingestRss.sample();
  }
  await store.close();
  const ingestMs = performance.now() - ingestStarted;
  const ingestPeakRssMb = ingestRss.stop();

  const period = { start: new Date(end - 90 * DAY_MS), end: new Date(end) };
  const reportRss = new PeakRss();
  const reportStarted = performance.now();
  await new AnalyticsTracker({ store }).generatePerformanceReport(undefined, period);
  const reportMs = performance.now() - reportStarted;
  const reportPeakRssMb = reportRss.stop();

  const reopenStarted = performance.now();
  const reopened = await FileAnalyticsStore.open(opts.dir);
  await new AnalyticsTracker({ store: reopened }).generatePerformanceReport(undefined, period);
  const reopenAndReportMs = performance.now() - reopenStarted;

  return { ingestMs, ingestPeakRssMb, reportMs, reportPeakRssMb, reopenAndReportMs };
}

function syntheticEvent(i: number, time: number): AnalyticsEvent {
  const feature = FEATURES[i % FEATURES.length];
  const model = MODELS[(i >> 2) % MODELS.length];
  if (i % 5 === 4) return { kind: 'interaction', v: 1, time, feature: 'inline', model, action: i % 10 === 4 ? 'shown' : 'accepted', chars: i % 80 };
  const latencyMs = 80 + ((i * 7919) % 4000);
  return {
    kind: 'request',
    v: 1,
    time,
    requestId: `req-${i}`,
    userHash: '5f2b0c1e9a7d4c3b8e6f1a2d0c9b8a7e6f5d4c3b2a1908f7e6d5c4b3a2918070',
    feature,
    model,
    outcome: i % 50 === 0 ? 'error' : i % 17 === 0 ? 'aborted' : 'success',
    ...(i % 50 === 0 ? { errorCode: 'timeout' } : {}),
    latencyMs,
    ttftMs: Math.round(latencyMs / 5),
    promptTokens: 1200,
    completionTokens: 80,
    reasoningTokens: 150,
    cachedTokens: 900,
    totalTokens: 1430,
    costUsd: 0.00042,
  };
}

/** Peak resident set size while a phase runs, sampled every few milliseconds and on demand. */
class PeakRss {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 5);

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return Math.round((this.peak / 1024 / 1024) * 10) / 10;
  }
}

if (require.main === module) {
  (async () => {
    const events = Number(process.argv[2] ?? 1_000_000);
    const days = Number(process.argv[3] ?? 90);
    const dir = await fs.mkdtemp(join(tmpdir(), 'grok-analytics-bench-'));
    try {
      console.log(JSON.stringify({ events, days, ...(await benchAnalytics({ events, days, dir })) }, null, 2));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
