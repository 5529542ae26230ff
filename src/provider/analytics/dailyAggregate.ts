/**
 * One UTC day's totals per feature and model (the model that answered a request, which a redirect
 * makes differ from the one asked for; costs follow it; the one asked for is kept beside it, so a report
 * for a redirected name still counts its requests): what reports are computed from, so a report over
 * months of events reads a few hundred small records instead of the event log.
 */
import * as z from 'zod';
import { DAY_MS } from './reportPeriod';
import { type AnalyticsEvent, FeatureSchema } from './analyticsEvent';
import { UsageTotals, UsageTotalsDataSchema } from './usageTotals';

export { DAY_MS };

const DayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Validates one UTC day's stored totals (per feature and model) read back from a store. */
export const DailyAggregateSchema = z.object({
  v: z.literal(1),
  /** UTC day, YYYY-MM-DD. */
  day: DayKeySchema,
  groups: z.array(
    UsageTotalsDataSchema.extend({
      feature: FeatureSchema,
      model: z.string(),
      /** The model asked for, when another answered (e.g. grok-code-fast-1 served by grok-4.3); absent in older records. */
      requestedModel: z.string().optional(),
    }),
  ),
});
/** One UTC day's totals (YYYY-MM-DD) per feature and model. */
export type DailyAggregate = z.infer<typeof DailyAggregateSchema>;

/** The UTC day an epoch-ms time falls on, YYYY-MM-DD. */
export function utcDay(timeMs: number): string {
  return new Date(Math.floor(timeMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch ms at the start of a YYYY-MM-DD UTC day. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** Whether a day overlaps [start, end). */
export function dayOverlaps(day: string, range: { start: number; end: number }): boolean {
  const start = dayStart(day);
  return start < range.end && start + DAY_MS > range.start;
}

/** Folds events into per-day totals, one DailyAggregate per UTC day. */
export class DayAggregator {
  private readonly groups = new Map<string, { feature: AnalyticsEvent['feature']; model: string; requestedModel?: string; totals: UsageTotals }>();

  constructor(readonly day: string) {}

  static fromJSON(data: DailyAggregate): DayAggregator {
    const aggregator = new DayAggregator(data.day);
    for (const { feature, model, requestedModel, ...totals } of data.groups) aggregator.group(feature, model, requestedModel).merge(totals);
    return aggregator;
  }

  add(event: AnalyticsEvent): void {
    const served = event.kind === 'request' ? event.servedModel : undefined;
    this.group(event.feature, served ?? event.model, served === undefined ? undefined : event.model).add(event);
  }

  toJSON(): DailyAggregate {
    const groups = [...this.groups.values()].map(({ feature, model, requestedModel, totals }) => ({
      feature,
      model,
      ...(requestedModel !== undefined && { requestedModel }),
      ...totals.toJSON(),
    }));
    return { v: 1, day: this.day, groups };
  }

  private group(feature: AnalyticsEvent['feature'], model: string, requestedModel?: string): UsageTotals {
    const key = `${feature}\u0000${model}\u0000${requestedModel ?? ''}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { feature, model, ...(requestedModel !== undefined && { requestedModel }), totals: new UsageTotals() };
      this.groups.set(key, group);
    }
    return group.totals;
  }
}
