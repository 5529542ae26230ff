/** Drops prose before the code ("Here is the completion:") and the blank lines right after it. */
import type { LineFilterFactory } from './lineFilter';

const CHATTER =
  /^\s*(here('s| is| are)\b|sure\b|certainly\b|of course\b|okay\b|ok[,.!]|the (completed?|completion|code|missing|rest)\b|below\b|i('ll| will| would)\b|this (completes|code|completion)\b)/i;

export function looksLikeChatter(line: string): boolean {
  return CHATTER.test(line);
}

export const chatter: LineFilterFactory = () => {
  let inPreamble = false;
  return (line, kept) => {
    if (kept.length > 0) return 'keep';
    if (looksLikeChatter(line)) {
      inPreamble = true;
      return 'skip';
    }
    return inPreamble && line.trim() === '' ? 'skip' : 'keep';
  };
};
