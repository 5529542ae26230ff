/**
 * Finding a past cursor position again in a later prefix: the last characters before the cursor
 * then (the anchor) are searched for in the prefix now; what follows them is what the user typed since.
 */
export const ANCHOR_CHARS = 200;

export function anchorOf(prefix: string): string {
  return prefix.slice(-ANCHOR_CHARS);
}

/** What was typed after `anchor`, or undefined when `prefix` did not go on from it (deleted, moved). */
export function typedAfter(prefix: string, anchor: string): string | undefined {
  // A short anchor is the whole prefix (the file's start): it must still start the prefix.
  const at = anchor.length < ANCHOR_CHARS ? (prefix.startsWith(anchor) ? 0 : -1) : prefix.lastIndexOf(anchor);
  return at < 0 ? undefined : prefix.slice(at + anchor.length);
}
