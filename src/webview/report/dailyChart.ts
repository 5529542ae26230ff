/** Requests per day as bars (left axis) with the day's p95 latency as a line (right axis). */
import * as l10n from '@vscode/l10n';
import { axisTicks, durationAxisTicks } from './axisTicks';
import { chartRoot, PLOT, xLabel, yAxis, yScale } from './chartFrame';
import { svg } from '../shared/dom';
import { formatCount, formatDay, formatMs, formatMsIn, formatPercent } from './format';

export interface DayPoint {
  day: string;
  requests: number;
  /** 0 on a day without requests. */
  p95: number;
  /** Percent, 0..100. */
  successRate: number;
}

const MAX_X_LABELS = 8;

export function dailyRequestsChart(days: readonly DayPoint[]): SVGSVGElement {
  const root = chartRoot(l10n.t('Requests per day with p95 latency (the table By day lists the figures)'), 'daily-chart');
  const requestsAxis = axisTicks(Math.max(...days.map((d) => d.requests), 1), { integer: true });
  const latencyAxis = durationAxisTicks(Math.max(...days.map((d) => d.p95), 1));
  root.append(yAxis(requestsAxis, 'left', formatCount, true), yAxis(latencyAxis, 'right', formatMsIn(latencyAxis.unit), false));

  const slot = PLOT.width / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.7);
  const requestsY = yScale(requestsAxis.max);
  const latencyY = yScale(latencyAxis.max);
  const center = (index: number) => PLOT.left + slot * index + slot / 2;
  const labelEvery = Math.ceil(days.length / MAX_X_LABELS);

  const bars = svg('g', { class: 'bars' });
  days.forEach((point, index) => {
    const top = requestsY(point.requests);
    const tip =
      point.requests > 0
        ? l10n.t('{0}: {1} requests, {2} success, p95 {3}', point.day, formatCount(point.requests), formatPercent(point.successRate / 100), formatMs(point.p95))
        : l10n.t('{0}: {1} requests', point.day, formatCount(point.requests));
    bars.append(
      svg(
        'rect',
        { class: 'bar', x: center(index) - barWidth / 2, y: top, width: barWidth, height: PLOT.bottom - top, 'data-day': point.day },
        svg('title', {}, tip),
      ),
    );
    if (index % labelEvery === 0) root.append(xLabel(center(index), formatDay(point.day)));
  });
  root.append(bars);

  // The p95 line joins consecutive days that had requests; a day without any breaks it.
  let path = '';
  let drawing = false;
  const dots = svg('g', { class: 'p95-dots' });
  days.forEach((point, index) => {
    if (point.requests === 0) {
      drawing = false;
      return;
    }
    const x = center(index);
    const y = latencyY(point.p95);
    path += `${drawing ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)} `;
    drawing = true;
    dots.append(svg('circle', { class: 'p95-dot', cx: x, cy: y, r: 2.5 }, svg('title', {}, `${point.day}: p95 ${formatMs(point.p95)}`)));
  });
  if (path !== '') root.append(svg('path', { class: 'p95-line', d: path.trim() }), dots);
  return root;
}
