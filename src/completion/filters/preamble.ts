/**
 * Drops a prose preamble, decided by where it stands, not by its words: sentences at the start of
 * the answer are a preamble when an opening code fence follows them (the fence goes too), or when
 * the last of them ends with `:` ("Sure! Here's the code:" before the code). A sentence is a line
 * that starts with a capitalised word followed by at least two more words and has none of
 * `;{}=<>[]`: `sure = True` reads as code and is never held. Sentences are held back until the
 * next line decides; anything else passes at once.
 */
import type { LineStage } from './lineStage';

/** More sentences than this before the code are not a preamble but the answer (e.g. prose in a text file). */
const MAX_PREAMBLE_LINES = 3;
const FENCE = /^\s*```/;
const SENTENCE = /^[A-Z][a-z]*(['’][a-z]+)?[,!:]?\s+[A-Za-z'’]+[,!:]?\s+\S/;
const CODE_CHARS = /[;{}=<>[\]]/;

export function isSentence(line: string): boolean {
  return SENTENCE.test(line.trim()) && !CODE_CHARS.test(line);
}

export function preamble(): LineStage {
  let started = false;
  let held: string[] = [];
  return {
    push(line) {
      if (started) return [line];
      if (FENCE.test(line)) {
        started = true;
        held = [];
        return [];
      }
      const blankAfterSentence = held.length > 0 && line.trim() === '';
      if (held.length < MAX_PREAMBLE_LINES && (isSentence(line) || blankAfterSentence)) {
        held.push(line);
        return [];
      }
      started = true;
      const lastSentence = held.filter((l) => l.trim() !== '').at(-1);
      const released = lastSentence !== undefined && lastSentence.trimEnd().endsWith(':') ? [] : held;
      held = [];
      return [...released, line];
    },
    flush() {
      const released = held;
      held = [];
      return released;
    },
    get holding() {
      return held.length > 0;
    },
    ended: false,
  };
}
