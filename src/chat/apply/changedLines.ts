/** The part of a file a proposal replaces, so range tracking follows only those lines. No `vscode` import. */

/** The smallest range of whole lines whose replacement turns `before` into `after`, and that replacement. */
export function changedLines(before: string, after: string): { start: number; end: number; replacement: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  start = start === 0 ? 0 : before.lastIndexOf('\n', start - 1) + 1;
  let suffix = 0;
  while (suffix < before.length - start && suffix < after.length - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  // Back to the start of a line, so the tracked range holds whole lines.
  let end = before.length - suffix;
  const lineEnd = before.indexOf('\n', end);
  const cut = lineEnd === -1 ? before.length : lineEnd;
  suffix = before.length - cut;
  end = cut;
  return { start, end, replacement: after.slice(start, after.length - suffix) };
}
