import * as assert from 'node:assert/strict';
import { HISTOGRAM_RELATIVE_ERROR, LatencyHistogram, LatencyHistogramDataSchema, percentile } from '../../../../src/provider/analytics';
import { seededRandom } from '../../../../bench/inline/rng';
import { logUniformSamples } from './randomSamples';

/** Brute force nearest rank, written independently of the implementation. */
function exactNearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  for (const value of sorted) {
    const atOrBelow = sorted.filter((v) => v <= value).length;
    if (atOrBelow / sorted.length >= p / 100) return value;
  }
  return sorted[sorted.length - 1];
}

describe('percentile (nearest rank)', () => {
  it('returns 0 for no samples', () => {
    assert.equal(percentile([], 50), 0);
  });

  it('picks the nearest-rank sample', () => {
    const values = [15, 20, 35, 40, 50];
    assert.equal(percentile(values, 0), 15);
    assert.equal(percentile(values, 5), 15);
    assert.equal(percentile(values, 30), 20);
    assert.equal(percentile(values, 40), 20);
    assert.equal(percentile(values, 50), 35);
    assert.equal(percentile(values, 100), 50);
    assert.equal(percentile([7], 99), 7);
  });

  it('matches a brute-force computation on random data', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 20; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.round(random() * 1000));
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100]) {
        assert.equal(percentile(sorted, p), exactNearestRank(values, p), `p${p} of ${values.join(',')}`);
      }
    }
  });
});

describe('LatencyHistogram', () => {
  it('quantiles stay within the stated relative error of the exact nearest rank (1 ms .. 10 min)', () => {
    assert.ok(HISTOGRAM_RELATIVE_ERROR <= 0.01);
    for (const seed of [1, 2, 3]) {
      const values = logUniformSamples(5000, 1, 600_000, seed);
      const histogram = new LatencyHistogram();
      for (const value of values) histogram.add(value);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [1, 10, 50, 90, 95, 99, 99.9, 100]) {
        const exact = percentile(sorted, p);
        const estimate = histogram.quantile(p);
        assert.ok(Math.abs(estimate - exact) / exact <= HISTOGRAM_RELATIVE_ERROR + 1e-12, `p${p}: ${estimate} vs ${exact}`);
      }
    }
  });

  it('is exact at the extremes and reports mean and count', () => {
    const histogram = new LatencyHistogram();
    for (const value of [120, 80, 3000, 0.2, 900_000]) histogram.add(value);
    assert.equal(histogram.count, 5);
    assert.equal(histogram.quantile(0), 0.2);
    assert.equal(histogram.quantile(100), 900_000);
    assert.equal(histogram.mean(), (120 + 80 + 3000 + 0.2 + 900_000) / 5);
    assert.equal(new LatencyHistogram().quantile(50), 0);
  });

  it('merging equals adding everything to one histogram, and survives JSON', () => {
    const values = logUniformSamples(2000, 1, 60_000, 9);
    const whole = new LatencyHistogram();
    const left = new LatencyHistogram();
    const right = new LatencyHistogram();
    values.forEach((value, index) => {
      whole.add(value);
      (index % 2 === 0 ? left : right).add(value);
    });
    const restored = LatencyHistogram.fromJSON(LatencyHistogramDataSchema.parse(JSON.parse(JSON.stringify(left))));
    restored.merge(right);
    for (const p of [5, 50, 95, 99]) assert.equal(restored.quantile(p), whole.quantile(p));
    assert.equal(restored.count, whole.count);
    assert.ok(Math.abs(restored.mean() - whole.mean()) < 1e-6);
  });

  it('chart buckets cover all samples from the first to the last non-empty bar', () => {
    const histogram = new LatencyHistogram();
    for (const value of [50, 55, 400, 2000]) histogram.add(value);
    const bars = histogram.chartBuckets();
    assert.equal(bars.reduce((sum, bar) => sum + bar.count, 0), 4);
    assert.ok(bars.findIndex((bar) => bar.count > 0) >= 0);
    assert.ok(bars[0].fromMs <= 50 && bars[bars.length - 1].toMs > 2000);
    for (let i = 1; i < bars.length; i++) assert.equal(bars[i].fromMs, bars[i - 1].toMs);
    assert.deepEqual(new LatencyHistogram().chartBuckets(), []);
  });

  it('gives one request sensible bins: its bar amid empty neighbours on both sides, not one bar across the chart', () => {
    const histogram = new LatencyHistogram();
    histogram.add(850);
    const bars = histogram.chartBuckets();
    assert.ok(bars.length >= 9, `${bars.length} bars`);
    const filled = bars.findIndex((bar) => bar.count > 0);
    assert.ok(filled >= 3 && bars.length - 1 - filled >= 3, `the bar sits at ${filled} of ${bars.length}`);
    for (let i = 1; i < bars.length; i++) assert.equal(bars[i].fromMs, bars[i - 1].toMs);
  });

  it('widens only within the scale: a sub-millisecond latency starts at 0 ms, a wide spread gets no extra bars', () => {
    const tiny = new LatencyHistogram();
    tiny.add(0.4);
    const bars = tiny.chartBuckets();
    assert.equal(bars[0].fromMs, 0);
    assert.equal(bars[0].count, 1);
    assert.ok(bars.length >= 9);
    const wide = new LatencyHistogram();
    for (const value of [2, 200_000]) wide.add(value);
    const wideBars = wide.chartBuckets();
    assert.ok(wideBars[0].count > 0 && wideBars[wideBars.length - 1].count > 0, 'already wide: from the first to the last filled bar');
  });
});
