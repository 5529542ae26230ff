import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileAnalyticsStore } from '../../../../src/platform/analyticsFileStore';
import {
  AnalyticsTracker,
  HISTOGRAM_RELATIVE_ERROR,
  percentile,
  type AnalyticsEvent,
  type RequestEvent,
} from '../../../../src/provider/analytics';
import { csvRecords } from '../../provider/analytics/csvParse';
import { logUniformSamples } from '../../provider/analytics/randomSamples';

const DAY = 86_400_000;
const D0 = Date.UTC(2026, 0, 10);
const ALL = { start: 0, end: Number.MAX_SAFE_INTEGER };

function requestEvent(time: number, id: string, latencyMs = 100): RequestEvent {
  return {
    kind: 'request',
    v: 1,
    time,
    requestId: id,
    userHash: 'h',
    feature: 'chat',
    model: 'grok-code-fast-1',
    outcome: 'success',
    latencyMs,
    ttftMs: latencyMs / 2,
    promptTokens: 10,
    completionTokens: 5,
    reasoningTokens: 0,
    cachedTokens: 0,
    totalTokens: 15,
    costUsd: 0.0001,
  };
}

async function collect(store: FileAnalyticsStore, range = ALL): Promise<AnalyticsEvent[]> {
  const events: AnalyticsEvent[] = [];
  for await (const event of store.events(range)) events.push(event);
  return events;
}

const ids = (events: AnalyticsEvent[]) => events.map((e) => (e.kind === 'request' ? e.requestId : e.action));

