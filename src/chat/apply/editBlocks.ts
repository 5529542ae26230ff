import * as l10n from '@vscode/l10n';

/**
 * Edit blocks: the one format the chat asks the model to write a file change in (the SEARCH/REPLACE
 * blocks of aider's "diff-fenced" format and Cline's replace_in_file, see
 * https://aider.chat/docs/more/edit-formats.html). Inside one fenced code block:
 *
 *     src/orders.ts
 *     <<<<<<< SEARCH
 *     the exact lines to find
 *     =======
 *     their replacement
 *     >>>>>>> REPLACE
 *
 * A path line names the file the blocks after it change (a fence may hold several files); without
 * one the blocks are for the active editor's file. An empty SEARCH creates a new file. No `vscode`
 * import (unit-tested in plain Node, shared with the webview's diff view).
 */

export interface EditBlock {
  /** The path line above the block, as written (workspace-relative by the prompt's rule); undefined when the answer named none. */
  path: string | undefined;
  /** The lines to find, `\n`-separated, without the final line break. */
  search: string;
  replace: string;
}

export type ParsedEditBlocks = { ok: true; blocks: EditBlock[] } | { ok: false; reason: string };

const SEARCH_MARKER = /^\s*<{5,9} ?SEARCH\s*$/;
const DIVIDER = /^\s*={5,9}\s*$/;
const REPLACE_MARKER = /^\s*>{5,9} ?REPLACE\s*$/;

/** True when `code` holds at least one SEARCH marker: it is meant as edit blocks, not as code. */
export function isEditBlocks(code: string): boolean {
  return code.split('\n').some((line) => SEARCH_MARKER.test(line.replace(/\r$/, '')));
}

/** The path a line names: backticks, bold markers and a trailing colon removed. */
function pathOf(line: string): string {
  return line
    .trim()
    .replace(/^(\*\*|`)+|(\*\*|`)+$/g, '')
    .replace(/:$/, '')
    .trim();
}

/** The blocks of an answer's code block, or why it is not a complete set of blocks. */
export function parseEditBlocks(code: string): ParsedEditBlocks {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  const blocks: EditBlock[] = [];
  let path: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!SEARCH_MARKER.test(line)) {
      if (DIVIDER.test(line) || REPLACE_MARKER.test(line)) return { ok: false, reason: l10n.t('edit block {0} has a {1} line without its <<<<<<< SEARCH line', blocks.length + 1, line.trim()) };
      if (line.trim() !== '') path = pathOf(line);
      i++;
      continue;
    }
    const search: string[] = [];
    const replace: string[] = [];
    let j = i + 1;
    while (j < lines.length && !DIVIDER.test(lines[j]!)) {
      if (SEARCH_MARKER.test(lines[j]!) || REPLACE_MARKER.test(lines[j]!)) break;
      search.push(lines[j++]!);
    }
    if (j >= lines.length || !DIVIDER.test(lines[j]!)) return { ok: false, reason: l10n.t('edit block {0} has no ======= line', blocks.length + 1) };
    j++;
    while (j < lines.length && !REPLACE_MARKER.test(lines[j]!)) {
      if (SEARCH_MARKER.test(lines[j]!) || DIVIDER.test(lines[j]!)) break;
      replace.push(lines[j++]!);
    }
    if (j >= lines.length || !REPLACE_MARKER.test(lines[j]!)) return { ok: false, reason: l10n.t('edit block {0} has no >>>>>>> REPLACE line', blocks.length + 1) };
    blocks.push({ path: path === '' ? undefined : path, search: search.join('\n'), replace: replace.join('\n') });
    i = j + 1;
  }
  if (blocks.length === 0) return { ok: false, reason: l10n.t('the code holds no complete edit block') };
  return { ok: true, blocks };
}

/** The blocks grouped by path, in the order the paths first appear. */
export function blocksByPath(blocks: readonly EditBlock[]): Map<string | undefined, EditBlock[]> {
  const files = new Map<string | undefined, EditBlock[]>();
  for (const block of blocks) files.set(block.path, [...(files.get(block.path) ?? []), block]);
  return files;
}

/** How the prompts describe the format to the model (the chat's system prompt and the merge request share it). */
export const EDIT_BLOCK_RULES = [
  // not UI text: read by the model
  'To change a file, write edit blocks in one fenced code block per file: the first line inside the fence is the file\'s workspace-relative path, then one or more blocks of the form',
  '<<<<<<< SEARCH',
  // not UI text: read by the model
  '(the exact current lines to change, copied character for character, with enough lines around them to match one place only)',
  '=======',
  // not UI text: read by the model
  '(the lines that replace them)',
  '>>>>>>> REPLACE',
  // not UI text: read by the model
  'An empty SEARCH creates a new file with the REPLACE lines. Never leave out code with comments such as "// ... existing code ..." inside a block: a block holds only the lines it changes, in full.',
].join('\n');
