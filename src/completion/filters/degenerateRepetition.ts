/**
 * A model that degenerates repeats one short unit over and over (`0, 0, 0, …` for hundreds of
 * characters, then `stop`). A line holding a unit of 1 to 40 characters, with a letter or digit in
 * it, MIN_COPIES times in a row is not code to offer: the completion ends before that line. Real
 * code repeats a unit a few times (`[0, 0, 0]`, `aa`) and separator comments repeat punctuation
 * only (`// ------`), so neither is cut.
 *
 * The same loop over lines (`0,` on a line of its own, 150 times): a short line with a letter or
 * digit, the same (indentation aside) MIN_LINE_COPIES times in a row, is cut at its first
 * repetition: one copy stays. Longer repeated lines are repeatedLines.ts's; a block holds at most
 * MAX_BLOCK_LINES lines, so this must decide well before that.
 */
import type { LineFilterFactory } from './lineFilter';

const MAX_UNIT = 40;
const MIN_COPIES = 16;
const MEANINGFUL = /[\p{L}\p{N}]/u;
const MIN_LINE_COPIES = 8;

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

/** True when `line` and the kept lines before it are MIN_LINE_COPIES copies of one meaningful line. */
function repeatsOverLines(line: string, kept: readonly string[]): boolean {
  const unit = line.trim();
  if (!MEANINGFUL.test(unit) || kept.length < MIN_LINE_COPIES - 1) return false;
  return kept.slice(-(MIN_LINE_COPIES - 1)).every((previous) => previous.trim() === unit);
}

export const degenerateRepetition: LineFilterFactory = () => (line, kept) => {
  if (repeatsDegenerately(line)) return 'stop';
  return repeatsOverLines(line, kept) ? { dropAndStop: MIN_LINE_COPIES - 2 } : 'keep';
};
