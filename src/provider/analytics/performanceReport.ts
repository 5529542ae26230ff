/**
 * The performance report, computed from daily aggregates only (instant over months of events).
 * Success rate counts completed requests: successes / (successes + errors) in percent (0..100, as the document's
 * `report.successRate < 95` reads it); cancellations are left out.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { FeatureSchema } from './analyticsEvent';
import { type DailyAggregate } from './dailyAggregate';
import { type LatencyHistogram } from './latencyHistogram';
import { UsageTotals } from './usageTotals';

const DistributionSchema = z.object({ mean: z.number(), p50: z.number(), p95: z.number(), p99: z.number() });

const UsageStatsSchema = z.object({
  totalRequests: z.number(),
  /** Percent, 0..100 (0 when nothing completed); a request that answered nothing to suggest is a success. */
  successRate: z.number(),
  /** Successful requests whose answer was empty (inline: the model had nothing to suggest), counted apart. */
  noSuggestion: z.number(),
  latency: DistributionSchema,
  timeToFirstToken: DistributionSchema,
  tokens: z.object({ prompt: z.number(), completion: z.number(), reasoning: z.number(), cached: z.number(), total: z.number() }),
  /** cached / prompt tokens. */
  cacheHitRate: z.number(),
  costUsd: z.number(),
  errors: z.record(z.string(), z.number()),
});
type UsageStats = z.infer<typeof UsageStatsSchema>;

/**
 * Rows a server's answers can multiply (one per served model name, one per error code) are capped:
 * the most frequent ones, then one row for the rest, so a server that answers with hundreds of
 * names cannot make the report too large to show (issue 21 kind 6).
 */
export const MAX_MODEL_ROWS = 20;
export const MAX_ERROR_ROWS = 20;
/** The row for the rest; not a valid model id or error code, so it never merges with a real one. */
export const OTHER_MODELS = l10n.t('(other models)');
export const OTHER_ERRORS = l10n.t('(other errors)');

/**
 * Validates a performance report: requests, success rate (percent of completed requests that succeeded; cancellations left out), latency
 * and time-to-first-token percentiles (ms), tokens, cache hit rate, cost (USD), per feature, per day, and the latency
 * histogram.
 */
export const PerformanceReportSchema = UsageStatsSchema.extend({
  period: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }),
  modelId: z.string().optional(),
  inline: z.object({
    shown: z.number(),
    accepted: z.number(),
    partial: z.number(),
    acceptedChars: z.number(),
    /** accepted / shown. */
    acceptRate: z.number(),
    /** The inline feature's cost (USD) over its accepted suggestions; 0 when none was accepted. */
    costPerAcceptedUsd: z.number(),
    /** The inline feature's cost (USD) per 1,000 accepted characters; 0 when none was accepted. */
    costPer1000AcceptedCharsUsd: z.number(),
  }),
  byFeature: z.partialRecord(FeatureSchema, UsageStatsSchema),
  /** Per model that answered, most requests first. */
  byModel: z.array(z.object({ model: z.string(), requests: z.number(), totalTokens: z.number(), costUsd: z.number() })),
  /** Per UTC day with requests; `costByFeature`: that day's cost (USD) per feature that had requests. */
  byDay: z.array(
    z.object({ day: z.string(), requests: z.number(), successRate: z.number(), p95: z.number(), costUsd: z.number(), costByFeature: z.partialRecord(FeatureSchema, z.number()) }),
  ),
  latencyHistogram: z.array(z.object({ fromMs: z.number(), toMs: z.number(), count: z.number() })),
});
/** The Performance Report's figures for a period (see PerformanceReportSchema). */
export type PerformanceReport = z.infer<typeof PerformanceReportSchema>;

