import * as assert from 'node:assert/strict';
import { axisTicks } from '../../../src/webview/report/axisTicks';

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
});
