import { strict as assert } from 'node:assert';
import { MetricsRecorder } from '../../../src/provider/providerMetrics';

describe('MetricsRecorder', () => {
  it('reports true nearest-rank percentiles of the latency samples', () => {
    const recorder = new MetricsRecorder();
    for (let latency = 1; latency <= 100; latency++) recorder.recordSuccess(latency, latency / 2, 10);
    const metrics = recorder.snapshot();
    assert.equal(metrics.p50Latency, 50);
    assert.equal(metrics.p95Latency, 95);
    assert.equal(metrics.p99Latency, 99);
    assert.equal(metrics.averageLatency, 50.5);
    assert.equal(metrics.averageTimeToFirstToken, 25.25);
    assert.equal(metrics.totalTokensProcessed, 1000);
  });

  it('keeps only the newest samples in the window, and counts everything', () => {
    const recorder = new MetricsRecorder(10);
    for (let i = 0; i < 10; i++) recorder.recordSuccess(1000, null, 0);
    for (let i = 0; i < 10; i++) recorder.recordFailure(5);
    const metrics = recorder.snapshot();
    assert.equal(metrics.p99Latency, 5);
    assert.equal(metrics.totalRequests, 20);
    assert.equal(metrics.failedRequests, 10);
    assert.equal(metrics.averageTimeToFirstToken, 0);
  });

  it('reports zeros before any request', () => {
    const metrics = new MetricsRecorder().snapshot();
    assert.deepEqual(metrics, {
      totalRequests: 0,
      successfulRequests: 0,
      failedRequests: 0,
      averageLatency: 0,
      p50Latency: 0,
      p95Latency: 0,
      p99Latency: 0,
      averageTimeToFirstToken: 0,
      totalTokensProcessed: 0,
    });
  });
});