export function buildPerformanceReport(
  aggregates: readonly DailyAggregate[],
  period: { start: Date; end: Date },
  modelId?: string,
): PerformanceReport {
  const overall = new UsageTotals();
  const byFeature = new Map<string, UsageTotals>();
  const byModel = new Map<string, UsageTotals>();
  const byDay: PerformanceReport['byDay'] = [];
  for (const aggregate of aggregates) {
    const day = new UsageTotals();
    const costByFeature: PerformanceReport['byDay'][number]['costByFeature'] = {};
    for (const { feature, model, requestedModel, ...totals } of aggregate.groups) {
      // A report for a name counts the requests asked of it, also those another model answered (a redirect).
      if (modelId !== undefined && model !== modelId && requestedModel !== modelId) continue;
      overall.merge(totals);
      day.merge(totals);
      if (totals.requests > 0) costByFeature[feature] = (costByFeature[feature] ?? 0) + totals.costUsd;
      let featureTotals = byFeature.get(feature);
      if (!featureTotals) byFeature.set(feature, (featureTotals = new UsageTotals()));
      featureTotals.merge(totals);
      let modelTotals = byModel.get(model);
      if (!modelTotals) byModel.set(model, (modelTotals = new UsageTotals()));
      modelTotals.merge(totals);
    }
    if (day.requests > 0) {
      byDay.push({ day: aggregate.day, requests: day.requests, successRate: successRate(day), p95: day.latency.quantile(95), costUsd: day.usage.costUsd, costByFeature });
    }
  }
  const { shown, accepted, partial, acceptedChars } = overall.interactions;
  const inlineCostUsd = byFeature.get('inline')?.usage.costUsd ?? 0;
  return {
    period: { start: period.start.toISOString(), end: period.end.toISOString() },
    ...(modelId === undefined ? {} : { modelId }),
    ...usageStats(overall),
    inline: {
      shown,
      accepted,
      partial,
      acceptedChars,
      acceptRate: ratio(accepted, shown),
      costPerAcceptedUsd: ratio(inlineCostUsd, accepted),
      costPer1000AcceptedCharsUsd: ratio(inlineCostUsd, acceptedChars) * 1000,
    },
    byFeature: Object.fromEntries([...byFeature].map(([feature, totals]) => [feature, usageStats(totals)])),
    byModel: modelRows(byModel),
    byDay,
    latencyHistogram: overall.latency.chartBuckets(),
  };
}

function usageStats(totals: UsageTotals): UsageStats {
  return {
    totalRequests: totals.requests,
    successRate: successRate(totals),
    noSuggestion: totals.noSuggestion,
    latency: distribution(totals.latency),
    timeToFirstToken: distribution(totals.ttft),
    tokens: {
      prompt: totals.usage.promptTokens,
      completion: totals.usage.completionTokens,
      reasoning: totals.usage.reasoningTokens,
      cached: totals.usage.cachedTokens,
      total: totals.usage.totalTokens,
    },
    cacheHitRate: ratio(totals.usage.cachedTokens, totals.usage.promptTokens),
    costUsd: totals.usage.costUsd,
    errors: errorRows(totals.errors),
  };
}

function modelRows(byModel: ReadonlyMap<string, UsageTotals>): PerformanceReport['byModel'] {
  const rows = [...byModel]
    .filter(([, totals]) => totals.requests > 0)
    .map(([model, totals]) => ({ model, requests: totals.requests, totalTokens: totals.usage.totalTokens, costUsd: totals.usage.costUsd }))
    .sort((a, b) => b.requests - a.requests || a.model.localeCompare(b.model));
  if (rows.length <= MAX_MODEL_ROWS) return rows;
  const rest = rows.slice(MAX_MODEL_ROWS - 1);
  const sum = (field: 'requests' | 'totalTokens' | 'costUsd') => rest.reduce((total, row) => total + row[field], 0);
  return [...rows.slice(0, MAX_MODEL_ROWS - 1), { model: OTHER_MODELS, requests: sum('requests'), totalTokens: sum('totalTokens'), costUsd: sum('costUsd') }];
}

function errorRows(errors: Readonly<Record<string, number>>): Record<string, number> {
  const rows = Object.entries(errors).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  if (rows.length <= MAX_ERROR_ROWS) return Object.fromEntries(rows);
  const rest = rows.slice(MAX_ERROR_ROWS - 1).reduce((total, [, n]) => total + n, 0);
  return Object.fromEntries([...rows.slice(0, MAX_ERROR_ROWS - 1), [OTHER_ERRORS, rest]]);
}

function distribution(histogram: LatencyHistogram): z.infer<typeof DistributionSchema> {
  return { mean: histogram.mean(), p50: histogram.quantile(50), p95: histogram.quantile(95), p99: histogram.quantile(99) };
}

/** In percent, 0..100. */
function successRate(totals: UsageTotals): number {
  return ratio(totals.successes, totals.successes + totals.failures) * 100;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
