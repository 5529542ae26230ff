export {
  AnalyticsEventSchema,
  FeatureSchema,
  InteractionEventSchema,
  RequestEventSchema,
  type AnalyticsEvent,
  type InteractionEvent,
  type RequestEvent,
} from './analyticsEvent';
export { EXPORT_CSV_COLUMNS, EXPORT_FORMAT_VERSION } from './analyticsExport';
export { MemoryAnalyticsStore, type AnalyticsStore, type TimeRange } from './analyticsStore';
export { AnalyticsTracker, type AnalyticsTrackerOptions, type TrackedResponse } from './analyticsTracker';
export { DailyAggregateSchema, DayAggregator, DAY_MS, dayOverlaps, dayStart, utcDay, type DailyAggregate } from './dailyAggregate';
export {
  HISTOGRAM_RELATIVE_ERROR,
  LatencyHistogram,
  LatencyHistogramDataSchema,
  type ChartBucket,
  type LatencyHistogramData,
} from './latencyHistogram';
export { percentile } from './percentile';
export { PerformanceReportSchema, UsageStatsSchema, type PerformanceReport, type UsageStats } from './performanceReport';
export { DEFAULT_METRICS_WINDOW, RequestMetrics, type RequestMetricsSnapshot, type RequestSample } from './requestMetrics';
export { UsageTotals, UsageTotalsDataSchema, type UsageTotalsData } from './usageTotals';
