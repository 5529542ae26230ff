import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  AnalyticsEventSchema,
  AnalyticsTracker,
  DailyAggregateSchema,
  DayAggregator,
  EXPORT_CSV_COLUMNS,
  MemoryAnalyticsStore,
  PerformanceReportSchema,
  type AnalyticsEvent,
} from '../../../../src/provider/analytics';
import { MAX_ERROR_ROWS, MAX_MODEL_ROWS, OTHER_MODELS } from '../../../../src/provider/analytics/performanceReport';
import { ReportViewSchema } from '../../../../src/report/protocol';
import { toReportView } from '../../../../src/report/reportView';
import { type Usage } from '../../../../src/provider/types';
import { csvRecords } from './csvParse';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);

function usage(prompt: number, completion: number, cached = 0, costUsd = 0.001): Usage {
  return { promptTokens: prompt, completionTokens: completion, reasoningTokens: 5, cachedTokens: cached, totalTokens: prompt + completion + 5, costUsd };
}

function setup(enabled = () => true) {
  let t = T0;
  const store = new MemoryAnalyticsStore();
  const tracker = new AnalyticsTracker({ store, salt: 'pepper', enabled, now: () => t });
  return { store, tracker, advance: (ms: number) => (t += ms) };
}

async function allEvents(store: MemoryAnalyticsStore): Promise<AnalyticsEvent[]> {
  const events: AnalyticsEvent[] = [];
  for await (const event of store.events({ start: 0, end: Number.MAX_SAFE_INTEGER })) events.push(event);
  return events;
}

async function request(tracker: AnalyticsTracker, id: string, outcome: 'success' | 'error' | 'aborted', latencyMs: number | null, extra: object = {}) {
  tracker.trackRequest({ requestId: id, userId: 'alice', feature: 'chat', model: 'grok-code-fast-1', ...extra });
  await tracker.trackResponse({
    requestId: id,
    outcome,
    latencyMs,
    timeToFirstTokenMs: outcome === 'success' && latencyMs !== null ? latencyMs / 4 : null,
    usage: outcome === 'success' ? usage(100, 20, 40) : undefined,
    ...(outcome === 'error' ? { errorCode: 'timeout' } : {}),
  });
}

