/**
 * What Apply proposes for a code block of a chat answer, without guessing:
 * - edit blocks: each block applied where its SEARCH text matches exactly once (blockMatch.ts), one
 *   proposal per file the blocks name (a new file for an empty SEARCH);
 * - a plain snippet for the active file: the symbol shortcut (symbolShortcut.ts), a blank file
 *   filled, or else the model merge (mergePrompt.ts) turns file + snippet into edit blocks;
 * - anything that cannot be placed exactly refuses with the reason, and then nothing is proposed.
 * No `vscode` import: the host resolves paths, reads files and runs the merge request.
 */
import * as l10n from '@vscode/l10n';
import { withLineEnding } from '../../platform/lineEndings';
import { applyBlocks } from './blockMatch';
import { blocksByPath, isEditBlocks, parseEditBlocks } from './editBlocks';
import { readMergeAnswer } from './mergePrompt';
import { findPlaceholder } from './placeholders';
import { type SymbolSpan, symbolShortcut } from './symbolShortcut';

/** A file Apply may change. `text` is undefined when the file does not exist yet. */
export interface ApplyFile {
  /** How proposals and reasons name the file (workspace-relative path or file name). */
  name: string;
  text: string | undefined;
}

export interface FileProposal {
  /** The path the edit blocks named; undefined for the active file. */
  path: string | undefined;
  name: string;
  before: string | undefined;
  after: string;
  how: 'edit blocks' | 'symbol' | 'merge' | 'blank file';
}

export type ApplyPlan = { ok: true; files: FileProposal[] } | { ok: false; reason: string };

export interface ApplyInput {
  /** The code block's text. */
  code: string;
  /** The active editor's file with its symbols, if an editor is open. */
  active: (ApplyFile & { text: string; symbols: readonly SymbolSpan[] }) | undefined;
  /** A file an edit block names; undefined when the path may not be written (outside the workspace). */
  readFile(path: string): Promise<ApplyFile | undefined>;
  /** The model merge: its answer to mergeMessages(file, snippet). */
  merge(file: { name: string; text: string }, snippet: string): Promise<string>;
}

async function planEditBlocks(input: ApplyInput): Promise<ApplyPlan> {
  const parsed = parseEditBlocks(input.code);
  if (!parsed.ok) return parsed;
  const files: FileProposal[] = [];
  for (const [path, blocks] of blocksByPath(parsed.blocks)) {
    const file = path === undefined ? input.active : await input.readFile(path);
    if (file === undefined) {
      return { ok: false, reason: path === undefined ? l10n.t('the edit blocks name no file and no editor is open') : l10n.t('{0} is not a file in this workspace', path) };
    }
    const result = applyBlocks(file.text, blocks, file.name);
    if (!result.ok) return result;
    if (result.text !== file.text) files.push({ path, name: file.name, before: file.text, after: result.text, how: 'edit blocks' /* not UI text: an id */ });
  }
  return files.length === 0 ? { ok: false, reason: l10n.t('the edit blocks change nothing') } : { ok: true, files };
}

async function planSnippet(input: ApplyInput): Promise<ApplyPlan> {
  const { active, code } = input;
  if (active === undefined) return { ok: false, reason: l10n.t('open the file the code should go into first') };
  const eol = active.text.includes('\r\n') ? '\r\n' : '\n';
  const proposal = (after: string, how: FileProposal['how']): ApplyPlan => ({
    ok: true,
    files: [{ path: undefined, name: active.name, before: active.text, after: withLineEnding(after, eol), how }],
  });
  const shortcut = symbolShortcut(active.text, code, active.symbols);
  if (shortcut !== undefined) return proposal(active.text.slice(0, shortcut.start) + shortcut.code + active.text.slice(shortcut.end), 'symbol');
  if (active.text.trim() === '' && findPlaceholder(code) === undefined) return proposal(code.replace(/\n*$/, '\n'), 'blank file' /* not UI text: an id */);
  const answer = readMergeAnswer(await input.merge({ name: active.name, text: active.text }, code), active.name);
  if (!answer.ok) return answer;
  const result = applyBlocks(active.text, answer.blocks, active.name);
  if (!result.ok) return { ok: false, reason: l10n.t("the model's merge did not fit: {0}", result.reason) };
  if (result.text === active.text) return { ok: false, reason: l10n.t("the model's merge changes nothing in {0}", active.name) };
  return proposal(result.text, 'merge');
}

/** The proposals for `input.code`, or why there are none. */
export function planApply(input: ApplyInput): Promise<ApplyPlan> {
  return isEditBlocks(input.code) ? planEditBlocks(input) : planSnippet(input);
}
