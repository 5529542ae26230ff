/**
 * Request outcome figures for a quick status line: counters since start (or reset) and exact
 * nearest-rank percentiles over a bounded window of the newest samples. One implementation serves
 * the provider's getMetrics() and the analytics tracker's session metrics; each caller decides
 * which requests it adds.
 */
import { percentile } from './percentile';

/** Counters since start (or reset) and latency figures in ms over a bounded window of the newest requests. */
export interface RequestMetricsSnapshot {
  /** Every request added, aborted ones included (they are neither successes nor failures). */
  totalRequests: number;
  successfulRequests: number;
  failedRequests: number;
  /** Over the latencies of requests that were not aborted. */
  averageLatency: number;
  p50Latency: number;
  p95Latency: number;
  p99Latency: number;
  /** Over the requests added with a time to first token; 0 when none was. */
  averageTimeToFirstToken: number;
  totalTokensProcessed: number;
}

/** One finished request; a stored RequestEvent is one. */
export interface RequestSample {
  outcome: 'success' | 'error' | 'aborted';
  /** null: refused before it was sent, so no latency sample. */
  latencyMs: number | null;
  ttftMs: number | null;
  totalTokens: number;
}

/** Enough for stable percentiles, small enough to sort on demand. */
const DEFAULT_METRICS_WINDOW = 1000;

/**
 * Request outcome figures for a quick status line: counters and exact nearest-rank latency percentiles (ms) over the newest
 * samples.
 */
export class RequestMetrics {
  private totalRequests = 0;
  private successfulRequests = 0;
  private failedRequests = 0;
  private totalTokensProcessed = 0;
  private latencies: number[] = [];
  private ttfts: number[] = [];

  constructor(private readonly windowSize = DEFAULT_METRICS_WINDOW) {}

  add(sample: RequestSample): void {
    this.totalRequests += 1;
    if (sample.outcome === 'success') this.successfulRequests += 1;
    if (sample.outcome === 'error') this.failedRequests += 1;
    this.totalTokensProcessed += sample.totalTokens;
    if (sample.outcome !== 'aborted' && sample.latencyMs !== null) this.keep(this.latencies, sample.latencyMs);
    if (sample.ttftMs !== null) this.keep(this.ttfts, sample.ttftMs);
  }

  snapshot(): RequestMetricsSnapshot {
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

  private keep(samples: number[], value: number): void {
    samples.push(value);
    if (samples.length > this.windowSize) samples.shift();
  }
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}
