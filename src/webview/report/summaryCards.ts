/** The headline figures as cards; each carries `data-metric` so tests and readers can find it. */
import { type ReportView } from '../../report/protocol';
import { el } from '../shared/dom';
import { formatCount, formatMs, formatPercent, formatTokens, formatUsd } from './format';

function card(metric: string, label: string, value: string, detail: string): HTMLElement {
  return el(
    'div',
    { class: 'card', 'data-metric': metric },
    el('div', { class: 'card-label' }, label),
    el('div', { class: 'card-value' }, value),
    el('div', { class: 'card-detail' }, detail),
  );
}

export function summaryCards(report: ReportView): HTMLElement {
  const failed = Object.values(report.errors).reduce((sum, n) => sum + n, 0);
  const { latency, timeToFirstToken: ttft, tokens, inline } = report;
  return el(
    'section',
    { class: 'cards', 'aria-label': 'Summary' },
    card('requests', 'Requests', formatCount(report.totalRequests), `${formatCount(failed)} failed`),
    card('successRate', 'Success rate', formatPercent(report.successRate / 100), 'of completed requests'),
    card('latencyP50', 'Latency p50', formatMs(latency.p50), `mean ${formatMs(latency.mean)}`),
    card('latencyP95', 'Latency p95', formatMs(latency.p95), `p99 ${formatMs(latency.p99)}`),
    card('ttftP50', 'First token p50', formatMs(ttft.p50), `p95 ${formatMs(ttft.p95)}`),
    card('tokens', 'Tokens', formatTokens(tokens.total), `${formatTokens(tokens.prompt)} in · ${formatTokens(tokens.completion)} out`),
    card('cacheHitRate', 'Prompt-cache hits', formatPercent(report.cacheHitRate), `${formatTokens(tokens.cached)} cached tokens`),
    card('cost', 'Cost', formatUsd(report.costUsd), 'estimated from list prices'),
    card(
      'inlineAcceptRate',
      'Inline accepted',
      inline.shown === 0 ? '—' : formatPercent(inline.acceptRate),
      `${formatCount(inline.accepted)} of ${formatCount(inline.shown)} shown`,
    ),
  );
}
