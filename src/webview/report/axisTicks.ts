/**
 * A chart's value axis from 0: labelled ticks a nice step apart (1, 2 or 5 × 10^k, at most five
 * steps), and whole numbers only when the values are counts, so small counts never repeat a label
 * ("0, 1, 1, 2, 2" for quarters of 2).
 */
import { DURATION_UNITS, type DurationUnit, durationUnit } from './format';

export interface AxisTicks {
  /** The top of the axis: the last tick, at or above the largest value. */
  max: number;
  /** From 0 up to `max`, evenly spaced. */
  ticks: number[];
}

const MAX_STEPS = 5;

/**
 * An axis of durations up to `largestMs` in its one unit (format.ts durationUnit): the ticks are a
 * nice step apart in that unit (0, 20, 40 s; 0, 2, 4 min), given in ms like the values.
 */
export function durationAxisTicks(largestMs: number): AxisTicks & { unit: DurationUnit } {
  const unit = durationUnit(largestMs);
  const size = DURATION_UNITS[unit];
  const inUnit = axisTicks(largestMs / size, { integer: unit === 'ms' });
  return { unit, max: inUnit.max * size, ticks: inUnit.ticks.map((tick) => Number((tick * size).toPrecision(12))) };
}

export function axisTicks(largest: number, options: { integer: boolean }): AxisTicks {
  const value = Number.isFinite(largest) && largest > 0 ? largest : 1;
  const power = 10 ** Math.floor(Math.log10(value / MAX_STEPS));
  let step = power * 10;
  for (const multiple of [1, 2, 5, 10]) {
    const candidate = multiple * power;
    if (options.integer && candidate < 1) continue;
    if (steps(value, candidate) <= MAX_STEPS) {
      step = candidate;
      break;
    }
  }
  const count = steps(value, step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: ticks[count]!, ticks };
}

/** Steps of `step` needed to reach `value` (a float error below one part in 10^9 is not a step). */
function steps(value: number, step: number): number {
  return Math.max(1, Math.ceil(value / step - 1e-9));
}
