/**
 * The model merge for a plain snippet (as Copilot's and Cursor's Apply make a second model call): the
 * request that asks the model to turn "this file + this snippet" into edit blocks for the file, and
 * the reading of its answer. No `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import { type ChatMessage } from '../../provider/types';
import { EDIT_BLOCK_RULES, type EditBlock, isEditBlocks, parseEditBlocks } from './editBlocks';

/** What the merge answers when the snippet is not meant to change the file (a usage example, a command). */
export const NO_EDIT = 'NO_EDIT';

// not UI text: the model's instructions.
const MERGE_SYSTEM_PROMPT = [
  'You merge a code snippet from a chat answer into a file. Answer only with edit blocks for that file, nothing else.',
  EDIT_BLOCK_RULES,
  'Put the snippet where it belongs: replace the code it is a new version of, add new code where it fits, and keep every other line of the file.',
  'The snippet may stand for kept code with placeholder comments such as "// ... existing code ..." or "# rest unchanged": your blocks never contain a placeholder; they keep the file\'s lines it stands for.',
  `If the snippet is not meant to change this file (a usage example, a shell command, output), answer only ${NO_EDIT}.`,
].join('\n');

/** The merge request's messages: the file in full, then the snippet. */
export function mergeMessages(file: { name: string; text: string }, snippet: string): ChatMessage[] {
  return [
    { role: 'system', content: MERGE_SYSTEM_PROMPT },
    // not UI text: read by the model
    { role: 'user', content: `<file path="${file.name}">\n${file.text}\n</file>\n<snippet>\n${snippet}\n</snippet>` },
  ];
}

export type MergeAnswer = { ok: true; blocks: EditBlock[] } | { ok: false; reason: string };

/** The edit blocks of the merge's answer (fenced or not), or why there are none. */
export function readMergeAnswer(answer: string, name: string): MergeAnswer {
  const fences = [...answer.replace(/\r\n?/g, '\n').matchAll(/^ {0,3}(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^ {0,3}\1[ \t]*$/gm)].map((match) => match[2]!);
  const body = fences.length > 0 ? fences.join('\n') : answer;
  if (!isEditBlocks(body)) {
    return { ok: false, reason: answer.includes(NO_EDIT) ? l10n.t('the model found nothing in this code to change in {0} (a usage example?)', name) : l10n.t("the model's merge for {0} held no edit block", name) };
  }
  return parseEditBlocks(body);
}
