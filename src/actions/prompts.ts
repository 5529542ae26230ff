/**
 * The messages each selection action sends. The system text is one constant for every action, so it
 * stays byte-stable at the front of the prompt and xAI's prompt cache can serve it; everything that
 * varies (task, file, code) comes after it in the user message.
 */
import { type ChatMessage } from '../provider/types';
import { type EditAction } from './actionKinds';

// not UI text: a prompt to the model
export const ACTION_SYSTEM_PROMPT = [
  'You are Grok Code Fast, a coding assistant working inside the VS Code editor.',
  'You receive a task and a code selection from a file, sometimes with the lines around it for context.',
  'Answer with exactly one fenced code block and nothing else: no explanation before or after it.',
  'The code block replaces the selection as it stands (or, when asked for tests, becomes a new file), so:',
  '- keep the language, the indentation and the style of the original;',
  '- do not repeat the surrounding context lines;',
  '- keep every behaviour the task does not ask you to change.',
].join('\n');

// not UI text: a prompt to the model
const TASKS: Record<EditAction | 'writeTests', string> = {
  refactor: 'Refactor the selection for readability and maintainability without changing its behaviour.',
  fix: 'Fix the bugs in the selection, starting with the diagnostics listed. Change no more than the fix needs.',
  addErrorHandling:
    'Add error handling to the selection: handle the failures its calls can raise, validate inputs where it matters, and keep the happy path unchanged.',
  generateDocs:
    "Add documentation comments to the selection in the language's idiomatic format (JSDoc, docstrings, rustdoc, Javadoc...). Leave the code itself unchanged.",
  askGrok: 'Change the selection as the instruction says.',
  writeTests:
    "Write unit tests for the selection as the complete contents of a new test file placed beside the source file, using the test framework the language's projects most commonly use. Import the code under test from the source file.",
};

/** The selected code and where it is, as every prompt names it. */
export interface SelectedCode {
  languageId: string;
  /** Workspace-relative path, or the file name. */
  fileName: string;
  /** 1-based lines of the selection. */
  startLine: number;
  endLine: number;
  selection: string;
}

export interface ActionPromptInput extends SelectedCode {
  action: EditAction | 'writeTests';
  before?: string;
  after?: string;
  /** From `formatDiagnostics`, for Fix. */
  diagnostics?: string;
  /** The user's words, for Ask Grok. */
  instruction?: string;
  /** For Write tests: where the new file goes. */
  testFileName?: string;
}

function fenced(languageId: string, code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${languageId}\n${code}\n${fence}`;
}

// not UI text: a prompt to the model
export function buildActionMessages(input: ActionPromptInput): ChatMessage[] {
  const parts = [`Task: ${TASKS[input.action]}`];
  if (input.instruction) parts.push(`Instruction: ${input.instruction}`);
  parts.push(`File: ${input.fileName} (${input.languageId}), lines ${input.startLine}-${input.endLine}`);
  if (input.testFileName) parts.push(`New test file: ${input.testFileName}`);
  if (input.action === 'fix') parts.push(`Diagnostics in the selection:\n${input.diagnostics || '- none reported; look for the bugs yourself'}`);
  if (input.before) parts.push(`Context before the selection (do not repeat):\n${fenced(input.languageId, input.before)}`);
  parts.push(`Selection:\n${fenced(input.languageId, input.selection)}`);
  if (input.after) parts.push(`Context after the selection (do not repeat):\n${fenced(input.languageId, input.after)}`);
  return [
    { role: 'system', content: ACTION_SYSTEM_PROMPT },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

/** The question Explain puts to the chat panel; the code itself goes along as the attached selection. */
// not UI text: a prompt to the model
export function explainQuestion(input: SelectedCode): string {
  return `Explain what the selected code from ${input.fileName} (lines ${input.startLine}-${input.endLine}) does, step by step, and point out anything surprising.`;
}
