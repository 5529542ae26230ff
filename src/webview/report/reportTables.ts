/** The report's tables: latency, tokens, per feature, per day and errors by code. */
import * as l10n from '@vscode/l10n';
import { type ReportView, type UsageStatsView } from '../../report/protocol';
import { el } from '../shared/dom';
import { formatBucketRange, formatCount, formatDay, formatMs, formatPercent, formatTokens, formatUsd } from './format';

const FEATURE_LABELS: Record<string, () => string> = {
  inline: () => l10n.t('Inline completions'),
  chat: () => l10n.t('Chat'),
  'vscode-chat': () => l10n.t("VS Code's chat"),
  action: () => l10n.t('Selection actions'),
  apply: () => l10n.t('Apply to file (merge)'),
  health: () => l10n.t('Health checks'),
  other: () => l10n.t('Other'),
};

function featureLabel(feature: string): string {
  return FEATURE_LABELS[feature]?.() ?? feature;
}

function table(caption: string, name: string, headers: string[], rows: string[][]): HTMLElement {
  return el(
    'table',
    { class: 'data-table', 'data-table': name },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h, i) => el('th', { scope: 'col', class: i === 0 ? '' : 'num' }, h)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell, i) => el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : { class: 'num' }, cell))))),
  );
}

export function latencyTable(report: ReportView): HTMLElement {
  const row = (name: string, d: UsageStatsView['latency']) => [name, formatMs(d.mean), formatMs(d.p50), formatMs(d.p95), formatMs(d.p99)];
  return table(l10n.t('Latency'), 'latency', ['', l10n.t('Mean'), 'p50', 'p95', 'p99'], [
    row(l10n.t('Whole request'), report.latency),
    row(l10n.t('Time to first token'), report.timeToFirstToken),
  ]);
}

export function tokensTable(report: ReportView): HTMLElement {
  const t = report.tokens;
  return table(l10n.t('Tokens'), 'tokens', [l10n.t('Kind'), l10n.t('Tokens')], [
    [l10n.t('Prompt'), formatCount(t.prompt)],
    [l10n.t('… of which cached'), formatCount(t.cached)],
    [l10n.t('Completion'), formatCount(t.completion)],
    [l10n.t('Reasoning'), formatCount(t.reasoning)],
    [l10n.t('Total'), formatCount(t.total)],
  ]);
}

export function featureTable(report: ReportView): HTMLElement {
  const rows = Object.entries(report.byFeature)
    .filter((entry): entry is [string, UsageStatsView] => entry[1] !== undefined)
    .sort((a, b) => b[1].totalRequests - a[1].totalRequests)
    .map(([feature, s]) => [
      featureLabel(feature),
      formatCount(s.totalRequests),
      formatPercent(s.successRate / 100),
      formatMs(s.latency.p50),
      formatMs(s.latency.p95),
      formatMs(s.timeToFirstToken.p50),
      formatTokens(s.tokens.total),
      formatPercent(s.cacheHitRate),
      formatUsd(s.costUsd),
    ]);
  return table(l10n.t('By feature'), 'features', [l10n.t('Feature'), l10n.t('Requests'), l10n.t('Success'), 'p50', 'p95', l10n.t('First token'), l10n.t('Tokens'), l10n.t('Cache hits'), l10n.t('Cost')], rows);
}

/** The model that answered each request: a retired or redirected model shows under its successor. */
export function modelTable(report: ReportView): HTMLElement {
  const rows = report.byModel.map((m) => [m.model, formatCount(m.requests), formatTokens(m.totalTokens), formatUsd(m.costUsd)]);
  return table(l10n.t('By model (the model that answered)'), 'models', [l10n.t('Model'), l10n.t('Requests'), l10n.t('Tokens'), l10n.t('Cost')], rows);
}

/** Folded: the daily chart shows the same at a glance; the table is there for exact figures, with each feature's cost. */
export function dayTable(report: ReportView): HTMLElement {
  const byFeature = (costs: ReportView['byDay'][number]['costByFeature']) =>
    Object.entries(costs)
      .filter((entry): entry is [string, number] => entry[1] !== undefined)
      .sort((a, b) => b[1] - a[1])
      .map(([feature, usd]) => `${featureLabel(feature)} ${formatUsd(usd)}`)
      .join(' · ');
  const rows = [...report.byDay]
    .reverse()
    .map((d) => [`${formatDay(d.day)} (${d.day})`, formatCount(d.requests), formatPercent(d.successRate / 100), formatMs(d.p95), formatUsd(d.costUsd), byFeature(d.costByFeature)]);
  return el(
    'details',
    { class: 'days' },
    el('summary', {}, l10n.t('By day (UTC): {0} days with requests', formatCount(rows.length))),
    table(l10n.t('By day (UTC)'), 'days', [l10n.t('Day'), l10n.t('Requests'), l10n.t('Success'), 'p95', l10n.t('Cost'), l10n.t('Cost by feature')], rows),
  );
}

/** The latency histogram's figures: the chart's text alternative, folded under it. */
export function latencyBucketTable(report: ReportView): HTMLElement {
  const rows = report.latencyHistogram.filter((b) => b.count > 0).map((b) => [formatBucketRange(b), formatCount(b.count)]);
  return el(
    'details',
    { class: 'chart-table' },
    el('summary', {}, l10n.t('As a table')),
    table(l10n.t('Latency distribution'), 'latency-buckets', [l10n.t('Latency'), l10n.t('Requests')], rows),
  );
}

/** Undefined when nothing failed. */
export function errorTable(report: ReportView): HTMLElement | undefined {
  const rows = Object.entries(report.errors)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => [code, formatCount(n)]);
  return rows.length === 0 ? undefined : table(l10n.t('Errors by code'), 'errors', [l10n.t('Code'), l10n.t('Requests')], rows);
}
