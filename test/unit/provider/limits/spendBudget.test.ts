import * as assert from 'node:assert/strict';
import { BudgetExceededError } from '../../../../src/provider/errors';
import { SpendBudget, type SpendCounters, type SpendStore } from '../../../../src/provider/limits';
import { estimateInputUsd, type ModelPricing } from '../../../../src/provider/models';
import { usageFromWire } from '../../../../src/provider/client/usage';
import { startHarness, type Harness } from '../harness';

const ZONE = 'America/New_York';

/** One store two budgets share, as two windows share globalState. */
class SharedStore implements SpendStore {
  value: unknown;
  load(): unknown {
    return this.value;
  }
  save(counters: SpendCounters): void {
    this.value = JSON.parse(JSON.stringify(counters));
  }
}

function clock(start: number) {
  let t = start;
  return { now: () => t, set: (at: number) => (t = at) };
}

const GROK_43: ModelPricing = { inputPerMillion: 1.25, cachedInputPerMillion: 0.2, outputPerMillion: 2.5 };

describe('SpendBudget (fake clock, local calendar)', () => {
  it('rolls the day at local midnight in a non-UTC zone, and the month on the 1st', () => {
    // 23:30 on 31 Jan in New York is 04:30 UTC on 1 Feb.
    const c = clock(Date.UTC(2026, 1, 1, 4, 30));
    const budget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 10 }, { now: c.now, timeZone: ZONE });
    budget.record(0.4);
    assert.equal(budget.dayKey(c.now()), '2026-01-31');
    assert.deepEqual([budget.snapshot().dayUsd, budget.snapshot().monthUsd], [0.4, 0.4]);
    c.set(Date.UTC(2026, 1, 1, 4, 59)); // 23:59 local: same day
    assert.equal(budget.snapshot().dayUsd, 0.4);
    c.set(Date.UTC(2026, 1, 1, 5, 0)); // 00:00 local on 1 Feb: new day and new month
    assert.deepEqual([budget.snapshot().dayUsd, budget.snapshot().monthUsd], [0, 0]);
    budget.record(0.25);
    c.set(Date.UTC(2026, 1, 2, 5, 0)); // 2 Feb: new day, same month
    assert.deepEqual([budget.snapshot().dayUsd, budget.snapshot().monthUsd], [0, 0.25]);
  });

  it('knows the DST days are 23 and 25 hours long', () => {
    const budget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 0 }, { timeZone: ZONE });
    // 8 Mar 2026: clocks go forward at 02:00; midnight is 05:00 UTC, the next one 04:00 UTC.
    const spring = Date.UTC(2026, 2, 8, 5, 0);
    assert.equal(budget.nextDayStart(spring + 3_600_000), Date.UTC(2026, 2, 9, 4, 0));
    assert.equal(budget.nextDayStart(spring) - spring, 23 * 3_600_000);
    // 1 Nov 2026: clocks go back; midnight 04:00 UTC, the next one 05:00 UTC.
    const fall = Date.UTC(2026, 10, 1, 4, 0);
    assert.equal(budget.nextDayStart(fall) - fall, 25 * 3_600_000);
    assert.equal(budget.dayKey(Date.UTC(2026, 10, 2, 4, 59)), '2026-11-01');
    assert.equal(budget.nextMonthStart(Date.UTC(2026, 10, 15)), Date.UTC(2026, 11, 1, 5, 0));
  });

  it('resets the spend on the DST day at local midnight, not at UTC midnight', () => {
    const c = clock(Date.UTC(2026, 2, 8, 3, 0)); // 7 Mar, 22:00 EST
    const budget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 0 }, { now: c.now, timeZone: ZONE });
    budget.record(0.5);
    c.set(Date.UTC(2026, 2, 8, 4, 59)); // 23:59 EST
    assert.equal(budget.snapshot().dayUsd, 0.5);
    c.set(Date.UTC(2026, 2, 8, 5, 0)); // 00:00 on the DST day
    assert.equal(budget.snapshot().dayUsd, 0);
    budget.record(0.3);
    c.set(Date.UTC(2026, 2, 9, 3, 59)); // 23:59 EDT, still 8 Mar
    assert.equal(budget.snapshot().dayUsd, 0.3);
    c.set(Date.UTC(2026, 2, 9, 4, 0));
    assert.equal(budget.snapshot().dayUsd, 0);
  });

  it('adds up two windows counting at once, and the cap holds for both', async () => {
    const c = clock(Date.UTC(2026, 5, 10, 15));
    const store = new SharedStore();
    const one = new SpendBudget({ dailyUsd: 1, monthlyUsd: 0 }, { now: c.now, timeZone: ZONE, store });
    const two = new SpendBudget({ dailyUsd: 1, monthlyUsd: 0 }, { now: c.now, timeZone: ZONE, store });
    for (let i = 0; i < 4; i++) {
      one.record(0.125);
      two.record(0.125);
    }
    assert.equal(one.snapshot().dayUsd, 1);
    assert.equal(two.snapshot().dayUsd, 1);
    await assert.rejects(one.admit('inline', 0.001), BudgetExceededError);
    await assert.rejects(two.admit('inline', 0.001), BudgetExceededError);
    assert.equal(two.snapshot().reached?.period, 'day');
  });

  it('refuses a request whose estimate would cross the cap, and says until when', async () => {
    const c = clock(Date.UTC(2026, 5, 10, 15)); // 11:00 EDT
    const budget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 0 }, { now: c.now, timeZone: ZONE });
    budget.record(0.95);
    await budget.admit('inline', 0.04);
    const error = await budget.admit('inline', 0.06).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof BudgetExceededError);
    assert.equal(error.period, 'day');
    assert.equal(error.resetsAt, Date.UTC(2026, 5, 11, 4, 0));
    assert.equal(error.limitUsd, 1);
    assert.match(error.message, /daily budget of \$1\.00/);
    assert.match(error.message, /2026-06-11 at 00:00 local time/);
    assert.match(error.message, /grokCodeFast\.budget\.dailyUsd/);
    assert.equal(budget.snapshot().reached, undefined, 'not reached yet: only that request would pass it');
    await assert.rejects(budget.admit('health', 0.06), BudgetExceededError);
  });

  it('asks interactive features once a day before going over; nothing goes without a yes', async () => {
    const c = clock(Date.UTC(2026, 5, 10, 15));
    const asked: string[] = [];
    let answer = false;
    const budget = new SpendBudget(
      { dailyUsd: 0.5, monthlyUsd: 0 },
      {
        now: c.now,
        timeZone: ZONE,
        confirmOverBudget: async (over) => {
          asked.push(`${over.feature}:${over.period}`);
          return answer;
        },
      },
    );
    budget.record(0.5);
    await assert.rejects(budget.admit('chat', 0.01), BudgetExceededError);
    await assert.rejects(budget.admit('inline', 0.01), BudgetExceededError);
    answer = true;
    await budget.admit('vscode-chat', 0.01);
    await budget.admit('action', 0.01);
    await budget.admit('chat', 0.01);
    assert.deepEqual(asked, ['chat:day', 'vscode-chat:day']);
    await assert.rejects(budget.admit('inline', 0.01), BudgetExceededError, 'inline stays paused');
    c.set(Date.UTC(2026, 5, 11, 15));
    budget.record(0.6);
    await budget.admit('chat', 0.01);
    assert.deepEqual(asked, ['chat:day', 'vscode-chat:day', 'chat:day'], 'asked again the next day');
  });

  it('announces 80 % once per day and once per month', () => {
    const c = clock(Date.UTC(2026, 5, 10, 15));
    const budget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 2 }, { now: c.now, timeZone: ZONE });
    const seen: string[] = [];
    budget.onThreshold((e) => seen.push(`${e.period}`));
    budget.record(0.79);
    assert.deepEqual(seen, []);
    budget.record(0.02);
    budget.record(0.1);
    assert.deepEqual(seen, ['day']);
    c.set(Date.UTC(2026, 5, 11, 15));
    budget.record(0.81);
    assert.deepEqual(seen, ['day', 'day', 'month']);
  });

  it('prices a cached-token-heavy request at the cached rate', () => {
    const c = clock(Date.UTC(2026, 5, 10, 15));
    const budget = new SpendBudget({ dailyUsd: 0.05, monthlyUsd: 0 }, { now: c.now, timeZone: ZONE });
    const usage = usageFromWire({ prompt_tokens: 100_000, completion_tokens: 100, prompt_tokens_details: { cached_tokens: 90_000 } }, GROK_43);
    budget.record(usage.costUsd);
    // 10k uncached at $1.25/M + 90k cached at $0.20/M + 100 out at $2.50/M.
    assert.equal(Number(budget.snapshot().dayUsd.toFixed(8)), 0.03075);
    const uncached = usageFromWire({ prompt_tokens: 100_000, completion_tokens: 100 }, GROK_43).costUsd;
    assert.ok(uncached > 0.05, 'the same prompt uncached would have passed the cap');
  });

  it('estimates a long-context prompt at the long-context tier', async () => {
    const pricing: ModelPricing = {
      ...GROK_43,
      longContext: { thresholdTokens: 200_000, inputPerMillion: 2.5, cachedInputPerMillion: 0.4, outputPerMillion: 5 },
    };
    assert.equal(estimateInputUsd({ pricing }, 200_000), 0.25);
    assert.equal(estimateInputUsd({ pricing }, 300_000), 0.75);
    const budget = new SpendBudget({ dailyUsd: 0.5, monthlyUsd: 0 }, { timeZone: ZONE });
    await budget.admit('inline', estimateInputUsd({ pricing }, 200_000));
    await assert.rejects(budget.admit('inline', estimateInputUsd({ pricing }, 300_000)), BudgetExceededError);
  });

  it('resets for Delete My Data and ignores a corrupt store', () => {
    const store = new SharedStore();
    store.value = { v: 9, nonsense: true };
    const budget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 0 }, { store, timeZone: ZONE });
    assert.equal(budget.snapshot().dayUsd, 0);
    budget.record(0.2);
    budget.reset();
    assert.equal(budget.snapshot().dayUsd, 0);
  });
});

describe('SpendBudget in the provider', function () {
  this.timeout(10_000);
  let h: Harness;
  afterEach(async () => h?.close());

  it('checks before sending (nothing reaches the server past the cap) and counts the billed cost after', async () => {
    const budget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 0 });
    h = await startHarness({ spendBudget: budget });
    const estimates: number[] = [];
    const sentBefore: number[] = [];
    await h.provider.generateResponse({
      prompt: 'hi',
      metadata: { feature: 'inline' },
      options: { onEstimate: (usd) => void (estimates.push(usd), sentBefore.push(h.fake.requests.length)) },
    });
    assert.equal(h.fake.requests.length, 1);
    assert.equal(estimates.length, 1, 'the estimate is told once');
    assert.ok(estimates[0] > 0);
    assert.deepEqual(sentBefore, [0], 'before the request is sent');
    const spent = budget.snapshot().dayUsd;
    assert.ok(spent > 0, 'the answer cost was counted');
    budget.setLimits({ dailyUsd: spent, monthlyUsd: 0 });
    await assert.rejects(h.provider.generateResponse({ prompt: 'hi', metadata: { feature: 'inline' } }), BudgetExceededError);
    assert.equal(h.fake.requests.length, 1);
  });
});

