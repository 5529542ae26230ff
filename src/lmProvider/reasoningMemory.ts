/**
 * The reasoning of Grok's answers in VS Code's chat, kept in memory so the next turn sends it back:
 * VS Code's stable API has no part that carries reasoning, so the history it hands back has none,
 * and without it xAI's prompt cache misses from the first assistant turn on. Each answer's reasoning
 * (the text, and the Responses API's encrypted items) is keyed by its conversation (conversationKey.ts)
 * and the answer itself: its tool-call ids when it called tools, else a hash of its text, so a
 * short answer like "Done." in another conversation never gets this one's reasoning; the same
 * answer twice in one conversation is told apart by its place among the answers alike (the first
 * "Done." keeps the first one's reasoning, a regenerated one replaces what it replaced). Nothing is
 * written anywhere; a window reload forgets it, and the outbound normaliser drops items the next
 * model cannot read.
 */
import { createHash } from 'node:crypto';
import { type ChatMessage, type GenerateResult, type ReasoningItem, type ToolCall } from '../provider/types';

interface KeptReasoning {
  reasoning?: string;
  reasoningItems?: ReasoningItem[];
}

/** Answers remembered at most; the oldest is forgotten first. */
const DEFAULT_CAPACITY = 256;

function answerKey(conversationId: string, content: string, toolCalls: readonly ToolCall[] | undefined): string {
  const answer = toolCalls?.length ? `calls:${toolCalls.map((call) => call.id).join('\0')}` : `text:${createHash('sha256').update(content).digest('hex')}`;
  return `${conversationId}\0${answer}`;
}

export class ReasoningMemory {
  /** Per answer key, the reasoning of each answer alike in the conversation, by its place among them. */
  private readonly byAnswer = new Map<string, (KeptReasoning | undefined)[]>();

  /** `capacity`: answers kept at most (default 256), the least recently remembered dropped first. */
  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /**
   * Keeps a finished answer's reasoning, when it has any, under its conversation's key. `history`:
   * the messages the answer followed (the request's), where answers alike before it are counted.
   */
  remember(
    conversationId: string,
    result: Pick<GenerateResult, 'content' | 'toolCalls' | 'reasoning' | 'reasoningItems'>,
    history: readonly ChatMessage[] = [],
  ): void {
    const kept: KeptReasoning = {
      ...(result.reasoning === '' ? {} : { reasoning: result.reasoning }),
      ...(result.reasoningItems?.length ? { reasoningItems: result.reasoningItems } : {}),
    };
    if (kept.reasoning === undefined && kept.reasoningItems === undefined) return;
    const key = answerKey(conversationId, result.content, result.toolCalls);
    const place = history.filter((message) => message.role === 'assistant' && answerKey(conversationId, message.content, message.toolCalls) === key).length;
    const alike = this.byAnswer.get(key) ?? [];
    alike[place] = kept;
    alike.length = place + 1;
    this.byAnswer.delete(key);
    this.byAnswer.set(key, alike);
    if (this.byAnswer.size > this.capacity) this.byAnswer.delete(this.byAnswer.keys().next().value as string);
  }

  /** The messages with each remembered answer's reasoning put back on its assistant turn (a new array; inputs untouched). */
  replay(conversationId: string, messages: readonly ChatMessage[]): ChatMessage[] {
    const seen = new Map<string, number>();
    return messages.map((message) => {
      if (message.role !== 'assistant') return message;
      const key = answerKey(conversationId, message.content, message.toolCalls);
      const place = seen.get(key) ?? 0;
      seen.set(key, place + 1);
      const kept = this.byAnswer.get(key)?.[place];
      return kept ? { ...message, ...kept } : message;
    });
  }
}
