/**
 * Bracket accounting shared by the block-end filter and post-processing. Approximate on purpose:
 * double-quoted and backtick strings are skipped, single quotes only when they look like a string
 * or a character (not a Rust lifetime), comments are not parsed. Good enough to tell whether a
 * completion closes what it opened.
 */
const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const OPENERS = new Set(['(', '[', '{']);

export interface BracketBalance {
  /** Openers left open, innermost last. */
  unclosed: string;
  /** Closers with no opener in the text, in order. */
  unmatched: string;
}

export function bracketBalance(text: string): BracketBalance {
  const stack: string[] = [];
  let unmatched = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== undefined) {
      if (ch === '\\') i++;
      else if (ch === quote || ch === '\n') quote = undefined;
      continue;
    }
    if (ch === '"' || ch === '`' || (ch === "'" && opensSingleQuote(text, i))) {
      quote = ch;
    } else if (OPENERS.has(ch)) {
      stack.push(ch);
    } else if (ch in PAIRS) {
      if (stack.length > 0 && stack[stack.length - 1] === PAIRS[ch]) stack.pop();
      else unmatched += ch;
    }
  }
  return { unclosed: stack.join(''), unmatched };
}

export function isCloser(ch: string): boolean {
  return ch in PAIRS;
}

/** A `'` after a word character, `&` or `<` is a lifetime or an apostrophe, not a string. */
function opensSingleQuote(text: string, at: number): boolean {
  const before = at > 0 ? text[at - 1] : ' ';
  return !/[\w&<]/.test(before);
}
