/** Section 5, analytics at scale: the analytics engineer's benchAnalytics, as ledger figures. */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { benchAnalytics } from './analyticsScale';
import { atMost, type Figure, type SectionResult } from './figure';
import { round } from './stats';

export interface AnalyticsSectionOptions {
  events: number;
  days: number;
}

const REPORT_BUDGET_MS = 200;

export async function benchAnalyticsSection(options: AnalyticsSectionOptions): Promise<SectionResult> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), 'grok-bench-analytics-'));
  try {
    const result = await benchAnalytics({ events: options.events, days: options.days, dir });
    const section = 'analytics';
    const scale = `${options.events.toLocaleString('en-US')} events, ${options.days} days`;
    const figures: Figure[] = [
      { section, name: `ingest ${scale}`, value: round(result.ingestMs), unit: 'ms', runs: 1, note: `peak RSS ${result.ingestPeakRssMb} MB` },
      {
        section,
        name: '90-day performance report',
        value: round(result.reportMs),
        unit: 'ms',
        target: atMost(result.reportMs, REPORT_BUDGET_MS, `≤ ${REPORT_BUDGET_MS} ms`),
        runs: 1,
        note: `peak RSS ${result.reportPeakRssMb} MB`,
      },
      { section, name: 'reopen store + 90-day report', value: round(result.reopenAndReportMs), unit: 'ms', runs: 1 },
    ];
    return { figures, raw: { ...options, ...result } };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
