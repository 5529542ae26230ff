/** Stops when the model loops: a block of one to three lines repeated right after itself (indentation aside). */
import type { LineFilterFactory } from './lineFilter';

const MAX_PERIOD = 3;
/** A repeated `}` or `end` is code; a repeated statement is a loop. */
const MIN_MEANINGFUL_CHARS = 4;

export const repeatedLines: LineFilterFactory = () => (line, kept) => {
  const lines = [...kept.slice(-(2 * MAX_PERIOD - 1)), line];
  for (let period = 1; period <= MAX_PERIOD; period++) {
    if (lines.length < 2 * period) break;
    const second = lines.slice(-period);
    const first = lines.slice(-2 * period, -period);
    const meaningful = first.some((l) => l.replace(/\s/g, '').length >= MIN_MEANINGFUL_CHARS);
    if (meaningful && first.every((l, i) => l.trim() === second[i].trim())) return { dropAndStop: period - 1 };
  }
  return 'keep';
};
