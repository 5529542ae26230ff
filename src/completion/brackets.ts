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

const CLOSER_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}', "'": "'", '"': '"', '`': '`' };

/** Only characters an editor auto-closes after the cursor (brackets, the three quotes), and a `;` or `,` typed after them. */
export const AUTO_CLOSED = /^[)\]}'"`]+[;,]?$/;

export interface OpenerScan {
  /** Brackets and quotes still open after the text, innermost last (a quote opener stands for its string). */
  open: string[];
  /** The closers of the openers of `outer` the text closed, in the order it closed them. */
  closedOuter: string;
  /** A closer met another opener than its own (`[` + `)`): the text does not fit where it stands. */
  mismatched: boolean;
}

/**
 * Scans `text` as the continuation of a line whose open brackets and quotes are `outer` (from
 * `scanOpeners(linePrefix).open`). A quote closes the string it is in wherever it stands (also
 * right after a letter: `'./fo` + `o'`); outside a string a `'` after a word character is an
 * apostrophe or a Rust lifetime, not a string. Closers with no opener at all are ignored (it may
 * stand on an earlier line).
 */
export function scanOpeners(text: string, outer: readonly string[] = []): OpenerScan {
  const open = [...outer];
  let closedOuter = '';
  let mismatched = false;
  // How many of `outer`'s openers are still open: those at the bottom of the stack.
  let outerLeft = outer.length;
  const pop = (): void => {
    const opener = open.pop() as string;
    if (open.length >= outerLeft) return;
    outerLeft = open.length;
    closedOuter += CLOSER_OF[opener];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const top = open[open.length - 1];
    if (top === "'" || top === '"' || top === '`') {
      if (ch === '\\') i++;
      else if (ch === top) pop();
      continue;
    }
    if (ch === '"' || ch === '`' || (ch === "'" && opensSingleQuote(text, i)) || OPENERS.has(ch)) open.push(ch);
    else if (ch in PAIRS && top === PAIRS[ch]) pop();
    else if (ch in PAIRS && top !== undefined) mismatched = true;
  }
  return { open, closedOuter, mismatched };
}

/**
 * A `'` after a word character, `&` or `<` is a lifetime or an apostrophe, not a string; except
 * after a string prefix standing alone (Python's `f'`, `r'`, `rb'`).
 */
function opensSingleQuote(text: string, at: number): boolean {
  const before = at > 0 ? text[at - 1] : ' ';
  return !/[\w&<]/.test(before) || STRING_PREFIX.test(text.slice(Math.max(0, at - 3), at));
}

const STRING_PREFIX = /(^|\W)(f|r|b|u|rb|br|fr|rf)$/i;
