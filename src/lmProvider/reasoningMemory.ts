/**
 * The reasoning of Grok's answers in VS Code's chat, kept in memory so the next turn sends it back:
 * VS Code's stable API has no part that carries reasoning, so the history it hands back has none,
 * and without it xAI's prompt cache misses from the first assistant turn on. Each answer's reasoning
 * (the text, and the Responses API's encrypted items) is keyed by its conversation (conversationKey.ts)
 * and the answer itself: its tool-call ids when it called tools, else a hash of its text, so a
 * short answer like "Done." in another conversation never gets this one's reasoning. Nothing is
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
  private readonly byAnswer = new Map<string, KeptReasoning>();

  /** `capacity`: answers kept at most (default 256), the least recently remembered dropped first. */
  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** Keeps a finished answer's reasoning, when it has any, under its conversation's key. */
  remember(conversationId: string, result: Pick<GenerateResult, 'content' | 'toolCalls' | 'reasoning' | 'reasoningItems'>): void {
    const kept: KeptReasoning = {
      ...(result.reasoning === '' ? {} : { reasoning: result.reasoning }),
      ...(result.reasoningItems?.length ? { reasoningItems: result.reasoningItems } : {}),
    };
    if (kept.reasoning === undefined && kept.reasoningItems === undefined) return;
    const key = answerKey(conversationId, result.content, result.toolCalls);
    this.byAnswer.delete(key);
    this.byAnswer.set(key, kept);
    if (this.byAnswer.size > this.capacity) this.byAnswer.delete(this.byAnswer.keys().next().value as string);
  }

  /** The messages with each remembered answer's reasoning put back on its assistant turn (a new array; inputs untouched). */
  replay(conversationId: string, messages: readonly ChatMessage[]): ChatMessage[] {
    return messages.map((message) => {
      if (message.role !== 'assistant') return message;
      const kept = this.byAnswer.get(answerKey(conversationId, message.content, message.toolCalls));
      return kept ? { ...message, ...kept } : message;
    });
  }
}
