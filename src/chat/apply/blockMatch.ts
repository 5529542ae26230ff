/**
 * Applies edit blocks to a file's text, never guessing: a block's SEARCH lines must match exactly
 * one place, line by line, where only line endings and trailing whitespace may differ (indentation
 * and every other character must be the same). A block found 0 or several times, or one whose
 * REPLACE would write a placeholder into the file, refuses with the reason. No `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import { type EditBlock } from './editBlocks';
import { isPlaceholderLine } from './placeholders';

export type BlocksOutcome = { ok: true; text: string } | { ok: false; reason: string };

const normal = (line: string) => line.replace(/\s+$/, '');
const eolOf = (text: string) => (/\r\n/.test(text) ? '\r\n' : '\n');

/** Where `search` (normalised lines) starts in `lines`: every line index it matches at. */
function matches(lines: readonly string[], search: readonly string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + search.length <= lines.length; i++) {
    let j = 0;
    while (j < search.length && normal(lines[i + j]!) === search[j]) j++;
    if (j === search.length) found.push(i);
  }
  return found;
}

/** A section's lines; trailing empty lines (the model's final line breaks) are not lines to find or write. */
function sectionLines(section: string): string[] {
  const lines = section.split('\n').map((line) => line.replace(/\r$/, ''));
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return lines;
}

function times(count: number): string {
  return count === 1 ? 'once' : l10n.t('{0} times', count);
}

/**
 * The text after every block, applied in order (a later block sees the earlier ones' result), in
 * the file's own line endings; `text` undefined for a file that does not exist yet (only an empty
 * SEARCH may create it). `name` is how the reasons name the file.
 */
export function applyBlocks(text: string | undefined, blocks: readonly EditBlock[], name: string): BlocksOutcome {
  let current = text;
  for (const [index, block] of blocks.entries()) {
    const label = blocks.length === 1 ? l10n.t('the edit block') : l10n.t('edit block {0}', index + 1);
    const search = sectionLines(block.search).map(normal);
    const kept = new Set(search);
    const placeholder = block.replace.split('\n').find((line) => isPlaceholderLine(line) && !kept.has(normal(line)));
    if (placeholder !== undefined) return { ok: false, reason: l10n.t('{0} for {1} would write the placeholder "{2}" into the file', label, name, placeholder.trim()) };
    if (search.length === 0) {
      if (current !== undefined && current.trim() !== '') return { ok: false, reason: l10n.t('{0} for {1} has an empty SEARCH, which only creates a new file, and {2} already exists', label, name, name) };
      const eol = current === undefined ? '\n' : eolOf(current);
      current = block.replace.replace(/\n*$/, '\n').replace(/\n/g, eol);
      continue;
    }
    if (current === undefined) return { ok: false, reason: l10n.t('{0} does not exist, so the SEARCH text of {1} was found 0 times', name, label) };
    const eol = eolOf(current);
    const lines = current.split(/\r?\n/);
    const found = matches(lines, search);
    if (found.length !== 1) return { ok: false, reason: l10n.t('the SEARCH text of {0} was found {1} in {2}', label, times(found.length), name) };
    const at = found[0]!;
    // An empty REPLACE deletes the lines.
    const next = [...lines.slice(0, at), ...sectionLines(block.replace), ...lines.slice(at + search.length)];
    current = next.join(eol);
  }
  return { ok: true, text: current ?? '' };
}
