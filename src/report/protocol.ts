/**
 * The Performance Report's message protocol, shared by the extension host (src/report) and the
 * webview (src/webview/report). The receiving side parses every message with these schemas and drops
 * (and logs) anything that does not parse. No `vscode` import: the webview bundles this file.
 *
 * Sequence: the webview sends `ready` with the period it shows (remembered across reloads, else 30
 * days); the host answers with `report`. Choosing a period sends `setPeriod`; the host answers
 * `loading` at once, then `report` (or `failed`). `export` asks the host to run Export Analytics.
 * The host may also push a fresh `report` unasked (e.g. after Delete My Data).
 */
// zod/mini: the same validation as `zod` at a fraction of the webview bundle size.
import * as z from 'zod/mini';
import { REPORT_PERIODS, type ReportPeriod } from '../provider/analytics/reportPeriod';
import { parseOrUndefined } from '../platform/parseOrUndefined';

export { REPORT_PERIODS, type ReportPeriod };
export const DEFAULT_REPORT_PERIOD: ReportPeriod = 30;

const LIMITS = { label: 200, days: 400, buckets: 200, errors: 100, models: 200, message: 2000 } as const;

const number = z.number().check(z.nonnegative());
const label = z.string().check(z.maxLength(LIMITS.label));

export const ReportPeriodSchema = z.literal(REPORT_PERIODS);

const DistributionViewSchema = z.object({ mean: number, p50: number, p95: number, p99: number });

export const UsageStatsViewSchema = z.object({
  totalRequests: number,
  /** 0..1 over completed requests. */
  successRate: number,
  /** Successes with an empty answer: ghost text with nothing to suggest (not an error). */
  noSuggestion: number,
  latency: DistributionViewSchema,
  timeToFirstToken: DistributionViewSchema,
  tokens: z.object({ prompt: number, completion: number, reasoning: number, cached: number, total: number }),
  /** 0..1: cached over prompt tokens. */
  cacheHitRate: number,
  costUsd: number,
  /** Failed requests by error code. */
  errors: z.record(label, number).check(z.refine((errors) => Object.keys(errors).length <= LIMITS.errors)),
});

export const FeatureNameSchema = z.enum(['inline', 'chat', 'vscode-chat', 'action', 'apply', 'health', 'other']);

export const ReportViewSchema = z.extend(UsageStatsViewSchema, {
  /** ISO 8601. */
  period: z.object({ start: label, end: label }),
  /** `costPerAcceptedUsd`, `costPer1000AcceptedCharsUsd`: the inline feature's cost over what was accepted (0 when nothing was). */
  inline: z.object({ shown: number, accepted: number, partial: number, acceptedChars: number, acceptRate: number, costPerAcceptedUsd: number, costPer1000AcceptedCharsUsd: number }),
  byFeature: z.partialRecord(FeatureNameSchema, UsageStatsViewSchema),
  /** Per model that answered (a redirect bills the serving model), most requests first. */
  byModel: z.array(z.object({ model: label, requests: number, totalTokens: number, costUsd: number })).check(z.maxLength(LIMITS.models)),
  byDay: z
    .array(z.object({ day: label, requests: number, successRate: number, p95: number, costUsd: number, costByFeature: z.partialRecord(FeatureNameSchema, number) }))
    .check(z.maxLength(LIMITS.days)),
  /** `toMs` null: the open-ended last bucket. */
  latencyHistogram: z
    .array(z.object({ fromMs: number, toMs: z.nullable(number), count: number }))
    .check(z.maxLength(LIMITS.buckets)),
});

// ---- host -> webview ----------------------------------------------------------------------------

export const ToReportMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('loading'), period: ReportPeriodSchema }),
  z.object({
    type: z.literal('report'),
    period: ReportPeriodSchema,
    /** False when the analytics setting or cloud feature is off: nothing new is being recorded. */
    analyticsEnabled: z.boolean(),
    report: ReportViewSchema,
  }),
  z.object({ type: z.literal('failed'), period: ReportPeriodSchema, message: z.string().check(z.maxLength(LIMITS.message)) }),
]);

// ---- webview -> host ----------------------------------------------------------------------------

export const FromReportMessageSchema = z.discriminatedUnion('type', [
  /** Sent once the page runs, with the period it shows (remembered across reloads). */
  z.object({ type: z.literal('ready'), period: ReportPeriodSchema }),
  z.object({ type: z.literal('setPeriod'), period: ReportPeriodSchema }),
  z.object({ type: z.literal('export') }),
]);

export type UsageStatsView = z.infer<typeof UsageStatsViewSchema>;
export type ReportView = z.infer<typeof ReportViewSchema>;
export type ToReportMessage = z.infer<typeof ToReportMessageSchema>;
export type FromReportMessage = z.infer<typeof FromReportMessageSchema>;

/** Parses a message for the webview; undefined when it is not a valid protocol message. */
export const parseToReport = (value: unknown): ToReportMessage | undefined => parseOrUndefined(ToReportMessageSchema, value);

/** Parses a message from the webview; undefined when it is not a valid protocol message. */
export const parseFromReport = (value: unknown): FromReportMessage | undefined => parseOrUndefined(FromReportMessageSchema, value);
