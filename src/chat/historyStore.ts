/**
 * Conversations and the composer draft, kept per workspace in a Memento (context.workspaceState in
 * the extension). Each conversation has its own key, so saving one does not rewrite the others; an
 * index lists them newest first. Everything read back is parsed: a corrupt value is logged and
 * treated as absent, never thrown. Sizes are capped so the store cannot grow without bound.
 */
import { type Logger } from '../provider/types';
import {
  type Conversation,
  ConversationIndexSchema,
  type ConversationIndex,
  ConversationSchema,
  type Draft,
  DraftSchema,
  type Entry,
} from './historySchema';

/** The subset of vscode.Memento the store needs. */
export interface Memento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface HistoryLimits {
  maxConversations: number;
  /** Entries kept per conversation (the oldest go first). */
  maxEntries: number;
  /** Characters kept of one text (a prompt, an answer, a tool result, the draft). */
  maxTextChars: number;
  titleChars: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxConversations: 50, maxEntries: 400, maxTextChars: 200_000, titleChars: 80 };

const KEY_PREFIX = 'grokCodeFast.chat.';
const INDEX_KEY = `${KEY_PREFIX}index`;
const DRAFT_KEY = `${KEY_PREFIX}draft`;
const ACTIVE_KEY = `${KEY_PREFIX}activeConversation`;
const conversationKey = (id: string) => `${KEY_PREFIX}conversation.${id}`;

const EMPTY_DRAFT: Draft = { text: '', chips: [] };

export class HistoryStore {
  private readonly limits: HistoryLimits;

  constructor(
    private readonly memento: Memento,
    private readonly logger?: Logger,
    limits: Partial<HistoryLimits> = {},
  ) {
    this.limits = { ...DEFAULT_HISTORY_LIMITS, ...limits };
  }

  /** Newest first. */
  list(): ConversationIndex {
    return this.read(INDEX_KEY, ConversationIndexSchema) ?? [];
  }

  load(id: string): Conversation | undefined {
    return this.read(conversationKey(id), ConversationSchema);
  }

  /** Stores the conversation (capped) and moves it to the top of the list; evicts the oldest beyond the cap. */
  async save(conversation: Conversation): Promise<void> {
    const capped = this.cap(conversation);
    const others = this.list().filter((summary) => summary.id !== capped.id);
    const index = [{ id: capped.id, title: capped.title, updatedAt: capped.updatedAt }, ...others];
    const evicted = index.splice(this.limits.maxConversations);
    await this.memento.update(conversationKey(capped.id), capped);
    await this.memento.update(INDEX_KEY, index);
    for (const summary of evicted) await this.memento.update(conversationKey(summary.id), undefined);
  }

  async delete(id: string): Promise<void> {
    await this.memento.update(conversationKey(id), undefined);
    await this.memento.update(INDEX_KEY, this.list().filter((summary) => summary.id !== id));
    if (this.activeId() === id) await this.setActiveId(undefined);
  }

  /** A title from the first thing the user asked: its first line, trimmed. */
  titleFor(text: string): string {
    const firstLine = text.trim().split('\n')[0]!.replace(/\s+/g, ' ');
    const limit = this.limits.titleChars;
    return firstLine.length <= limit ? firstLine || 'New chat' : `${firstLine.slice(0, limit - 1)}…`;
  }

  draft(): Draft {
    return this.read(DRAFT_KEY, DraftSchema) ?? EMPTY_DRAFT;
  }

  async saveDraft(draft: Draft): Promise<void> {
    const chips = draft.chips.map((chip) => ({ ...chip, content: this.capText(chip.content) }));
    await this.memento.update(DRAFT_KEY, { text: this.capText(draft.text), chips });
  }

  activeId(): string | undefined {
    const value = this.memento.get<unknown>(ACTIVE_KEY);
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  async setActiveId(id: string | undefined): Promise<void> {
    await this.memento.update(ACTIVE_KEY, id);
  }

  private read<T>(key: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | undefined {
    const value = this.memento.get<unknown>(key);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.logger?.warn(`chat history: ignoring a corrupt value under ${key}`);
    return undefined;
  }

  private capText(text: string): string {
    const max = this.limits.maxTextChars;
    return text.length <= max ? text : `${text.slice(0, max)}\n[... truncated]`;
  }

  private cap(conversation: Conversation): Conversation {
    const entries = conversation.entries.slice(-this.limits.maxEntries).map((entry) => this.capEntry(entry));
    return { ...conversation, title: conversation.title.slice(0, this.limits.titleChars), entries };
  }

  private capEntry(entry: Entry): Entry {
    if (entry.role === 'user') return { ...entry, text: this.capText(entry.text), prompt: this.capText(entry.prompt) };
    const steps = entry.steps.map((step) => ({
      ...step,
      content: this.capText(step.content),
      ...(step.reasoning === undefined ? {} : { reasoning: this.capText(step.reasoning) }),
      ...(step.toolCalls === undefined
        ? {}
        : { toolCalls: step.toolCalls.map((call) => (call.result === undefined ? call : { ...call, result: this.capText(call.result) })) }),
    }));
    return { ...entry, steps };
  }
}
