/** The latency distribution: one bar per log-spaced bucket, with markers at p50 and p95. */
import * as l10n from '@vscode/l10n';
import { axisTicks } from './axisTicks';
import { chartRoot, PLOT, xLabel, yAxis, yScale } from './chartFrame';
import { svg } from '../shared/dom';
import { durationUnit, formatBucketRange, formatCount, formatMs, formatMsIn } from './format';

export interface HistogramBucket {
  fromMs: number;
  /** null: open-ended. */
  toMs: number | null;
  count: number;
}

const MAX_X_LABELS = 8;

export function latencyHistogramChart(buckets: readonly HistogramBucket[], markers: { p50: number; p95: number }): SVGSVGElement {
  const root = chartRoot(l10n.t('Latency distribution (its table follows the chart)'), 'histogram-chart');
  const counts = axisTicks(Math.max(...buckets.map((b) => b.count), 1), { integer: true });
  root.append(yAxis(counts, 'left', formatCount, true));
  const slot = PLOT.width / Math.max(1, buckets.length);
  const y = yScale(counts.max);
  const labelEvery = Math.ceil((buckets.length + 1) / MAX_X_LABELS);
  // Every label of the time axis in one unit, the one its largest label needs; the bucket edges are
  // log-spaced, so two significant digits say enough (0.23s, not 0.231765s).
  const labelled = buckets.filter((_, index) => index % labelEvery === 0);
  const formatTime = formatMsIn(durationUnit(Math.max(0, ...labelled.map((b) => b.fromMs))), 2);

  const bars = svg('g', { class: 'bars' });
  buckets.forEach((bucket, index) => {
    const x = PLOT.left + slot * index;
    bars.append(
      svg(
        'rect',
        { class: 'bar', x: x + 1, y: y(bucket.count), width: Math.max(1, slot - 2), height: PLOT.bottom - y(bucket.count) },
        svg('title', {}, l10n.t('{0}: {1} requests', formatBucketRange(bucket), formatCount(bucket.count))),
      ),
    );
    if (index % labelEvery === 0) root.append(xLabel(x, formatTime(bucket.fromMs)));
  });
  root.append(bars);

  for (const [name, value] of [['p50', markers.p50], ['p95', markers.p95]] as const) {
    const x = markerX(buckets, value, slot);
    if (x === undefined) continue;
    root.append(
      svg('line', { class: `marker marker-${name}`, x1: x, x2: x, y1: PLOT.top, y2: PLOT.bottom }),
      svg('text', { class: `marker-label marker-${name}`, x: x + 4, y: PLOT.top - 3 }, `${name} ${formatMs(value)}`),
    );
  }
  return root;
}

/** Where a latency falls along the bars, interpolated on the log scale the buckets use. */
function markerX(buckets: readonly HistogramBucket[], value: number, slot: number): number | undefined {
  const index = buckets.findIndex((b) => value >= b.fromMs && (b.toMs === null || value < b.toMs));
  if (index === -1) {
    const last = buckets[buckets.length - 1];
    return last && last.toMs !== null && value === last.toMs ? PLOT.right : undefined;
  }
  const { fromMs, toMs } = buckets[index];
  const fraction = toMs === null || fromMs <= 0 ? 0.5 : Math.log(value / fromMs) / Math.log(toMs / fromMs);
  return PLOT.left + slot * (index + Math.min(1, Math.max(0, fraction)));
}
