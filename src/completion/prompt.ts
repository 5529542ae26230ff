/**
 * Step 5: a hole-filling chat prompt (grok-code-fast-1 has no fill-in-the-middle endpoint). The
 * system text comes first and never changes, byte for byte, so xAI's prompt cache serves it; the
 * variable part (file, snippets, hole) comes last. No `stop` parameter (the model rejects it): the
 * stream filters stop on the client.
 */
import type { CompletionContext } from './context';
import type { GenerateRequest } from '../provider/types';
import type { CompletionMode } from './types';

export const HOLE = '{{HOLE}}';

export const INLINE_SYSTEM_PROMPT = [
  'You are a code completion engine inside an editor.',
  `The user message holds a source file in which the cursor is marked ${HOLE}.`,
  `Reply with exactly the text to insert at ${HOLE}, and nothing else:`,
  '- no explanations, no Markdown, no code fences;',
  '- never repeat the code before the hole, and never repeat the code after it;',
  '- keep the indentation style of the file; lines after the first start at column 0 of the file;',
  '- if nothing useful fits, reply with an empty message.',
].join('\n');

/** Small: a line or a block. The stream filters end the answer much earlier; this only caps a runaway. */
export const INLINE_MAX_TOKENS = 512;

const MODE_INSTRUCTION: Record<CompletionMode, string> = {
  line: 'Complete the current line only.',
  block: 'Complete the current line, and the statement or block it starts if it is unfinished (a few lines at most).',
};

export interface PromptOptions {
  mode: CompletionMode;
  /** A stable id per session, sent as `x-grok-conv-id`, so requests land on the same prompt cache. */
  conversationId?: string;
}

export function buildInlinePrompt(context: CompletionContext, options: PromptOptions): GenerateRequest {
  const parts = [`Language: ${context.languageId}`, `File: ${context.relativePath}`];
  if (context.snippets.length > 0) {
    parts.push('', 'Related code from other files:');
    for (const snippet of context.snippets) parts.push(`--- ${snippet.relativePath} ---`, snippet.text);
  }
  parts.push('', '<file>', `${context.prefix}${HOLE}${context.suffix}`, '</file>', MODE_INSTRUCTION[options.mode]);
  return {
    messages: [
      { role: 'system', content: INLINE_SYSTEM_PROMPT },
      { role: 'user', content: parts.join('\n') },
    ],
    metadata: { feature: 'inline', ...(options.conversationId === undefined ? {} : { conversationId: options.conversationId }) },
    options: { maxTokens: INLINE_MAX_TOKENS, temperature: 0 },
  };
}
