/**
 * Records each request's outcome exactly once: the provider's own metrics (only requests that were
 * sent; a cancellation is neither success nor failure), a log line, and the shared analytics
 * tracker when one is configured.
 */
import { type AnalyticsTracker } from './analytics';
import { AbortError, isGrokError } from './errors';
import { MetricsRecorder, type ProviderMetrics } from './providerMetrics';
import { type Feature, type GenerateResult, type Logger, type Usage } from './types';

export interface RequestOutcome {
  requestId: string;
  result?: GenerateResult;
  failure?: unknown;
  /** When the request went to the server; undefined when it was refused before. */
  sentAt?: number;
  firstTokenAt: number | null;
  usage?: Usage;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class OutcomeRecorder {
  private readonly metrics = new MetricsRecorder();

  constructor(
    private readonly logger: Logger,
    private readonly analytics: AnalyticsTracker | undefined,
    private readonly now: () => number,
  ) {}

  started(e: { requestId: string; userId: string; feature: Feature; model: string }): void {
    this.analytics?.trackRequest(e);
  }

  finished(outcome: RequestOutcome): void {
    const { requestId, result, failure, sentAt, usage } = outcome;
    const latencyMs = result ? result.metadata.latencyMs : sentAt === undefined ? 0 : this.now() - sentAt;
    const aborted = failure instanceof AbortError;
    const errorCode = isGrokError(failure) ? failure.code : 'unknown';
    if (result) {
      this.metrics.recordSuccess(latencyMs, result.metadata.timeToFirstTokenMs, result.usage.totalTokens);
      this.logger.debug(`Request ${requestId} done in ${latencyMs} ms (${result.usage.totalTokens} tokens).`);
    } else {
      if (sentAt !== undefined && !aborted) this.metrics.recordFailure(latencyMs, usage?.totalTokens ?? 0);
      this.logger[aborted ? 'debug' : 'warn'](`Request ${requestId} ended: ${errorCode}: ${describe(failure)}`);
    }
    if (!this.analytics) return;
    void this.analytics
      .trackResponse({
        requestId,
        outcome: result ? 'success' : aborted ? 'aborted' : 'error',
        ...(!result && !aborted && { errorCode }),
        usage,
        timeToFirstTokenMs: outcome.firstTokenAt === null || sentAt === undefined ? null : outcome.firstTokenAt - sentAt,
        latencyMs,
      })
      .catch((error: unknown) => this.logger.warn(`Could not record analytics for ${requestId}: ${describe(error)}`));
  }

  snapshot(): ProviderMetrics {
    return this.metrics.snapshot();
  }
}