describe('FileAnalyticsStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'grok-analytics-'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes one JSONL log per UTC day and an aggregate per day on flush', async () => {
    const store = await FileAnalyticsStore.open(dir);
    await store.append(requestEvent(D0 + 5, 'a'));
    await store.append(requestEvent(D0 + DAY + 5, 'b'));
    await store.flush();
    assert.deepEqual((await fs.readdir(dir)).sort(), [
      'aggregate-2026-01-10.json',
      'aggregate-2026-01-11.json',
      'events-2026-01-10.jsonl',
      'events-2026-01-11.jsonl',
    ]);
    const log = await fs.readFile(join(dir, 'events-2026-01-10.jsonl'), 'utf8');
    assert.deepEqual(log.split('\n'), [JSON.stringify(requestEvent(D0 + 5, 'a')), '']);
  });

  it('creates its directory when missing', async () => {
    const nested = join(dir, 'a', 'b');
    const store = await FileAnalyticsStore.open(nested);
    await store.append(requestEvent(D0, 'x'));
    assert.deepEqual(ids(await collect(store)), ['x']);
  });

  it('skips a truncated last line, and the next append starts on a clean line', async () => {
    const first = await FileAnalyticsStore.open(dir);
    await first.appendMany([requestEvent(D0 + 1, 'a'), requestEvent(D0 + 2, 'b')]);
    await first.close();
    const cut = JSON.stringify(requestEvent(D0 + 3, 'c')).slice(0, 40); // a crash mid-write
    await fs.appendFile(join(dir, 'events-2026-01-10.jsonl'), cut);

    const reopened = await FileAnalyticsStore.open(dir);
    assert.deepEqual(ids(await collect(reopened)), ['a', 'b']);
    const [aggregate] = await reopened.dailyAggregates(ALL);
    assert.equal(aggregate.groups[0].requests, 2);

    await reopened.append(requestEvent(D0 + 4, 'd'));
    assert.deepEqual(ids(await collect(reopened)), ['a', 'b', 'd']);
    const lines = (await fs.readFile(join(dir, 'events-2026-01-10.jsonl'), 'utf8')).split('\n');
    assert.equal(lines.length, 4); // three events and the final empty string: the cut line is gone
    await reopened.close();
    const [again] = await (await FileAnalyticsStore.open(dir)).dailyAggregates(ALL);
    assert.equal(again.groups[0].requests, 3);
  });

  it('skips invalid lines anywhere in the log', async () => {
    const good = JSON.stringify(requestEvent(D0 + 1, 'ok'));
    const invalid = JSON.stringify({ ...requestEvent(D0 + 2, 'bad'), latencyMs: 'slow' });
    await fs.writeFile(join(dir, 'events-2026-01-10.jsonl'), `${invalid}\nnot json\n${good}\n`);
    const store = await FileAnalyticsStore.open(dir);
    assert.deepEqual(ids(await collect(store)), ['ok']);
    assert.equal((await store.dailyAggregates(ALL))[0].groups[0].requests, 1);
  });

  it('100 parallel appends are all written whole and readable', async () => {
    const store = await FileAnalyticsStore.open(dir);
    const longHash = 'h'.repeat(5000); // large lines make interleaving visible if writes overlapped
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.append({ ...requestEvent(D0 + i, `r${i}`), userHash: longHash })),
    );
    const events = await collect(store);
    assert.equal(events.length, 100);
    assert.deepEqual(new Set(ids(events)), new Set(Array.from({ length: 100 }, (_, i) => `r${i}`)));
    assert.equal((await store.dailyAggregates(ALL))[0].groups[0].requests, 100);
  });

  it('rebuilds a missing, corrupt or stale aggregate from the log', async () => {
    const store = await FileAnalyticsStore.open(dir);
    await store.appendMany([requestEvent(D0, 'a'), requestEvent(D0 + DAY, 'b'), requestEvent(D0 + 2 * DAY, 'c')]);
    await store.close();
    await fs.rm(join(dir, 'aggregate-2026-01-10.json'));
    await fs.writeFile(join(dir, 'aggregate-2026-01-11.json'), '{"v":1,"logBytes":');
    // Stale: an event reached the log but the process died before the aggregate was saved.
    await fs.appendFile(join(dir, 'events-2026-01-12.jsonl'), JSON.stringify(requestEvent(D0 + 2 * DAY + 1, 'd')) + '\n');
    const reopened = await FileAnalyticsStore.open(dir);
    const days = await reopened.dailyAggregates(ALL);
    assert.deepEqual(days.map((d) => [d.day, d.groups[0].requests]), [['2026-01-10', 1], ['2026-01-11', 1], ['2026-01-12', 2]]);
    const written = JSON.parse(await fs.readFile(join(dir, 'aggregate-2026-01-11.json'), 'utf8'));
    assert.equal(written.aggregate.groups[0].requests, 1);
  });

  it('keeps aggregates across reopening', async () => {
    const store = await FileAnalyticsStore.open(dir);
    await store.appendMany([requestEvent(D0, 'a', 100), requestEvent(D0 + 1, 'b', 300)]);
    await store.close();
    const reopened = await FileAnalyticsStore.open(dir);
    assert.deepEqual(await reopened.dailyAggregates(ALL), await store.dailyAggregates(ALL));
  });

  it('retention deletes whole days that ended before the cutoff', async () => {
    const store = await FileAnalyticsStore.open(dir);
    await store.appendMany([requestEvent(D0, 'a'), requestEvent(D0 + DAY, 'b'), requestEvent(D0 + 2 * DAY, 'c')]);
    await store.flush();
    await store.prune(D0 + 2 * DAY - 1);
    assert.deepEqual((await fs.readdir(dir)).sort(), [
      'aggregate-2026-01-11.json',
      'aggregate-2026-01-12.json',
      'events-2026-01-11.jsonl',
      'events-2026-01-12.jsonl',
    ]);
    assert.deepEqual(ids(await collect(store)), ['b', 'c']);
    assert.deepEqual((await store.dailyAggregates(ALL)).map((d) => d.day), ['2026-01-11', '2026-01-12']);
  });

  it('report percentiles stay within the histogram error of the exact nearest rank over the raw events', async () => {
    const store = await FileAnalyticsStore.open(dir);
    const latencies = logUniformSamples(3000, 5, 120_000, 42);
    await store.appendMany(latencies.map((latency, i) => requestEvent(D0 + (i % 30) * DAY + i, `r${i}`, latency)));
    await store.close();
    const tracker = new AnalyticsTracker({ store: await FileAnalyticsStore.open(dir), now: () => D0 + 31 * DAY });
    const report = await tracker.generatePerformanceReport(undefined, { start: new Date(D0), end: new Date(D0 + 30 * DAY) });
    const sorted = [...latencies].sort((a, b) => a - b);
    assert.equal(report.totalRequests, 3000);
    assert.equal(report.byDay.length, 30);
    for (const [p, value] of [[50, report.latency.p50], [95, report.latency.p95], [99, report.latency.p99]]) {
      const exact = percentile(sorted, p);
      assert.ok(Math.abs(value - exact) / exact <= HISTOGRAM_RELATIVE_ERROR + 1e-12, `p${p}: ${value} vs ${exact}`);
    }
  });

  it('exports both formats from the files', async () => {
    const store = await FileAnalyticsStore.open(dir);
    const tracker = new AnalyticsTracker({ store, now: () => D0 + 10 });
    tracker.trackRequest({ requestId: 'r1', userId: 'u', feature: 'inline', model: 'grok-code-fast-1' });
    await tracker.trackResponse({ requestId: 'r1', outcome: 'aborted', latencyMs: 40 });
    await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'accepted', chars: 12 });
    const period = { start: new Date(D0), end: new Date(D0 + DAY) };
    const json = JSON.parse(await tracker.exportAnalytics({ period }));
    assert.deepEqual(json.events.map((e: AnalyticsEvent) => e.kind), ['request', 'interaction']);
    const rows = csvRecords(await tracker.exportAnalytics({ period, format: 'csv' }));
    assert.deepEqual(rows.map((r) => [r.kind, r.outcome, r.action]), [['request', 'aborted', ''], ['interaction', '', 'accepted']]);
  });

  it('deleteAll leaves the directory empty, even with a flush pending', async () => {
    const store = await FileAnalyticsStore.open(dir, { flushDelayMs: 1 });
    await store.appendMany([requestEvent(D0, 'a'), requestEvent(D0 + DAY, 'b')]);
    await store.flush();
    await store.append(requestEvent(D0 + 2 * DAY, 'c'));
    await store.deleteAll();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await fs.readdir(dir), []);
    assert.deepEqual(await store.dailyAggregates(ALL), []);
    await store.append(requestEvent(D0, 'after'));
    assert.deepEqual(ids(await collect(store)), ['after']);
    await store.close();
  });

  it('a tracker with analytics off writes nothing to disk', async () => {
    const store = await FileAnalyticsStore.open(dir);
    const tracker = new AnalyticsTracker({ store, enabled: () => false });
    tracker.trackRequest({ requestId: 'r1', userId: 'u', feature: 'chat', model: 'grok-code-fast-1' });
    await tracker.trackResponse({ requestId: 'r1', outcome: 'success', latencyMs: 10 });
    await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'shown', chars: 3 });
    await store.close();
    assert.deepEqual(await fs.readdir(dir), []);
  });
});
