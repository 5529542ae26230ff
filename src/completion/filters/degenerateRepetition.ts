/**
 * A model that degenerates repeats one short unit over and over (`0, 0, 0, …` for hundreds of
 * characters, then `stop`). A line holding a unit of 1 to 40 characters, with a letter or digit in
 * it, MIN_COPIES times in a row is not code to offer: the completion ends before that line. Real
 * code repeats a unit a few times (`[0, 0, 0]`, `aa`) and separator comments repeat punctuation
 * only (`// ------`), so neither is cut.
 */
import type { LineFilterFactory } from './lineFilter';

const MAX_UNIT = 40;
const MIN_COPIES = 16;
const MEANINGFUL = /[\p{L}\p{N}]/u;

/** True when `text` holds MIN_COPIES copies of one unit in a row. O(MAX_UNIT × length). */
export function repeatsDegenerately(text: string): boolean {
  if (text.length < MIN_COPIES) return false;
  for (let unit = 1; unit <= MAX_UNIT && unit * MIN_COPIES <= text.length; unit++) {
    // `run` counts positions in a row whose character the one `unit` further repeats.
    let run = 0;
    for (let i = 0; i + unit < text.length; i++) {
      run = text[i] === text[i + unit] ? run + 1 : 0;
      if (run >= unit * (MIN_COPIES - 1) && MEANINGFUL.test(text.slice(i + 1 - run, i + 1 - run + unit))) return true;
    }
  }
  return false;
}

export const degenerateRepetition: LineFilterFactory = () => (line) => (repeatsDegenerately(line) ? 'stop' : 'keep');
