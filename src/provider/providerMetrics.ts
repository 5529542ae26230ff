/**
 * The provider's own performance figures: counters since start and true percentiles over a bounded
 * window of the latest real samples. Only requests that reached the server count; a cancelled
 * request is neither a success nor a failure.
 */
import { percentile } from './analytics';

export interface ProviderMetrics {
  totalRequests: number;
  successfulRequests: number;
  failedRequests: number;
  averageLatency: number;
  p50Latency: number;
  p95Latency: number;
  p99Latency: number;
  /** Over the successful requests that produced content; 0 when none did. */
  averageTimeToFirstToken: number;
  totalTokensProcessed: number;
}

const DEFAULT_WINDOW = 1000;

/** A fixed-size window that keeps the newest samples. */
class SampleWindow {
  private readonly samples: number[] = [];
  constructor(private readonly size: number) {}

  add(sample: number): void {
    this.samples.push(sample);
    if (this.samples.length > this.size) this.samples.shift();
  }

  sorted(): number[] {
    return [...this.samples].sort((a, b) => a - b);
  }

  average(): number {
    return this.samples.length === 0 ? 0 : this.samples.reduce((sum, value) => sum + value, 0) / this.samples.length;
  }
}

export class MetricsRecorder {
  private successes = 0;
  private failures = 0;
  private tokens = 0;
  private readonly latencies: SampleWindow;
  private readonly firstTokenTimes: SampleWindow;

  constructor(windowSize = DEFAULT_WINDOW) {
    this.latencies = new SampleWindow(windowSize);
    this.firstTokenTimes = new SampleWindow(windowSize);
  }

  recordSuccess(latencyMs: number, timeToFirstTokenMs: number | null, totalTokens: number): void {
    this.successes++;
    this.tokens += totalTokens;
    this.latencies.add(latencyMs);
    if (timeToFirstTokenMs !== null) this.firstTokenTimes.add(timeToFirstTokenMs);
  }

  recordFailure(latencyMs: number, totalTokens = 0): void {
    this.failures++;
    this.tokens += totalTokens;
    this.latencies.add(latencyMs);
  }

  snapshot(): ProviderMetrics {
    const sorted = this.latencies.sorted();
    return {
      totalRequests: this.successes + this.failures,
      successfulRequests: this.successes,
      failedRequests: this.failures,
      averageLatency: this.latencies.average(),
      p50Latency: percentile(sorted, 50),
      p95Latency: percentile(sorted, 95),
      p99Latency: percentile(sorted, 99),
      averageTimeToFirstToken: this.firstTokenTimes.average(),
      totalTokensProcessed: this.tokens,
    };
  }
}
