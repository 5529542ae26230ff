/**
 * Running totals over a set of events: counts, error codes, latency and time-to-first-token
 * histograms, tokens, cost and inline interactions. Mergeable, so days add up to any period.
 */
import * as z from 'zod';
import { addUsage, UsageSchema, ZERO_USAGE, type Usage } from '../usageSchema';
import { type AnalyticsEvent } from './analyticsEvent';
import { LatencyHistogram, LatencyHistogramDataSchema } from './latencyHistogram';

const count = z.number().int().nonnegative();

/**
 * Validates stored running totals: counts, error codes, latency and time-to-first-token histograms, tokens, cost and inline
 * interactions.
 */
export const UsageTotalsDataSchema = z.object({
  requests: count,
  successes: count,
  /** Successes with an empty answer (inline: nothing to suggest); absent in older records. */
  noSuggestion: count.default(0),
  aborted: count,
  /** Error code -> count, for requests that ended in an error. */
  errors: z.record(z.string(), count),
  /**
   * Successful and failed requests that were sent; aborted ones end when the user moves on, and ones
   * refused locally never had a latency, so both are left out.
   */
  latency: LatencyHistogramDataSchema,
  ttft: LatencyHistogramDataSchema,
  ...UsageSchema.shape,
  interactions: z.object({ shown: count, accepted: count, partial: count, acceptedChars: count }),
});
export type UsageTotalsData = z.infer<typeof UsageTotalsDataSchema>;

export class UsageTotals {
  requests = 0;
  successes = 0;
  noSuggestion = 0;
  aborted = 0;
  readonly errors: Record<string, number> = {};
  readonly latency = new LatencyHistogram();
  readonly ttft = new LatencyHistogram();
  usage: Usage = ZERO_USAGE;
  readonly interactions = { shown: 0, accepted: 0, partial: 0, acceptedChars: 0 };

  get failures(): number {
    return this.requests - this.successes - this.aborted;
  }

  add(event: AnalyticsEvent): void {
    if (event.kind === 'interaction') {
      this.interactions[event.action] += 1;
      if (event.action !== 'shown') this.interactions.acceptedChars += event.chars;
      return;
    }
    this.requests += 1;
    if (event.outcome === 'success') this.successes += 1;
    if (event.noSuggestion === true) this.noSuggestion += 1;
    if (event.outcome === 'aborted') this.aborted += 1;
    if (event.outcome === 'error') {
      const code = event.errorCode ?? 'unknown';
      this.errors[code] = (this.errors[code] ?? 0) + 1;
    }
    // A request refused before it was sent has no latency: a 0 ms sample would drag p50 down.
    if (event.outcome !== 'aborted' && event.latencyMs !== null) this.latency.add(event.latencyMs);
    if (event.ttftMs !== null) this.ttft.add(event.ttftMs);
    this.usage = addUsage(this.usage, event);
  }

  merge(data: UsageTotalsData): void {
    this.requests += data.requests;
    this.successes += data.successes;
    this.noSuggestion += data.noSuggestion;
    this.aborted += data.aborted;
    for (const [code, n] of Object.entries(data.errors)) this.errors[code] = (this.errors[code] ?? 0) + n;
    this.latency.merge(data.latency);
    this.ttft.merge(data.ttft);
    this.usage = addUsage(this.usage, data);
    this.interactions.shown += data.interactions.shown;
    this.interactions.accepted += data.interactions.accepted;
    this.interactions.partial += data.interactions.partial;
    this.interactions.acceptedChars += data.interactions.acceptedChars;
  }

  toJSON(): UsageTotalsData {
    return {
      requests: this.requests,
      successes: this.successes,
      noSuggestion: this.noSuggestion,
      aborted: this.aborted,
      errors: { ...this.errors },
      latency: this.latency.toJSON(),
      ttft: this.ttft.toJSON(),
      ...this.usage,
      interactions: { ...this.interactions },
    };
  }
}
