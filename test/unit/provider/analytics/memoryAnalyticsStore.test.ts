import * as assert from 'node:assert/strict';
import { MemoryAnalyticsStore, type AnalyticsEvent } from '../../../../src/provider/analytics';

const DAY = 86_400_000;
const D0 = Date.UTC(2026, 0, 10);

function shown(time: number): AnalyticsEvent {
  return { kind: 'interaction', v: 1, time, feature: 'inline', model: 'm', action: 'shown', chars: 1 };
}

describe('MemoryAnalyticsStore', () => {
  it('returns events in [start, end) and the aggregates of the UTC days that overlap', async () => {
    const store = new MemoryAnalyticsStore();
    await store.appendMany([shown(D0 + 10), shown(D0 + DAY - 1), shown(D0 + DAY), shown(D0 + 3 * DAY)]);
    const events: number[] = [];
    for await (const event of store.events({ start: D0 + 10, end: D0 + DAY })) events.push(event.time);
    assert.deepEqual(events, [D0 + 10, D0 + DAY - 1]);
    const days = await store.dailyAggregates({ start: D0 + DAY - 1, end: D0 + DAY + 1 });
    assert.deepEqual(days.map((d) => [d.day, d.groups[0].interactions.shown]), [['2026-01-10', 2], ['2026-01-11', 1]]);
  });

  it('prunes whole days that ended before the cutoff', async () => {
    const store = new MemoryAnalyticsStore();
    await store.appendMany([shown(D0), shown(D0 + DAY), shown(D0 + 2 * DAY)]);
    await store.prune(D0 + 2 * DAY - 1); // the second day has not ended yet
    const days = await store.dailyAggregates({ start: 0, end: Number.MAX_SAFE_INTEGER });
    assert.deepEqual(days.map((d) => d.day), ['2026-01-11', '2026-01-12']);
  });
});
