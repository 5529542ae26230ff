/**
 * Success rate over a trailing time window, from the cumulative counters a metrics source keeps
 * (tracker.getMetrics() or provider.getMetrics()): each check stores the counters, and the window's
 * figures are the difference between now and the newest stored point at least `windowMs` old.
 */
export interface RequestCounters {
  successfulRequests: number;
  failedRequests: number;
  /** The source's p95 over its recent requests, ms. */
  p95Latency: number;
}

export interface WindowFigures {
  /** Completed (successful + failed) requests in the window. */
  requests: number;
  failed: number;
  /** 0..1; null without completed requests. */
  successRate: number | null;
  /** The source's recent p95; null without completed requests in the window (stale otherwise). */
  p95LatencyMs: number | null;
  /** How far back the window actually reaches, ms. */
  spanMs: number;
}

interface Point {
  time: number;
  successful: number;
  failed: number;
}

export class RequestWindow {
  private points: Point[] = [];

  constructor(private readonly windowMs: number) {}

  /** Stores the counters read at `time` and returns the window ending there. */
  record(time: number, counters: RequestCounters): WindowFigures {
    const point = { time, successful: counters.successfulRequests, failed: counters.failedRequests };
    const last = this.points.at(-1);
    // Counters went down: the source was reset (Delete My Data); start over from here.
    if (last && (point.successful < last.successful || point.failed < last.failed)) this.points = [];
    this.points.push(point);
    let baseIndex = 0;
    for (let i = 0; i < this.points.length - 1; i++) if (this.points[i].time <= time - this.windowMs) baseIndex = i;
    this.points = this.points.slice(baseIndex);
    const base = this.points[0];
    const successful = point.successful - base.successful;
    const failed = point.failed - base.failed;
    const requests = successful + failed;
    return {
      requests,
      failed,
      successRate: requests === 0 ? null : successful / requests,
      p95LatencyMs: requests === 0 ? null : counters.p95Latency,
      spanMs: time - base.time,
    };
  }
}
