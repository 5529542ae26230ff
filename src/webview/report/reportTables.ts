/** The report's tables: latency, tokens, per feature, per day and errors by code. */
import { type ReportView, type UsageStatsView } from '../../report/protocol';
import { el } from '../shared/dom';
import { formatCount, formatDay, formatMs, formatPercent, formatTokens, formatUsd } from './format';

const FEATURE_LABELS: Record<string, string> = {
  inline: 'Inline completions',
  chat: 'Chat',
  'vscode-chat': "VS Code's chat",
  action: 'Selection actions',
  apply: 'Apply to file (merge)',
  health: 'Health checks',
  other: 'Other',
};

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
  return table('Latency', 'latency', ['', 'Mean', 'p50', 'p95', 'p99'], [
    row('Whole request', report.latency),
    row('Time to first token', report.timeToFirstToken),
  ]);
}

export function tokensTable(report: ReportView): HTMLElement {
  const t = report.tokens;
  return table('Tokens', 'tokens', ['Kind', 'Tokens'], [
    ['Prompt', formatCount(t.prompt)],
    ['… of which cached', formatCount(t.cached)],
    ['Completion', formatCount(t.completion)],
    ['Reasoning', formatCount(t.reasoning)],
    ['Total', formatCount(t.total)],
  ]);
}

export function featureTable(report: ReportView): HTMLElement {
  const rows = Object.entries(report.byFeature)
    .filter((entry): entry is [string, UsageStatsView] => entry[1] !== undefined)
    .sort((a, b) => b[1].totalRequests - a[1].totalRequests)
    .map(([feature, s]) => [
      FEATURE_LABELS[feature] ?? feature,
      formatCount(s.totalRequests),
      formatPercent(s.successRate / 100),
      formatMs(s.latency.p50),
      formatMs(s.latency.p95),
      formatMs(s.timeToFirstToken.p50),
      formatTokens(s.tokens.total),
      formatPercent(s.cacheHitRate),
      formatUsd(s.costUsd),
    ]);
  return table('By feature', 'features', ['Feature', 'Requests', 'Success', 'p50', 'p95', 'First token', 'Tokens', 'Cache hits', 'Cost'], rows);
}

/** The model that answered each request: a retired or redirected model shows under its successor. */
export function modelTable(report: ReportView): HTMLElement {
  const rows = report.byModel.map((m) => [m.model, formatCount(m.requests), formatTokens(m.totalTokens), formatUsd(m.costUsd)]);
  return table('By model (the model that answered)', 'models', ['Model', 'Requests', 'Tokens', 'Cost'], rows);
}

/** Folded: the daily chart shows the same at a glance; the table is there for exact figures. */
export function dayTable(report: ReportView): HTMLElement {
  const rows = [...report.byDay]
    .reverse()
    .map((d) => [`${formatDay(d.day)} (${d.day})`, formatCount(d.requests), formatPercent(d.successRate / 100), formatMs(d.p95), formatUsd(d.costUsd)]);
  return el(
    'details',
    { class: 'days' },
    el('summary', {}, `By day (UTC): ${formatCount(rows.length)} days with requests`),
    table('By day (UTC)', 'days', ['Day', 'Requests', 'Success', 'p95', 'Cost'], rows),
  );
}

/** Undefined when nothing failed. */
export function errorTable(report: ReportView): HTMLElement | undefined {
  const rows = Object.entries(report.errors)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => [code, formatCount(n)]);
  return rows.length === 0 ? undefined : table('Errors by code', 'errors', ['Code', 'Requests'], rows);
}
