import * as assert from 'node:assert/strict';
import { RequestWindow } from '../../../src/health/requestWindow';

const MIN = 60_000;
const counters = (successfulRequests: number, failedRequests: number, p95Latency = 800) => ({ successfulRequests, failedRequests, p95Latency });

describe('RequestWindow', () => {
  it('has no rate and no p95 before any request completed', () => {
    const window = new RequestWindow(15 * MIN);
    window.record(0, counters(0, 0));
    assert.deepEqual(window.record(5 * MIN, counters(0, 0)), { requests: 0, failed: 0, successRate: null, p95LatencyMs: null, spanMs: 5 * MIN });
  });

  it('measures from the newest point at least a window old, forgetting what happened before it', () => {
    const window = new RequestWindow(15 * MIN);
    window.record(0, counters(100, 50)); // a bad start, long gone by the end
    window.record(5 * MIN, counters(110, 50));
    window.record(10 * MIN, counters(120, 50));
    window.record(15 * MIN, counters(130, 50));
    const figures = window.record(20 * MIN, counters(148, 52, 1200));
    // Base: the point at 5 min (the newest one at or before 20 - 15 = 5 min).
    assert.deepEqual(figures, { requests: 40, failed: 2, successRate: 38 / 40, p95LatencyMs: 1200, spanMs: 15 * MIN });
  });

  it('reaches back to the first point while the window is not yet full', () => {
    const window = new RequestWindow(15 * MIN);
    window.record(0, counters(10, 0));
    assert.equal(window.record(5 * MIN, counters(19, 1)).successRate, 0.9);
  });

  it('starts over when the counters were reset', () => {
    const window = new RequestWindow(15 * MIN);
    window.record(0, counters(500, 100));
    const figures = window.record(5 * MIN, counters(3, 0));
    assert.deepEqual(figures, { requests: 0, failed: 0, successRate: null, p95LatencyMs: null, spanMs: 0 });
    assert.equal(window.record(10 * MIN, counters(13, 0)).requests, 10);
  });
});
