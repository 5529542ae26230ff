/**
 * Step 5: a hole-filling chat prompt (the model has no fill-in-the-middle endpoint). No `stop`
 * parameter (the model rejects it): the stream filters stop on the client.
 *
 * Ordered for xAI's prompt cache, which serves the longest start a prompt shares with the previous
 * request of the same cache key (source: docs.x.ai "Prompt caching"): the system text never changes;
 * then what changes least often: the language and path (fixed per document), the snippets from
 * other files (kept while they stay relevant: stickySnippets.ts), the file up to the cursor (typing
 * changes only its end; its window start moves in steps, see context.ts), then the rest of the file
 * and the mode. The cache key is per document session (`conversationId`, sent as `x-grok-conv-id`).
 */
import type { CompletionContext } from './context';
import type { GenerateRequest } from '../provider/types';
import type { CompletionMode } from './types';

export const HOLE = '{{HOLE}}';

/** The tags the prompt frames its parts with; an answer that echoes them is cut there (filters/promptTags.ts). */
export const PROMPT_TAGS = ['file', 'related'] as const;

// not UI text: a prompt to the model
export const INLINE_SYSTEM_PROMPT = [
  'You are a code completion engine inside an editor.',
  'The user message may hold code from other files between <related> and </related>, for reference only,',
  `and holds a source file between <file> and </file>, in which the cursor is marked ${HOLE}.`,
  `Reply with exactly the text to insert at ${HOLE}, and nothing else:`,
  '- no explanations, no Markdown, no code fences, no tags;',
  '- never repeat the code before the hole, and never repeat the code after it;',
  '- keep the indentation style of the file; lines after the first start at column 0 of the file;',
  '- if nothing useful fits, reply with an empty message.',
].join('\n');

/** Small: a line or a block. The stream filters end the answer much earlier; this only caps a runaway. */
export const INLINE_MAX_TOKENS = 512;

// not UI text: a prompt to the model
const MODE_INSTRUCTION: Record<CompletionMode, string> = {
  line: 'Complete the current line only.',
  block: 'Complete the current line, and the statement or block it starts if it is unfinished (a few lines at most).',
};

export interface PromptOptions {
  mode: CompletionMode;
  /** The document session's prompt-cache key, sent as `x-grok-conv-id`. */
  conversationId?: string;
}

export function buildInlinePrompt(context: CompletionContext, options: PromptOptions): GenerateRequest {
  const parts = [`Language: ${context.languageId}`, `File: ${context.relativePath}`];
  if (context.snippets.length > 0) {
    parts.push('<related>');
    for (const snippet of context.snippets) parts.push(`--- ${snippet.relativePath} ---`, snippet.text);
    parts.push('</related>');
  }
  parts.push('<file>', `${context.prefix}${HOLE}${context.suffix}`, '</file>', MODE_INSTRUCTION[options.mode]);
  return {
    messages: [
      { role: 'system', content: INLINE_SYSTEM_PROMPT },
      { role: 'user', content: parts.join('\n') },
    ],
    metadata: { feature: 'inline', ...(options.conversationId === undefined ? {} : { conversationId: options.conversationId }) },
    options: { maxTokens: INLINE_MAX_TOKENS, temperature: 0 },
  };
}
