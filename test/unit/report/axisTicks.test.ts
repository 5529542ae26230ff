import * as assert from 'node:assert/strict';
import { axisTicks, durationAxisTicks } from '../../../src/webview/report/axisTicks';
import { formatMsIn } from '../../../src/webview/report/format';

describe('axisTicks', () => {
  it('gives whole, distinct ticks for small counts (the report showed 0, 1, 1, 2, 2)', () => {
    assert.deepEqual(axisTicks(2, { integer: true }), { max: 2, ticks: [0, 1, 2] });
    assert.deepEqual(axisTicks(1, { integer: true }), { max: 1, ticks: [0, 1] });
    assert.deepEqual(axisTicks(3, { integer: true }), { max: 3, ticks: [0, 1, 2, 3] });
    assert.deepEqual(axisTicks(0, { integer: true }), { max: 1, ticks: [0, 1] });
  });

  it('keeps at most five nice steps, the top at or above the largest value', () => {
    assert.deepEqual(axisTicks(7, { integer: true }), { max: 8, ticks: [0, 2, 4, 6, 8] });
    assert.deepEqual(axisTicks(10, { integer: true }).ticks, [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(axisTicks(1234, { integer: true }), { max: 1500, ticks: [0, 500, 1000, 1500] });
    for (const largest of [1, 2, 3, 5, 9, 11, 99, 101, 4321, 1e6 + 1]) {
      const { max, ticks } = axisTicks(largest, { integer: true });
      assert.ok(max >= largest && ticks.length - 1 <= 5 && ticks.every(Number.isInteger), `${largest}: ${ticks.join(', ')}`);
      assert.equal(new Set(ticks).size, ticks.length);
    }
  });

  it('allows fractional steps for values that are not counts', () => {
    assert.deepEqual(axisTicks(0.9, { integer: false }).ticks, [0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('labels an axis of durations in one unit, with nice steps in that unit (issue 24 item 8)', () => {
    const labels = (largestMs: number) => {
      const axis = durationAxisTicks(largestMs);
      return axis.ticks.map(formatMsIn(axis.unit));
    };
    // The report showed "1.3m / 1m / 40s / 0ms" for a p95 of 78 s.
    assert.deepEqual(labels(78_000), ['0s', '20s', '40s', '60s', '80s']);
    assert.deepEqual(labels(400_000), ['0min', '2min', '4min', '6min', '8min']);
    assert.deepEqual(labels(850), ['0ms', '200ms', '400ms', '600ms', '800ms', '1000ms']);
    assert.deepEqual(labels(2_500), ['0s', '0.5s', '1s', '1.5s', '2s', '2.5s']);
    for (const largest of [1, 999, 1000, 4321, 59_999, 60_000, 299_999, 300_000, 3_600_000]) {
      const axis = durationAxisTicks(largest);
      assert.ok(axis.max >= largest && axis.ticks.length - 1 <= 5, `${largest}: ${axis.ticks.join(', ')}`);
      assert.equal(new Set(axis.ticks.map(formatMsIn(axis.unit))).size, axis.ticks.length, `${largest}: labels repeat`);
    }
  });

  it('labels log-spaced bucket edges with two significant digits in the one unit', () => {
    assert.deepEqual([231.765, 472.774, 964.405, 1967.28, 4013.03, 8186.12, 16698.8].map(formatMsIn('s', 2)), ['0.23s', '0.47s', '0.96s', '2s', '4s', '8.2s', '17s']);
  });
});
