/** The headline figures as cards; each carries `data-metric` so tests and readers can find it. */
import * as l10n from '@vscode/l10n';
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
    { class: 'cards', 'aria-label': l10n.t('Summary') },
    card('requests', l10n.t('Requests'), formatCount(report.totalRequests), l10n.t('{0} failed', formatCount(failed))),
    card('successRate', l10n.t('Success rate'), formatPercent(report.successRate / 100), l10n.t('of completed requests')),
    card('latencyP50', l10n.t('Latency p50'), formatMs(latency.p50), l10n.t('mean {0}', formatMs(latency.mean))),
    card('latencyP95', l10n.t('Latency p95'), formatMs(latency.p95), `p99 ${formatMs(latency.p99)}`),
    card('ttftP50', l10n.t('First token p50'), formatMs(ttft.p50), `p95 ${formatMs(ttft.p95)}`),
    card('tokens', l10n.t('Tokens'), formatTokens(tokens.total), l10n.t('{0} in · {1} out', formatTokens(tokens.prompt), formatTokens(tokens.completion))),
    card('cacheHitRate', l10n.t('Prompt-cache hits'), formatPercent(report.cacheHitRate), l10n.t('{0} cached tokens', formatTokens(tokens.cached))),
    card('cost', l10n.t('Cost'), formatUsd(report.costUsd), l10n.t('estimated from list prices')),
    card(
      'inlineAcceptRate',
      l10n.t('Inline accepted'),
      inline.shown === 0 ? '—' : formatPercent(inline.acceptRate),
      l10n.t('{0} of {1} shown', formatCount(inline.accepted), formatCount(inline.shown)),
    ),
    card(
      'costPerAccepted',
      l10n.t('Cost per accepted suggestion'),
      inline.accepted === 0 ? '—' : formatUsd(inline.costPerAcceptedUsd),
      inline.accepted === 0 ? l10n.t('no suggestion accepted yet') : l10n.t('{0} per 1,000 accepted characters', formatUsd(inline.costPer1000AcceptedCharsUsd)),
    ),
    card('noSuggestion', l10n.t('Nothing to suggest'), formatCount(report.noSuggestion), l10n.t('empty inline answers, not errors')),
  );
}
