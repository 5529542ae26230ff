import * as assert from 'node:assert/strict';
import { AbortError, InvalidConfigError, RateLimitError } from '../../../../src/provider/errors';
import {
  DEFAULT_RATE_LIMITS,
  RateLimiter,
  type RateLimits,
  type RateLimitStore,
  type WindowCounters,
} from '../../../../src/provider/limits';

const roomy: RateLimits = {
  requestsPerMinute: 1000,
  requestsPerHour: 100_000,
  requestsPerDay: 1_000_000,
  tokensPerMinute: 10_000_000,
  tokensPerDay: 100_000_000,
  concurrentRequests: 100,
};

function clock(start = Date.UTC(2026, 0, 1, 0, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

class MapStore implements RateLimitStore {
  readonly data = new Map<string, unknown>();
  load(userId: string): WindowCounters | undefined {
    return this.data.get(userId) as WindowCounters | undefined;
  }
  save(userId: string, counters: WindowCounters): void {
    this.data.set(userId, JSON.parse(JSON.stringify(counters)));
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('RateLimiter', () => {
  it('has the free tier defaults', () => {
    assert.deepEqual({ ...DEFAULT_RATE_LIMITS }, {
      requestsPerMinute: 60,
      requestsPerHour: 3600,
      requestsPerDay: 10_000,
      tokensPerMinute: 1_000_000,
      tokensPerDay: 1_000_000,
      concurrentRequests: 4,
    });
  });

  it('rejects invalid limits with InvalidConfigError naming the field', () => {
    const error = (() => {
      try {
        new RateLimiter({ ...roomy, requestsPerMinute: 0 });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof InvalidConfigError);
    assert.equal(error.field, 'rateLimits.requestsPerMinute');
    assert.throws(() => new RateLimiter(roomy).setLimits({ ...roomy, concurrentRequests: 1.5 }), InvalidConfigError);
  });

  it('refuses the request over the per-minute limit at once with the seconds until the oldest bucket leaves', async () => {
    const c = clock();
    const limiter = new RateLimiter({ ...roomy, requestsPerMinute: 3 }, { now: c.now });
    (await limiter.acquire('u', { estimatedTokens: 0 })).release(0); // second 0
    c.advance(10_000);
    (await limiter.acquire('u', { estimatedTokens: 0 })).release(0); // second 10
    (await limiter.acquire('u', { estimatedTokens: 0 })).release(0);
    c.advance(500); // t = 10.5 s
    const error = await rejection(limiter.acquire('u', { estimatedTokens: 0 }));
    assert.ok(error instanceof RateLimitError);
    // The bucket [0 s, 1 s) counts until 61 s: 50.5 s from now, rounded up.
    assert.equal(error.retryAfter, 51);
    assert.match(error.message, /3 requests per minute/);
    c.advance(50_499);
    await rejection(limiter.acquire('u', { estimatedTokens: 0 }));
    c.advance(1);
    const lease = await limiter.acquire('u', { estimatedTokens: 0 });
    lease.release(0);
  });

  it('check reports without consuming, and matches what acquire does', async () => {
    const c = clock();
    const limiter = new RateLimiter({ ...roomy, requestsPerMinute: 2, requestsPerHour: 5 }, { now: c.now });
    for (let i = 0; i < 5; i++) assert.equal(limiter.check('u').remaining, 2);
    (await limiter.acquire('u', { estimatedTokens: 0 })).release(0);
    const status = limiter.check('u');
    assert.equal(status.allowed, true);
    assert.equal(status.remaining, 1);
    assert.equal(status.resetTime.getTime(), c.now() + 61_000);
    (await limiter.acquire('u', { estimatedTokens: 0 })).release(0);
    const blocked = limiter.check('u');
    assert.equal(blocked.allowed, false);
    assert.equal(blocked.remaining, 0);
    assert.equal(blocked.retryAfter, 61);
    assert.equal(blocked.resetTime.getTime(), c.now() + 61_000);
  });

  it('keeps users apart', async () => {
    const limiter = new RateLimiter({ ...roomy, requestsPerMinute: 1 }, { now: clock().now });
    (await limiter.acquire('a', { estimatedTokens: 0 })).release(0);
    await rejection(limiter.acquire('a', { estimatedTokens: 0 }));
    (await limiter.acquire('b', { estimatedTokens: 0 })).release(0);
  });

  it('enforces the hour and day windows with their own retryAfter', async () => {
    const c = clock();
    const limiter = new RateLimiter({ ...roomy, requestsPerHour: 2, requestsPerDay: 3 }, { now: c.now });
    (await limiter.acquire('u', { estimatedTokens: 0 })).release(0);
    c.advance(30 * 60_000);
    (await limiter.acquire('u', { estimatedTokens: 0 })).release(0);
    const hourly = await rejection(limiter.acquire('u', { estimatedTokens: 0 }));
    assert.ok(hourly instanceof RateLimitError);
    assert.equal(hourly.retryAfter, 31 * 60); // minute bucket at 0 counts until 61 min
    c.advance(31 * 60_000);
    (await limiter.acquire('u', { estimatedTokens: 0 })).release(0);
    c.advance(2 * 3_600_000);
    const daily = await rejection(limiter.acquire('u', { estimatedTokens: 0 }));
    assert.ok(daily instanceof RateLimitError);
    assert.match(daily.message, /requests per day/);
    // The first request's 15-minute bucket counts until 24 h 15 min; now is 3 h 1 min.
    assert.equal(daily.retryAfter, (24 * 60 + 15 - (3 * 60 + 1)) * 60);
  });

  it('counts the token estimate and corrects it to the actual tokens on release', async () => {
    const c = clock();
    const limiter = new RateLimiter({ ...roomy, tokensPerMinute: 1000 }, { now: c.now });
    const first = await limiter.acquire('u', { estimatedTokens: 800 });
    const over = await rejection(limiter.acquire('u', { estimatedTokens: 300 }));
    assert.ok(over instanceof RateLimitError);
    assert.match(over.message, /tokens per minute/);
    assert.equal(over.retryAfter, 61);
    first.release(100); // the estimate was pessimistic
    (await limiter.acquire('u', { estimatedTokens: 900 })).release(900);
    await rejection(limiter.acquire('u', { estimatedTokens: 1 }));
  });

  it('lets a request larger than a token limit through once the window is empty', async () => {
    const c = clock();
    const limiter = new RateLimiter({ ...roomy, tokensPerDay: 1000 }, { now: c.now });
    (await limiter.acquire('u', { estimatedTokens: 5000 })).release(5000);
    const error = await rejection(limiter.acquire('u', { estimatedTokens: 5000 }));
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 24 * 3600 + 15 * 60);
  });

  it('queues over the concurrency limit in FIFO order and hands the slot on release', async () => {
    const limiter = new RateLimiter({ ...roomy, concurrentRequests: 1 }, { now: clock().now });
    const first = await limiter.acquire('u', { estimatedTokens: 0 });
    const order: string[] = [];
    const second = limiter.acquire('u', { estimatedTokens: 0 }).then((lease) => (order.push('second'), lease));
    const third = limiter.acquire('u', { estimatedTokens: 0 }).then((lease) => (order.push('third'), lease));
    await settled();
    assert.deepEqual(order, []);
    first.release(0);
    first.release(0); // idempotent: must not free a second slot
    await settled();
    assert.deepEqual(order, ['second']);
    (await second).release(0);
    await settled();
    assert.deepEqual(order, ['second', 'third']);
    (await third).release(0);
  });

  it('refuses when the queue is full', async () => {
    const limiter = new RateLimiter({ ...roomy, concurrentRequests: 1 }, { now: clock().now, maxQueue: 2 });
    const first = await limiter.acquire('u', { estimatedTokens: 0 });
    const waiting = [limiter.acquire('u', { estimatedTokens: 0 }), limiter.acquire('u', { estimatedTokens: 0 })];
    const error = await rejection(limiter.acquire('u', { estimatedTokens: 0 }));
    assert.ok(error instanceof RateLimitError);
    first.release(0);
    for (const waiter of waiting) (await waiter).release(0);
  });

  it('a waiter aborted leaves the queue with AbortError and the next one gets the slot', async () => {
    const limiter = new RateLimiter({ ...roomy, concurrentRequests: 1, requestsPerMinute: 3 }, { now: clock().now });
    const first = await limiter.acquire('u', { estimatedTokens: 0 });
    const controller = new AbortController();
    const aborted = limiter.acquire('u', { estimatedTokens: 0, signal: controller.signal });
    const next = limiter.acquire('u', { estimatedTokens: 0 });
    // Queued requests count: a fourth request this minute is refused.
    await rejection(limiter.acquire('u', { estimatedTokens: 0 }));
    controller.abort();
    assert.ok((await rejection(aborted)) instanceof AbortError);
    // The aborted one gave its reservation back.
    assert.equal(limiter.check('u').remaining, 1);
    first.release(0);
    (await next).release(0);
    await assert.rejects(limiter.acquire('u', { estimatedTokens: 0, signal: AbortSignal.abort() }), AbortError);
  });

  it('raising concurrentRequests with setLimits lets waiters in', async () => {
    const limiter = new RateLimiter({ ...roomy, concurrentRequests: 1 }, { now: clock().now });
    const first = await limiter.acquire('u', { estimatedTokens: 0 });
    let granted = false;
    const second = limiter.acquire('u', { estimatedTokens: 0 }).then((lease) => ((granted = true), lease));
    limiter.setLimits({ ...roomy, concurrentRequests: 2 });
    await settled();
    assert.equal(granted, true);
    first.release(0);
    (await second).release(0);
  });

  it('persists the windows so a new limiter (restart, second window) keeps the daily quota', async () => {
    const c = clock();
    const store = new MapStore();
    const limits = { ...roomy, requestsPerDay: 2 };
    const before = new RateLimiter(limits, { now: c.now, store });
    (await before.acquire('u', { estimatedTokens: 10 })).release(10);
    (await before.acquire('u', { estimatedTokens: 10 })).release(10);
    c.advance(3_600_000);
    const after = new RateLimiter(limits, { now: c.now, store });
    const error = await rejection(after.acquire('u', { estimatedTokens: 0 }));
    assert.ok(error instanceof RateLimitError);
    assert.match(error.message, /per day/);
  });

  it('starts fresh when the stored counters are invalid', async () => {
    const store = new MapStore();
    store.data.set('u', { v: 1, minute: [{ start: 'yesterday' }], hour: [], day: [] });
    const limiter = new RateLimiter({ ...roomy, requestsPerMinute: 1 }, { now: clock().now, store });
    (await limiter.acquire('u', { estimatedTokens: 0 })).release(0);
    const saved = store.load('u');
    assert.equal(saved?.minute.length, 1);
    assert.equal(saved?.minute[0].requests, 1);
  });
});
