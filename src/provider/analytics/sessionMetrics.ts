/** This session's request outcomes, for a quick status line: exact percentiles over recent samples. */
import { type RequestEvent } from './analyticsEvent';
import { percentile } from './percentile';

/** Enough for stable percentiles, small enough to sort on demand. */
const MAX_SAMPLES = 10_000;

export interface SessionMetricsSnapshot {
  totalRequests: number;
  successfulRequests: number;
  failedRequests: number;
  averageLatency: number;
  p50Latency: number;
  p95Latency: number;
  p99Latency: number;
  averageTimeToFirstToken: number;
  totalTokensProcessed: number;
}

export class SessionMetrics {
  private totalRequests = 0;
  private successfulRequests = 0;
  private failedRequests = 0;
  private totalTokensProcessed = 0;
  private latencies: number[] = [];
  private ttfts: number[] = [];

  add(event: RequestEvent): void {
    this.totalRequests += 1;
    if (event.outcome === 'success') this.successfulRequests += 1;
    if (event.outcome === 'error') this.failedRequests += 1;
    this.totalTokensProcessed += event.totalTokens;
    if (event.outcome !== 'aborted') pushBounded(this.latencies, event.latencyMs);
    if (event.ttftMs !== null) pushBounded(this.ttfts, event.ttftMs);
  }

  snapshot(): SessionMetricsSnapshot {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      totalRequests: this.totalRequests,
      successfulRequests: this.successfulRequests,
      failedRequests: this.failedRequests,
      averageLatency: mean(this.latencies),
      p50Latency: percentile(sorted, 50),
      p95Latency: percentile(sorted, 95),
      p99Latency: percentile(sorted, 99),
      averageTimeToFirstToken: mean(this.ttfts),
      totalTokensProcessed: this.totalTokensProcessed,
    };
  }

  reset(): void {
    this.totalRequests = this.successfulRequests = this.failedRequests = this.totalTokensProcessed = 0;
    this.latencies = [];
    this.ttfts = [];
  }
}

function pushBounded(samples: number[], value: number): void {
  samples.push(value);
  if (samples.length > MAX_SAMPLES) samples.splice(0, samples.length - MAX_SAMPLES);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}
