/**
 * The report page: a toolbar (period selector, Export), a notice when analytics is off, then either
 * an empty state or the cards, charts and tables. Rebuilt from scratch on every report: it is small.
 */
import * as l10n from '@vscode/l10n';
import { REPORT_PERIODS, type ReportPeriod, type ReportView, type ToReportMessage } from '../../report/protocol';
import { type DayPoint, dailyRequestsChart } from './dailyChart';
import { el } from '../shared/dom';
import { formatDay } from './format';
import { latencyHistogramChart } from './histogramChart';
import { type ReportApi } from './reportApi';
import { dayTable, errorTable, featureTable, latencyBucketTable, latencyTable, modelTable, tokensTable } from './reportTables';
import { summaryCards } from './summaryCards';

const DAY_MS = 86_400_000;

export class ReportApp {
  private period: ReportPeriod;
  private readonly periodButtons = new Map<ReportPeriod, HTMLButtonElement>();
  private readonly status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly content = el('div', { class: 'content' });

  constructor(
    root: HTMLElement,
    private readonly api: ReportApi,
    initialPeriod: ReportPeriod,
  ) {
    this.period = initialPeriod;
    root.append(this.toolbar(), this.content);
    this.markPeriod();
  }

  handle(message: ToReportMessage): void {
    this.period = message.period;
    this.markPeriod();
    if (message.type === 'loading') {
      this.status.textContent = l10n.t('Loading…');
      this.content.classList.add('stale');
      return;
    }
    this.status.textContent = '';
    this.content.classList.remove('stale');
    if (message.type === 'failed') {
      this.content.replaceChildren(el('div', { class: 'notice error', role: 'alert' }, l10n.t('The report could not be built: {0}', message.message)));
      return;
    }
    this.content.replaceChildren(...this.page(message.report, message.analyticsEnabled));
  }

  private toolbar(): HTMLElement {
    const periods = el('div', { class: 'periods', role: 'group', 'aria-label': l10n.t('Period') });
    for (const days of REPORT_PERIODS) {
      const button = el('button', { type: 'button', class: 'period', 'data-period': days }, l10n.t('{0} days', days));
      button.addEventListener('click', () => this.choose(days));
      this.periodButtons.set(days, button);
      periods.append(button);
    }
    const exportButton = el('button', { type: 'button', class: 'secondary export' }, l10n.t('Export…'));
    exportButton.addEventListener('click', () => this.api.post({ type: 'export' }));
    return el('header', { class: 'toolbar' }, el('h1', {}, l10n.t('Performance')), this.status, el('div', { class: 'spacer' }), periods, exportButton);
  }

  private choose(period: ReportPeriod): void {
    this.period = period;
    this.markPeriod();
    this.api.remember(period);
    this.api.post({ type: 'setPeriod', period });
  }

  private markPeriod(): void {
    for (const [days, button] of this.periodButtons) button.setAttribute('aria-pressed', String(days === this.period));
  }

  private page(report: ReportView, analyticsEnabled: boolean): HTMLElement[] {
    const parts: HTMLElement[] = [
      el('p', { class: 'period-text' }, l10n.t('{0} – {1} (UTC)', formatDay(report.period.start.slice(0, 10)), formatDay(report.period.end.slice(0, 10)))),
    ];
    if (!analyticsEnabled) {
      parts.push(
        el(
          'div',
          { class: 'notice', role: 'note', 'data-notice': 'analytics-off' },
          l10n.t('Analytics is turned off (setting grokCodeFast.analytics.enabled or the cloud feature "analytics"): nothing new is recorded. Figures below are from before it was turned off.'),
        ),
      );
    }
    if (report.totalRequests === 0 && report.inline.shown === 0) {
      parts.push(
        el(
          'div',
          { class: 'empty', 'data-empty': 'true' },
          el('h2', {}, l10n.t('No requests in the last {0} days', this.period)),
          el('p', {}, l10n.t('Use inline completions, chat or a selection action and the figures appear here. Everything stays on this machine.')),
        ),
      );
      return parts;
    }
    parts.push(summaryCards(report), this.charts(report));
    const tables = [latencyTable(report), tokensTable(report), errorTable(report), featureTable(report), modelTable(report), dayTable(report)];
    parts.push(el('section', { class: 'tables' }, ...tables.filter((t): t is HTMLElement => t !== undefined)));
    return parts;
  }

  private charts(report: ReportView): HTMLElement {
    const legend = el(
      'div',
      { class: 'legend' },
      el('span', { class: 'swatch swatch-bar' }),
      l10n.t('Requests'),
      el('span', { class: 'swatch swatch-line' }),
      l10n.t('p95 latency (right axis)'),
    );
    return el(
      'section',
      { class: 'charts' },
      el('figure', { class: 'chart-card' }, el('figcaption', {}, l10n.t('Requests per day')), dailyRequestsChart(fillDays(report)), legend),
      el(
        'figure',
        { class: 'chart-card' },
        el('figcaption', {}, l10n.t('Latency distribution')),
        latencyHistogramChart(report.latencyHistogram, { p50: report.latency.p50, p95: report.latency.p95 }),
        latencyBucketTable(report),
      ),
    );
  }
}

/** Every UTC day of the period, zero where nothing happened, so gaps show as gaps. */
function fillDays(report: ReportView): DayPoint[] {
  const known = new Map(report.byDay.map((d) => [d.day, d]));
  const first = Date.parse(`${report.period.start.slice(0, 10)}T00:00:00Z`);
  const last = Date.parse(report.period.end) - 1;
  const days: DayPoint[] = [];
  for (let t = first; t <= last && days.length < 400; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push(known.get(day) ?? { day, requests: 0, p95: 0, successRate: 0 });
  }
  return days;
}