describe('AnalyticsTracker', () => {
  it('reports the cost per accepted suggestion, per 1,000 accepted characters and per day by feature', async () => {
    const { tracker, advance } = setup();
    await request(tracker, 'i1', 'success', 200, { feature: 'inline' });
    await request(tracker, 'i2', 'success', 200, { feature: 'inline' });
    await request(tracker, 'c1', 'success', 900);
    for (const chars of [40, 60]) await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'accepted', chars });
    advance(DAY);
    await request(tracker, 'c2', 'success', 900);
    const report = await tracker.generatePerformanceReport(undefined, { start: new Date(T0 - DAY), end: new Date(T0 + 2 * DAY) });
    const inlineCost = report.byFeature.inline?.costUsd ?? 0;
    assert.ok(inlineCost > 0, 'the inline requests were billed');
    assert.equal(report.inline.costPerAcceptedUsd, inlineCost / 2);
    assert.ok(Math.abs(report.inline.costPer1000AcceptedCharsUsd - inlineCost * 10) < 1e-12, 'cost of 100 accepted characters, times ten');
    const [first, second] = report.byDay;
    assert.deepEqual(Object.keys(first.costByFeature).sort(), ['chat', 'inline']);
    assert.equal(first.costByFeature.inline, inlineCost);
    assert.ok(Math.abs((first.costByFeature.chat ?? 0) + inlineCost - first.costUsd) < 1e-12, "the features' costs add up to the day's");
    assert.deepEqual(Object.keys(second.costByFeature), ['chat']);
  });

  it('records one valid request event per request, with the user id only as a salted hash', async () => {
    const { store, tracker } = setup();
    await request(tracker, 'r1', 'success', 800);
    await tracker.trackResponse({ requestId: 'r1', outcome: 'error', latencyMs: 1 }); // a second outcome is ignored
    await tracker.trackResponse({ requestId: 'never-tracked', outcome: 'success', latencyMs: 1 });
    const events = await allEvents(store);
    assert.equal(events.length, 1);
    const event = AnalyticsEventSchema.parse(events[0]);
    assert.deepEqual(event, {
      kind: 'request',
      v: 1,
      time: T0,
      requestId: 'r1',
      userHash: createHash('sha256').update('pepperalice').digest('hex'),
      feature: 'chat',
      model: 'grok-code-fast-1',
      outcome: 'success',
      latencyMs: 800,
      ttftMs: 200,
      promptTokens: 100,
      completionTokens: 20,
      reasoningTokens: 5,
      cachedTokens: 40,
      totalTokens: 125,
      costUsd: 0.001,
    });
    assert.ok(!JSON.stringify(events).includes('alice'));
  });

  it('a random salt is used when none is given', async () => {
    const hashes = [];
    for (let i = 0; i < 2; i++) {
      const store = new MemoryAnalyticsStore();
      const tracker = new AnalyticsTracker({ store });
      tracker.trackRequest({ requestId: 'r', userId: 'alice', feature: 'inline', model: 'm' });
      await tracker.trackResponse({ requestId: 'r', outcome: 'success', latencyMs: 1 });
      const [event] = await allEvents(store);
      assert.equal(event.kind, 'request');
      if (event.kind === 'request') hashes.push(event.userHash);
    }
    assert.notEqual(hashes[0], hashes[1]);
  });

  it('stores nothing at all when disabled', async () => {
    const { store, tracker } = setup(() => false);
    await request(tracker, 'r1', 'success', 800);
    await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'shown', chars: 10 });
    assert.deepEqual(await allEvents(store), []);
    assert.deepEqual(await store.dailyAggregates({ start: 0, end: Number.MAX_SAFE_INTEGER }), []);
    assert.equal(tracker.getMetrics().totalRequests, 0);
  });

  it('session metrics count outcomes and give exact percentiles', async () => {
    const { tracker } = setup();
    for (let i = 1; i <= 100; i++) await request(tracker, `s${i}`, 'success', i * 10);
    await request(tracker, 'e1', 'error', 5000);
    await request(tracker, 'a1', 'aborted', 3);
    const metrics = tracker.getMetrics();
    assert.equal(metrics.totalRequests, 102);
    assert.equal(metrics.successfulRequests, 100);
    assert.equal(metrics.failedRequests, 1);
    // 101 latencies (the aborted request's is left out): ranks 51, 96 and 100.
    assert.equal(metrics.p50Latency, 510);
    assert.equal(metrics.p95Latency, 960);
    assert.equal(metrics.p99Latency, 1000);
    assert.equal(metrics.averageLatency, (505 * 100 + 5000) / 101);
    assert.equal(metrics.averageTimeToFirstToken, 505 / 4);
    assert.equal(metrics.totalTokensProcessed, 100 * 125);
  });

  it('counts requests refused before sending (no key, no consent) as failures but never as latency samples', async () => {
    const { tracker, store } = setup();
    await request(tracker, 's1', 'success', 800);
    await request(tracker, 's2', 'success', 1200);
    for (const id of ['k1', 'k2', 'k3']) await request(tracker, id, 'error', null);
    const report = await tracker.generatePerformanceReport('grok-code-fast-1', { start: new Date(T0 - DAY), end: new Date(T0 + DAY) });
    assert.equal(report.totalRequests, 5);
    assert.equal(report.latencyHistogram.reduce((sum, bar) => sum + bar.count, 0), 2);
    assert.ok(report.latency.p50 >= 800 * 0.99, `p50 ${report.latency.p50} was dragged down`);
    assert.equal(report.latency.mean, 1000);
    const metrics = tracker.getMetrics();
    assert.equal(metrics.failedRequests, 3);
    assert.equal(metrics.p50Latency, 800);
    const stored = await allEvents(store);
    assert.equal(stored.filter((e) => e.kind === 'request' && e.latencyMs === null).length, 3, 'stored as null: no latency, not 0 ms');
  });

  it('the performance report adds up requests, errors, tokens, cost and inline interactions per feature and day', async () => {
    const { tracker, advance } = setup();
    await request(tracker, 'c1', 'success', 1000);
    await request(tracker, 'c2', 'error', 2000);
    await request(tracker, 'i1', 'aborted', 50, { feature: 'inline' });
    await request(tracker, 'o1', 'success', 300, { model: 'other-model' });
    await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'shown', chars: 30 });
    await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'shown', chars: 12 });
    await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'accepted', chars: 30 });
    advance(DAY);
    await request(tracker, 'c3', 'success', 3000);
    const period = { start: new Date(T0 - DAY), end: new Date(T0 + 2 * DAY) };
    const report = PerformanceReportSchema.parse(await tracker.generatePerformanceReport('grok-code-fast-1', period));
    assert.equal(report.modelId, 'grok-code-fast-1');
    assert.equal(report.totalRequests, 4);
    assert.equal(report.successRate, (2 / 3) * 100, "in percent, as the document reads it");
    assert.deepEqual(report.errors, { timeout: 1 });
    assert.equal(report.latency.mean, 2000);
    assert.ok(Math.abs(report.latency.p50 - 2000) / 2000 <= 0.01);
    assert.equal(report.latency.p99, 3000);
    assert.deepEqual(report.tokens, { prompt: 200, completion: 40, reasoning: 10, cached: 80, total: 250 });
    assert.equal(report.cacheHitRate, 0.4);
    assert.ok(Math.abs(report.costUsd - 0.002) < 1e-12);
    assert.deepEqual(report.inline, { shown: 2, accepted: 1, partial: 0, acceptedChars: 30, acceptRate: 0.5, costPerAcceptedUsd: 0, costPer1000AcceptedCharsUsd: 0 });
    assert.deepEqual(Object.keys(report.byFeature).sort(), ['chat', 'inline']);
    assert.equal(report.byFeature.chat?.totalRequests, 3);
    assert.equal(report.byFeature.inline?.totalRequests, 1);
    assert.deepEqual(report.byDay.map((d) => [d.day, d.requests]), [['2026-11-02', 3], ['2026-11-03', 1]]);
    assert.equal(report.latencyHistogram.reduce((sum, bar) => sum + bar.count, 0), 3);
    const everyModel = await tracker.generatePerformanceReport(undefined, period);
    assert.equal(everyModel.totalRequests, 5);
    assert.equal(everyModel.modelId, undefined);
  });

  it('records the model that answered when it is not the one asked for, and reports costs per answering model', async () => {
    const { store, tracker } = setup();
    const answered = async (id: string, model: string, servedModel: string, costUsd: number) => {
      tracker.trackRequest({ requestId: id, userId: 'alice', feature: 'chat', model });
      await tracker.trackResponse({ requestId: id, outcome: 'success', latencyMs: 10, servedModel, usage: usage(100, 20, 0, costUsd) });
    };
    await answered('r1', 'grok-code-fast-1', 'grok-4.3', 0.01);
    await answered('r2', 'grok-4.3', 'grok-4.3', 0.02);
    await answered('r3', 'grok-4.7', 'grok-4.7', 0.5);
    const events = (await allEvents(store)).filter((event) => event.kind === 'request');
    assert.deepEqual(
      events.map((event) => [event.model, event.kind === 'request' ? event.servedModel : undefined]),
      [
        ['grok-code-fast-1', 'grok-4.3'],
        ['grok-4.3', undefined],
        ['grok-4.7', undefined],
      ],
    );
    const report = await tracker.generatePerformanceReport(undefined, { start: new Date(T0 - DAY), end: new Date(T0 + DAY) });
    assert.deepEqual(
      report.byModel.map((m) => [m.model, m.requests, Math.round(m.costUsd * 100) / 100]),
      [
        ['grok-4.3', 2, 0.03],
        ['grok-4.7', 1, 0.5],
      ],
    );
    // A report for a name counts what was asked of it, also when another model answered (the document's
    // generatePerformanceReport('grok-code-fast-1') read zeros once xAI served that name with grok-4.3).
    const period = { start: new Date(T0 - DAY), end: new Date(T0 + DAY) };
    assert.equal((await tracker.generatePerformanceReport('grok-code-fast-1', period)).totalRequests, 1);
    assert.equal((await tracker.generatePerformanceReport('grok-4.3', period)).totalRequests, 2);
    assert.equal((await tracker.generatePerformanceReport('grok-4.7', period)).totalRequests, 1);
  });

  it('counts empty inline answers apart as "no suggestion": successes, not errors; older daily totals read as none', async () => {
    const { tracker, store } = setup();
    await request(tracker, 'i1', 'success', 400, { feature: 'inline' });
    tracker.trackRequest({ requestId: 'i2', userId: 'alice', feature: 'inline', model: 'grok-code-fast-1' });
    await tracker.trackResponse({ requestId: 'i2', outcome: 'success', noSuggestion: true, latencyMs: 300, timeToFirstTokenMs: null, usage: usage(100, 0) });
    await request(tracker, 'i3', 'error', 500, { feature: 'inline' });
    const events = await allEvents(store);
    assert.deepEqual(events.map((e) => e.kind === 'request' && e.noSuggestion === true), [false, true, false]);
    const report = PerformanceReportSchema.parse(await tracker.generatePerformanceReport(undefined, { start: new Date(T0 - DAY), end: new Date(T0 + DAY) }));
    assert.equal(report.noSuggestion, 1);
    assert.equal(report.byFeature.inline?.noSuggestion, 1);
    assert.equal(report.successRate, (2 / 3) * 100, 'an answer with nothing to suggest is no failure');
    assert.deepEqual(report.errors, { timeout: 1 });
    assert.equal(ReportViewSchema.parse(toReportView(report)).noSuggestion, 1);
    const aggregator = new DayAggregator('2026-11-02');
    for (const event of events) aggregator.add(event);
    const [group] = aggregator.toJSON().groups;
    const { noSuggestion: _dropped, ...older } = group;
    assert.equal(DailyAggregateSchema.parse({ v: 1, day: '2026-11-02', groups: [older] }).groups[0].noSuggestion, 0);
    const csv = await tracker.exportAnalytics({ period: { start: new Date(T0 - DAY), end: new Date(T0 + DAY) }, format: 'csv' });
    assert.deepEqual(csvRecords(csv).map((row) => row.noSuggestion), ['', 'true', '']);
  });

  it('reads daily totals stored before the requested model was kept (no requestedModel) as the answering model\'s', () => {
    const aggregator = new DayAggregator('2026-11-02');
    aggregator.add({ kind: 'request', v: 1, time: T0, requestId: 'r1', userHash: 'h', feature: 'chat', model: 'grok-code-fast-1', servedModel: 'grok-4.3', outcome: 'success', latencyMs: 10, ttftMs: 5, promptTokens: 1, completionTokens: 1, reasoningTokens: 0, cachedTokens: 0, totalTokens: 2, costUsd: 0 });
    const [group] = aggregator.toJSON().groups;
    assert.deepEqual([group.model, group.requestedModel], ['grok-4.3', 'grok-code-fast-1']);
    const { requestedModel: _dropped, ...older } = group;
    const parsed = DailyAggregateSchema.parse({ v: 1, day: '2026-11-02', groups: [older] });
    assert.equal(parsed.groups[0].requestedModel, undefined);
    assert.deepEqual(DayAggregator.fromJSON(parsed).toJSON().groups.map((g) => [g.model, g.requestedModel]), [['grok-4.3', undefined]]);
  });

  it('bounds what a server names before it is stored or shown: served names like requested ones, top model and error rows plus one for the rest', async () => {
    const { store, tracker } = setup();
    // 205 served names (the count), one of them 305 characters; the first ones answer more often.
    for (let i = 0; i < 205; i++) {
      for (let n = 0; n < (i < 5 ? 3 : 1); n++) {
        tracker.trackRequest({ requestId: `r${i}-${n}`, userId: 'alice', feature: 'chat', model: 'grok-4.3' });
        const servedModel = i === 0 ? 'g'.repeat(305) : `grok-served-${String(i).padStart(3, '0')}`;
        await tracker.trackResponse({ requestId: `r${i}-${n}`, outcome: i % 2 ? 'error' : 'success', errorCode: `code_${i}`, latencyMs: 10, servedModel, usage: usage(10, 1) });
      }
    }
    const served = (await allEvents(store)).flatMap((event) => (event.kind === 'request' && event.servedModel ? [event.servedModel] : []));
    assert.ok(served.every((name) => name.length <= 128));
    assert.ok(served.includes('unrecognized-model'));
    const report = await tracker.generatePerformanceReport(undefined, { start: new Date(T0 - DAY), end: new Date(T0 + DAY) });
    assert.equal(report.byModel.length, MAX_MODEL_ROWS);
    assert.deepEqual(report.byModel.slice(0, 5).map((m) => [m.model, m.requests]), [['grok-served-001', 3], ['grok-served-002', 3], ['grok-served-003', 3], ['grok-served-004', 3], ['unrecognized-model', 3]]);
    assert.equal(report.byModel.at(-1)!.model, OTHER_MODELS);
    assert.equal(report.byModel.reduce((sum, m) => sum + m.requests, 0), report.totalRequests, 'the rest is counted, not dropped');
    assert.equal(Object.keys(report.errors).length, MAX_ERROR_ROWS);
    assert.equal(report.errors.code_1, 3);
    assert.equal(Object.values(report.errors).reduce((sum, n) => sum + n, 0), 2 * 3 + 100);
    assert.ok(ReportViewSchema.safeParse(toReportView(report)).success, 'the report webview accepts its own message');
  });

  it('the default report period is the last 30 days', async () => {
    const { tracker, advance } = setup();
    await request(tracker, 'old', 'success', 100);
    advance(40 * DAY);
    await request(tracker, 'new', 'success', 100);
    const report = await tracker.generatePerformanceReport();
    assert.equal(report.totalRequests, 1);
    assert.equal(report.period.end, new Date(T0 + 40 * DAY).toISOString());
  });

  it('exports JSON with version, time of export, period and the events of that period and model', async () => {
    const { tracker, advance } = setup();
    await request(tracker, 'r1', 'success', 100);
    await request(tracker, 'r2', 'success', 100, { model: 'other' });
    advance(DAY);
    await request(tracker, 'r3', 'success', 100);
    const period = { start: new Date(T0), end: new Date(T0 + 1) };
    const exported = JSON.parse(await tracker.exportAnalytics({ modelId: 'grok-code-fast-1', period, format: 'json' }));
    assert.equal(exported.version, 1);
    assert.equal(exported.exportedAt, new Date(T0 + DAY).toISOString());
    assert.deepEqual(exported.period, { start: period.start.toISOString(), end: period.end.toISOString() });
    const events = (exported.events as unknown[]).map((e) => AnalyticsEventSchema.parse(e));
    assert.deepEqual(events.map((e) => e.kind === 'request' && e.requestId), ['r1']);
  });

  it('exports CSV that parses back: header row, one event per row, quoting of commas, quotes and line breaks', async () => {
    const { tracker } = setup();
    // Model ids are validated on the way in (a free-text column shows the quoting).
    const awkward = 'request "x", with\r\nbreaks';
    await request(tracker, awkward, 'error', 100);
    await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'partial', chars: 7 });
    const csv = await tracker.exportAnalytics({ period: { start: new Date(T0), end: new Date(T0 + 1) }, format: 'csv' });
    const records = csvRecords(csv);
    assert.deepEqual(Object.keys(records[0]), [...EXPORT_CSV_COLUMNS]);
    assert.equal(records.length, 2);
    assert.equal(records[0].requestId, awkward);
    assert.equal(records[0].kind, 'request');
    assert.equal(records[0].outcome, 'error');
    assert.equal(records[0].errorCode, 'timeout');
    assert.equal(records[0].ttftMs, '');
    assert.equal(records[0].time, String(T0));
    assert.equal(records[0].timeIso, new Date(T0).toISOString());
    assert.equal(records[1].kind, 'interaction');
    assert.equal(records[1].action, 'partial');
    assert.equal(records[1].chars, '7');
    assert.equal(records[1].requestId, '');
  });

  it('deleteAll forgets the stored events and the session', async () => {
    const { store, tracker } = setup();
    await request(tracker, 'r1', 'success', 100);
    await tracker.deleteAll();
    assert.deepEqual(await allEvents(store), []);
    assert.equal(tracker.getMetrics().totalRequests, 0);
  });
});
