/**
 * A human typing a source file from top to bottom, in an editor that auto-indents and auto-closes
 * brackets. Key gaps are log-normal (median 120 ms), with extra pauses after punctuation and at
 * line ends, and occasional thinking pauses of 0.6 to 3 s. Every draw is keyed by the file and the
 * position, so each strategy meets the very same typist, even after it skipped text by accepting.
 */
import { hashString, logNormal, randomAt } from './rng';
import type { SourceFile } from './corpus';

export const TYPING = {
  keyMedianMs: 120,
  keySigma: 0.45,
  /** After `(` `{` `[` `:` `=` `,` `;`: sometimes a short pause. */
  punctuationPauseChance: 0.35,
  punctuationPauseMedianMs: 300,
  /** Before Enter: often a pause to read the line. */
  lineEndPauseChance: 0.5,
  lineEndPauseMedianMs: 650,
  thinkingPauseChance: 0.025,
  thinkingPauseMinMs: 600,
  thinkingPauseMaxMs: 3_000,
};

const PUNCTUATION = new Set(['(', '{', '[', ':', '=', ',', ';']);

export interface EditorDocument {
  text: string;
  offset: number;
}

export class Typist {
  private readonly fileSeed: number;
  /** Brackets `(` `[` closed on the same line: the editor auto-closes them, the typist types over the closer. */
  private readonly pairs: Array<[open: number, close: number]>;

  constructor(
    readonly file: SourceFile,
    private readonly seed: number,
  ) {
    this.fileSeed = hashString(file.relativePath);
    this.pairs = sameLinePairs(file.text);
  }

  /** The planned gap (ms) before the user's next action when the first `position` characters are in. */
  gapBefore(position: number): number {
    const random = randomAt(this.seed, this.fileSeed, position);
    const text = this.file.text;
    let gap = logNormal(random, TYPING.keyMedianMs, TYPING.keySigma);
    const punctuation = random() < TYPING.punctuationPauseChance ? logNormal(random, TYPING.punctuationPauseMedianMs, 0.5) : 0;
    const lineEnd = random() < TYPING.lineEndPauseChance ? logNormal(random, TYPING.lineEndPauseMedianMs, 0.5) : 0;
    const thinking = random() < TYPING.thinkingPauseChance ? TYPING.thinkingPauseMinMs + random() * (TYPING.thinkingPauseMaxMs - TYPING.thinkingPauseMinMs) : 0;
    if (position > 0 && PUNCTUATION.has(text[position - 1])) gap += punctuation;
    if (text[position] === '\n') gap += lineEnd;
    return Math.round(gap + thinking);
  }

  /** Where one keystroke at `position` leads: one character, or Enter with the next line's indentation. */
  afterKeystroke(position: number): number {
    const text = this.file.text;
    if (text[position] !== '\n') return position + 1;
    let next = position + 1;
    while (text[next] === ' ' || text[next] === '\t') next++;
    return next;
  }

  /** The editor's content with the first `position` characters typed: auto-closed brackets follow the cursor. */
  documentAt(position: number): EditorDocument {
    let closers = '';
    for (let i = this.pairs.length - 1; i >= 0; i--) {
      const [open, close] = this.pairs[i];
      if (open < position && position <= close) closers += this.file.text[close];
    }
    return { text: this.file.text.slice(0, position) + closers, offset: position };
  }
}

/** Matching `(`/`[` pairs within one line, string contents skipped. Sorted by the opener. */
function sameLinePairs(text: string): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      stack = [];
      quote = undefined;
    } else if (quote !== undefined) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === '`') {
      quote = ch;
    } else if (ch === '(' || ch === '[') {
      stack.push(i);
    } else if ((ch === ')' || ch === ']') && stack.length > 0) {
      const open = stack.pop() as number;
      if (text[open] === (ch === ')' ? '(' : '[')) pairs.push([open, i]);
    }
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
