/** What both charts share: the plot area inside the SVG, value scales and axis drawing. */
import { svg } from '../shared/dom';
import { type AxisTicks } from './axisTicks';

export const CHART = { width: 640, height: 220, left: 48, right: 56, top: 14, bottom: 30 } as const;
export const PLOT = {
  left: CHART.left,
  right: CHART.width - CHART.right,
  top: CHART.top,
  bottom: CHART.height - CHART.bottom,
  width: CHART.width - CHART.left - CHART.right,
  height: CHART.height - CHART.top - CHART.bottom,
} as const;

/** Maps 0..max onto the plot's height, bottom up. */
export function yScale(max: number): (value: number) => number {
  return (value) => PLOT.bottom - (Math.min(value, max) / max) * PLOT.height;
}

export function chartRoot(label: string, className: string): SVGSVGElement {
  return svg('svg', {
    class: `chart ${className}`,
    viewBox: `0 0 ${CHART.width} ${CHART.height}`,
    role: 'img',
    'aria-label': label,
    preserveAspectRatio: 'xMidYMid meet',
  });
}

/** Horizontal grid lines with labels on the left (or right), one per tick. */
export function yAxis(axis: AxisTicks, side: 'left' | 'right', format: (value: number) => string, withGrid: boolean): SVGGElement {
  const group = svg('g', { class: `axis axis-${side}` });
  const y = yScale(axis.max);
  for (const value of axis.ticks) {
    if (withGrid) group.append(svg('line', { class: 'grid', x1: PLOT.left, x2: PLOT.right, y1: y(value), y2: y(value) }));
    const x = side === 'left' ? PLOT.left - 6 : PLOT.right + 6;
    group.append(svg('text', { x, y: y(value) + 4, 'text-anchor': side === 'left' ? 'end' : 'start' }, format(value)));
  }
  return group;
}

export function xLabel(x: number, text: string): SVGTextElement {
  return svg('text', { class: 'axis-label', x, y: PLOT.bottom + 18, 'text-anchor': 'middle' }, text);
}
