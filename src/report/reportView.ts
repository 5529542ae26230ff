/**
 * The report as the webview receives it: the core's PerformanceReport with the open-ended histogram
 * bucket (`toMs: Infinity`, which JSON cannot carry) as null.
 */
import { type PerformanceReport } from '../provider/analytics';
import { type ReportView } from './protocol';

export function toReportView(report: PerformanceReport): ReportView {
  const { modelId: _modelId, latencyHistogram, ...rest } = report;
  return {
    ...rest,
    latencyHistogram: latencyHistogram.map((bucket) => ({ ...bucket, toMs: Number.isFinite(bucket.toMs) ? bucket.toMs : null })),
  };
}
