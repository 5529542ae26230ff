import * as assert from 'node:assert/strict';
import { MemoryAnalyticsStore, type RequestEvent } from '../../../src/provider/analytics';
import { RetentionJob } from '../../../src/report/retentionJob';
import { FakeClock } from '../../support/fakeClock';

const DAY = 86_400_000;

function event(time: number): RequestEvent {
  return {
    kind: 'request', v: 1, time, requestId: `r${time}`, userHash: 'h', feature: 'chat', model: 'grok-code-fast-1', outcome: 'success',
    latencyMs: 100, ttftMs: 50, promptTokens: 1, completionTokens: 1, reasoningTokens: 0, cachedTokens: 0, totalTokens: 2, costUsd: 0,
  };
}

async function retainedDays(store: MemoryAnalyticsStore): Promise<string[]> {
  return (await store.dailyAggregates({ start: 0, end: Number.MAX_SAFE_INTEGER })).map((a) => a.day);
}

describe('RetentionJob', () => {
  it('prunes at start and then daily, keeping the days that ended within the retention', async () => {
    const clock = new FakeClock(Date.parse('2026-11-25T12:00:00Z'));
    const store = new MemoryAnalyticsStore();
    for (let d = 0; d <= 100; d++) await store.append(event(clock.now() - d * DAY));
    let retentionDays = 90;
    const warnings: string[] = [];
    const job = new RetentionJob({
      prune: (olderThan) => store.prune(olderThan),
      retentionDays: () => retentionDays,
      now: clock.now,
      scheduler: clock,
      logger: { warn: (m) => warnings.push(m) },
    });

    await job.start();
    let days = await retainedDays(store);
    // The cut-off is 2026-08-27T12:00Z: Aug 27 ends after it and stays, Aug 26 ended before it.
    assert.equal(days[0], '2026-08-27');
    assert.equal(days.at(-1), '2026-11-25');
    assert.equal(days.length, 91);

    await clock.advance(DAY - 1);
    assert.equal((await retainedDays(store))[0], '2026-08-27', 'nothing more before a day has passed');
    await clock.advance(1);
    assert.equal((await retainedDays(store))[0], '2026-08-28');

    retentionDays = 7;
    await clock.advance(DAY);
    days = await retainedDays(store);
    assert.deepEqual([days[0], days.length], ['2026-11-20', 6], 'Nov 20 to Nov 25');
    assert.deepEqual(warnings, []);
    job.dispose();
    assert.equal(clock.activeTimers, 0);
  });

  it('logs a failed prune and tries again at the next run', async () => {
    const clock = new FakeClock(Date.parse('2026-11-25T12:00:00Z'));
    const warnings: string[] = [];
    let calls = 0;
    const job = new RetentionJob({
      prune: async () => {
        calls += 1;
        if (calls === 1) throw new Error('EBUSY');
      },
      retentionDays: () => 90,
      now: clock.now,
      scheduler: clock,
      logger: { warn: (m) => warnings.push(m) },
    });
    await job.start();
    assert.deepEqual(warnings, ['Analytics retention: pruning failed: EBUSY']);
    await clock.advance(DAY);
    assert.equal(calls, 2);
    job.dispose();
  });
});
