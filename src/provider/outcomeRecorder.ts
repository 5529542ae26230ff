/**
 * Records each request's outcome exactly once: the provider's own metrics (only requests that were
 * sent and not cancelled: a cancellation is neither success nor failure, so it is left out), a log line, the shared analytics
 * tracker when one is configured, and one RequestFinished event on the shared stream when one is given.
 */
import { RequestMetrics, type AnalyticsTracker, type RequestMetricsSnapshot } from './analytics';
import { AbortError, isGrokError, RateLimitError } from './errors';
import { type RequestOutcomes } from './requestOutcomes';
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

/** Only an inline request may end so (the provider refuses an empty answer for the others). */
function isEmptyAnswer(result: GenerateResult): boolean {
  return result.content === '' && result.toolCalls.length === 0;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class OutcomeRecorder {
  private readonly metrics = new RequestMetrics();
  /** Feature and model of the requests started and not yet finished, for the finished event. */
  private readonly open = new Map<string, { feature: Feature; model: string }>();

  constructor(
    private readonly logger: Logger,
    private readonly analytics: AnalyticsTracker | undefined,
    private readonly now: () => number,
    private readonly stream?: RequestOutcomes,
  ) {}

  started(e: { requestId: string; userId: string; feature: Feature; model: string }): void {
    this.open.set(e.requestId, { feature: e.feature, model: e.model });
    this.analytics?.trackRequest(e);
  }

  finished(outcome: RequestOutcome): void {
    const { requestId, result, failure, sentAt, usage } = outcome;
    // Refused before sending (no key, no consent, a local limit): no latency at all, not 0 ms.
    const latencyMs = result ? result.metadata.latencyMs : sentAt === undefined ? null : this.now() - sentAt;
    const aborted = failure instanceof AbortError;
    const errorCode = isGrokError(failure) ? failure.code : 'unknown';
    if (result) {
      const ttftMs = result.metadata.timeToFirstTokenMs;
      this.metrics.add({ outcome: 'success', latencyMs, ttftMs, totalTokens: result.usage.totalTokens });
      this.logger.debug(`Request ${requestId} done in ${latencyMs} ms (${result.usage.totalTokens} tokens).`);
    } else {
      if (latencyMs !== null && !aborted) {
        this.metrics.add({ outcome: 'error', latencyMs, ttftMs: null, totalTokens: usage?.totalTokens ?? 0 });
      }
      // not UI text: a log line
      this.logger[aborted ? 'debug' : 'warn'](`Request ${requestId} ended: ${errorCode}: ${describe(failure)}`);
    }
    const ttftMs = outcome.firstTokenAt === null || sentAt === undefined ? null : outcome.firstTokenAt - sentAt;
    const kind = result ? 'success' : aborted ? 'aborted' : 'error';
    const noSuggestion = result !== undefined && isEmptyAnswer(result);
    const started = this.open.get(requestId);
    this.open.delete(requestId);
    this.stream?.emit({
      requestId,
      feature: started?.feature ?? 'other',
      requestedModel: started?.model ?? result?.model ?? '',
      servedModel: result?.model,
      outcome: kind,
      ...(noSuggestion && { noSuggestion }),
      ...(kind === 'error' && { errorCode, failure }),
      usage,
      sent: sentAt !== undefined,
      latencyMs,
      ttftMs,
      ...(failure instanceof RateLimitError && { retryAfter: failure.retryAfter }),
    });
    if (!this.analytics) return;
    void this.analytics
      .trackResponse({
        requestId,
        outcome: kind,
        ...(noSuggestion && { noSuggestion }),
        ...(kind === 'error' && { errorCode }),
        ...(result && { servedModel: result.model }),
        usage,
        timeToFirstTokenMs: ttftMs,
        latencyMs,
      })
      .catch((error: unknown) => this.logger.warn(`Could not record analytics for ${requestId}: ${describe(error)}`));
  }

  snapshot(): RequestMetricsSnapshot {
    return this.metrics.snapshot();
  }
}
