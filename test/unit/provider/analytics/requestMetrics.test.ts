import { strict as assert } from 'node:assert';
import { RequestMetrics } from '../../../../src/provider/analytics';

describe('RequestMetrics', () => {
  it('reports true nearest-rank percentiles of the latency samples', () => {
    const metrics = new RequestMetrics();
    for (let latency = 1; latency <= 100; latency++) {
      metrics.add({ outcome: 'success', latencyMs: latency, ttftMs: latency / 2, totalTokens: 10 });
    }
    const snapshot = metrics.snapshot();
    assert.equal(snapshot.p50Latency, 50);
    assert.equal(snapshot.p95Latency, 95);
    assert.equal(snapshot.p99Latency, 99);
    assert.equal(snapshot.averageLatency, 50.5);
    assert.equal(snapshot.averageTimeToFirstToken, 25.25);
    assert.equal(snapshot.totalTokensProcessed, 1000);
  });

  it('keeps only the newest samples in the window, and counts everything', () => {
    const metrics = new RequestMetrics(10);
    for (let i = 0; i < 10; i++) metrics.add({ outcome: 'success', latencyMs: 1000, ttftMs: null, totalTokens: 0 });
    for (let i = 0; i < 10; i++) metrics.add({ outcome: 'error', latencyMs: 5, ttftMs: null, totalTokens: 0 });
    const snapshot = metrics.snapshot();
    assert.equal(snapshot.p99Latency, 5);
    assert.equal(snapshot.averageLatency, 5);
    assert.equal(snapshot.totalRequests, 20);
    assert.equal(snapshot.failedRequests, 10);
    assert.equal(snapshot.averageTimeToFirstToken, 0);
  });

  it('counts an aborted request and its tokens but leaves its latency out', () => {
    const metrics = new RequestMetrics();
    metrics.add({ outcome: 'success', latencyMs: 100, ttftMs: 20, totalTokens: 7 });
    metrics.add({ outcome: 'aborted', latencyMs: 3, ttftMs: 2, totalTokens: 5 });
    const snapshot = metrics.snapshot();
    assert.equal(snapshot.totalRequests, 2);
    assert.equal(snapshot.successfulRequests, 1);
    assert.equal(snapshot.failedRequests, 0);
    assert.equal(snapshot.p50Latency, 100);
    assert.equal(snapshot.averageTimeToFirstToken, 11);
    assert.equal(snapshot.totalTokensProcessed, 12);
  });

  it('reports zeros before any request and after a reset', () => {
    const zeros = {
      totalRequests: 0,
      successfulRequests: 0,
      failedRequests: 0,
      averageLatency: 0,
      p50Latency: 0,
      p95Latency: 0,
      p99Latency: 0,
      averageTimeToFirstToken: 0,
      totalTokensProcessed: 0,
    };
    const metrics = new RequestMetrics();
    assert.deepEqual(metrics.snapshot(), zeros);
    metrics.add({ outcome: 'error', latencyMs: 9, ttftMs: 1, totalTokens: 3 });
    metrics.reset();
    assert.deepEqual(metrics.snapshot(), zeros);
  });
});
