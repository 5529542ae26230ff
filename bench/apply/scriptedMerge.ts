/**
 * The bench's merge model, scripted with the answer a good model gives (issue 26): edit blocks that
 * turn the file into the expected one, each SEARCH with just enough context lines around the change
 * to match one place, or NO_EDIT when the snippet changes nothing. It answers with LF line endings
 * whatever the file uses, as models do.
 */
import { NO_EDIT } from '../../src/chat/apply/mergePrompt';

const normal = (line: string) => line.replace(/\s+$/, '');

function countAt(lines: readonly string[], search: readonly string[]): number {
  let count = 0;
  for (let i = 0; i + search.length <= lines.length; i++) if (search.every((line, j) => normal(lines[i + j]!) === normal(line))) count++;
  return count;
}

/** One edit block from `before` to `after` (the changed lines plus the fewest context lines that make it unique). */
export function goodMergeAnswer(before: string, after: string, path: string): string {
  if (before === after) return NO_EDIT;
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  for (let context = 1; ; context++) {
    const from = Math.max(0, prefix - context);
    const search = a.slice(from, Math.min(a.length, a.length - suffix + context));
    const replace = b.slice(from, Math.min(b.length, b.length - suffix + context));
    const unique = search.some((line) => line.trim() !== '') && countAt(a, search) === 1;
    if (unique || (from === 0 && search.length === a.length)) {
      return `\`\`\`\n${path}\n<<<<<<< SEARCH\n${search.join('\n')}\n=======\n${replace.join('\n')}\n>>>>>>> REPLACE\n\`\`\``;
    }
  }
}
