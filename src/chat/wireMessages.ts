/**
 * Stored entries -> the messages sent to the model. One function serves the turn in progress and
 * every later turn, so an earlier exchange is always resent byte for byte (xAI's prompt cache keys on
 * the exact prefix): the system prompt, then each user prompt, each assistant step with its
 * reasoning and tool calls, and each tool result.
 */
import { type ChatMessage } from '../provider/types';
import { type AssistantEntry, type Entry } from './historySchema';
import { CHAT_SYSTEM_PROMPT } from './systemPrompt';

/** What a tool call that never ran answers: the API needs a result for every call. */
// not UI text: the tool result the model reads
export const CALL_NOT_RUN = 'Error: this tool call did not run because the answer was stopped.';

function assistantMessages(entry: AssistantEntry): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const step of entry.steps) {
    const calls = step.toolCalls ?? [];
    if (step.content === '' && (step.reasoning ?? '') === '' && calls.length === 0) continue;
    messages.push({
      role: 'assistant',
      content: step.content,
      ...(step.reasoning ? { reasoning: step.reasoning } : {}),
      ...(step.reasoningItems?.length ? { reasoningItems: step.reasoningItems } : {}),
      ...(calls.length > 0 ? { toolCalls: calls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })) } : {}),
    });
    for (const call of calls) messages.push({ role: 'tool', toolCallId: call.id, content: call.result ?? CALL_NOT_RUN });
  }
  return messages;
}

/** `instructions`: the workspace's instruction files (instructionFiles.ts), a second system message. */
export function toWireMessages(entries: readonly Entry[], instructions?: string): ChatMessage[] {
  return [
    { role: 'system', content: CHAT_SYSTEM_PROMPT },
    ...(instructions === undefined ? [] : [{ role: 'system' as const, content: instructions }]),
    ...entries.flatMap((entry): ChatMessage[] => (entry.role === 'user' ? [{ role: 'user', content: entry.prompt }] : assistantMessages(entry))),
  ];
}
