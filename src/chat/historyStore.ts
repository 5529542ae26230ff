/**
 * Conversations and the composer draft, kept per workspace in one Memento shared by all workspaces
 * (context.globalState in the extension), under keys prefixed with the workspace's key: the panel
 * lists only this workspace's history, while Export and Delete My Data reach every workspace's.
 * Each conversation has its own key, so saving one does not rewrite the others; an index lists them
 * newest first. Everything read back is parsed, and corrupt data loses only what is corrupt: a bad
 * index is rebuilt from the conversations, a conversation keeps its readable entries, and the raw bad
 * value is set aside (kept under a `setAside.` key, exported, deleted with the rest), never thrown;
 * the user is told once a session. Sizes are capped so the store cannot grow without bound.
 */
import * as l10n from '@vscode/l10n';
import { DataGeneration } from '../platform/dataGeneration';
import { parseOrUndefined, type SafeParser } from '../platform/parseOrUndefined';
import { type Logger } from '../provider/types';
import * as z from 'zod';
import {
  type Conversation,
  ConversationIndexSchema,
  type ConversationIndex,
  ConversationSchema,
  type Draft,
  DraftSchema,
  type Entry,
  EntrySchema,
} from './historySchema';

/** The subset of vscode.Memento the store needs. */
export interface Memento {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Export My Data's view of the chat: every workspace's conversations (newest first) and draft. */
export interface ChatHistoryExport {
  workspaces: { workspace: string; conversations: Conversation[]; draft?: Draft; setAside?: unknown[] }[];
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

/** Every key the chat ever wrote starts with this, so deleteAll also removes older layouts. */
const CHAT_PREFIX = 'grokCodeFast.chat.';
const WORKSPACE_PREFIX = `${CHAT_PREFIX}ws.`;
const WORKSPACE_KEY = /^[A-Za-z0-9_-]+$/;
/** `grokCodeFast.chat.ws.<workspace>.<name>`; workspace keys hold no dot. */
const STORED_KEY = /^grokCodeFast\.chat\.ws\.([A-Za-z0-9_-]+)\.(.+)$/;
const CONVERSATION_NAME = 'conversation.';
const SET_ASIDE_NAME = 'setAside.';

/** A conversation whose entries are read one by one, so one bad entry does not cost the others. */
const ConversationShellSchema = ConversationSchema.extend({ entries: z.array(z.unknown()) });

const EMPTY_DRAFT: Draft = { text: '', chips: [] };

export class HistoryStore {
  private readonly limits: HistoryLimits;
  private readonly prefix: string;
  /** Delete My Data here or in another window: what this window holds must not be written back. */
  private readonly generation: DataGeneration;
  private told = false;

  /** `workspaceKey` names the open workspace (see workspaceKeyOf); list/load/save stay within it. */
  constructor(
    private readonly memento: Memento,
    workspaceKey: string,
    private readonly logger?: Logger,
    limits: Partial<HistoryLimits> = {},
    /** Tells the user (once a session) that unreadable history was set aside. */
    private readonly onSetAside?: (message: string) => void,
  ) {
    if (!WORKSPACE_KEY.test(workspaceKey)) throw new Error(`chat history: invalid workspace key ${JSON.stringify(workspaceKey)}`); // not UI text: a programming error
    this.prefix = `${WORKSPACE_PREFIX}${workspaceKey}.`;
    this.limits = { ...DEFAULT_HISTORY_LIMITS, ...limits };
    this.generation = new DataGeneration(memento);
  }

  /**
   * True once after the history was deleted (Delete My Data, here or in another window) since the
   * caller last asked: it must drop the conversation, draft and chips it holds. Until it asks, every
   * write is dropped, so nothing deleted is written back.
   */
  erasedSinceLoad(): boolean {
    return this.generation.acknowledge();
  }

  /** Newest first. A corrupt index (or entry of it) is rebuilt from the conversations themselves. */
  list(): ConversationIndex {
    const raw = this.memento.get<unknown>(this.indexKey);
    const index = ConversationIndexSchema.safeParse(raw ?? []);
    if (index.success) return index.data;
    // not UI text: logged; the user is told the sentence in tell()
    this.tell(`the chat history index under ${this.indexKey} was unreadable; it was rebuilt from the conversations`);
    const rebuilt = this.memento
      .keys()
      .filter((key) => key.startsWith(`${this.prefix}${CONVERSATION_NAME}`))
      .flatMap((key) => {
        const conversation = this.readConversation(key);
        return conversation ? [{ id: conversation.id, title: conversation.title, updatedAt: conversation.updatedAt }] : [];
      })
      .sort((a, b) => b.updatedAt - a.updatedAt);
    void this.memento.update(this.indexKey, rebuilt);
    return rebuilt;
  }

  load(id: string): Conversation | undefined {
    return this.readConversation(this.conversationKey(id));
  }

  /** Every workspace's conversations and draft (corrupt values are logged and left out). */
  async exportAll(): Promise<ChatHistoryExport> {
    const byWorkspace = new Map<string, { conversations: Conversation[]; draft?: Draft; setAside?: unknown[] }>();
    for (const key of this.memento.keys()) {
      const match = STORED_KEY.exec(key);
      if (!match) continue;
      const workspace = match[1]!;
      const name = match[2]!;
      const holder = byWorkspace.get(workspace) ?? { conversations: [] };
      if (name.startsWith(CONVERSATION_NAME)) {
        const conversation = this.readConversation(key);
        if (conversation) holder.conversations.push(conversation);
      } else if (name === 'draft') {
        const draft = this.read(key, DraftSchema);
        if (draft) holder.draft = draft;
      }
      byWorkspace.set(workspace, holder);
    }
    // Read after the conversations: reading them may have set more aside.
    for (const key of this.memento.keys()) {
      const match = STORED_KEY.exec(key);
      if (!match || !match[2]!.startsWith(SET_ASIDE_NAME)) continue;
      const holder = byWorkspace.get(match[1]!) ?? { conversations: [] };
      holder.setAside = [...(holder.setAside ?? []), this.memento.get<unknown>(key)];
      byWorkspace.set(match[1]!, holder);
    }
    const workspaces = [...byWorkspace]
      .filter(([, holder]) => holder.conversations.length > 0 || holder.draft !== undefined || holder.setAside !== undefined)
      .map(([workspace, holder]) => ({
        workspace,
        conversations: holder.conversations.sort((a, b) => b.updatedAt - a.updatedAt),
        ...(holder.draft && { draft: holder.draft }),
        ...(holder.setAside && { setAside: holder.setAside }),
      }));
    return { workspaces };
  }

  /** Removes every workspace's history, drafts and active conversation, and tells every window's holder. */
  async deleteAll(): Promise<void> {
    for (const key of this.memento.keys()) {
      if (key.startsWith(CHAT_PREFIX)) await this.memento.update(key, undefined);
    }
    await this.generation.bump();
  }

  /** Stores the conversation (capped) and moves it to the top of the list; evicts the oldest beyond the cap. */
  async save(conversation: Conversation): Promise<void> {
    if (this.generation.isStale()) return;
    const capped = this.cap(conversation);
    const others = this.list().filter((summary) => summary.id !== capped.id);
    const index = [{ id: capped.id, title: capped.title, updatedAt: capped.updatedAt }, ...others];
    const evicted = index.splice(this.limits.maxConversations);
    await this.memento.update(this.conversationKey(capped.id), capped);
    await this.memento.update(this.indexKey, index);
    for (const summary of evicted) await this.memento.update(this.conversationKey(summary.id), undefined);
  }

  async delete(id: string): Promise<void> {
    if (this.generation.isStale()) return;
    await this.memento.update(this.conversationKey(id), undefined);
    await this.memento.update(this.indexKey, this.list().filter((summary) => summary.id !== id));
    if (this.activeId() === id) await this.setActiveId(undefined);
  }

  /** A title from the first thing the user asked: its first line, trimmed. */
  titleFor(text: string): string {
    const firstLine = text.trim().split('\n')[0]!.replace(/\s+/g, ' ');
    const limit = this.limits.titleChars;
    return firstLine.length <= limit ? firstLine || l10n.t('New chat') : `${firstLine.slice(0, limit - 1)}…`;
  }

  draft(): Draft {
    return this.read(this.draftKey, DraftSchema) ?? EMPTY_DRAFT;
  }

  async saveDraft(draft: Draft): Promise<void> {
    if (this.generation.isStale()) return;
    const chips = draft.chips.map((chip) => ({ ...chip, content: this.capText(chip.content) }));
    await this.memento.update(this.draftKey, { text: this.capText(draft.text), chips });
  }

  activeId(): string | undefined {
    const value = this.memento.get<unknown>(this.activeKey);
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  async setActiveId(id: string | undefined): Promise<void> {
    if (this.generation.isStale()) return;
    await this.memento.update(this.activeKey, id);
  }

  private get indexKey(): string {
    return `${this.prefix}index`;
  }

  private get draftKey(): string {
    return `${this.prefix}draft`;
  }

  private get activeKey(): string {
    return `${this.prefix}activeConversation`;
  }

  private conversationKey(id: string): string {
    return `${this.prefix}${CONVERSATION_NAME}${id}`;
  }

  /**
   * A stored conversation: as stored when it parses; else its readable entries (the raw value set
   * aside first); undefined when not even its id and title can be read (the raw value set aside).
   */
  private readConversation(key: string): Conversation | undefined {
    const value = this.memento.get<unknown>(key);
    if (value === undefined) return undefined;
    const whole = ConversationSchema.safeParse(value);
    if (whole.success) return whole.data;
    const shell = ConversationShellSchema.safeParse(value);
    this.setAside(key, value);
    if (!shell.success) {
      void this.memento.update(key, undefined);
      return undefined;
    }
    const entries = shell.data.entries.flatMap((entry) => {
      const parsed = EntrySchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
    const salvaged = { ...shell.data, entries };
    void this.memento.update(key, salvaged);
    return salvaged;
  }

  /** Keeps an unreadable value under a `setAside.` key of its workspace (exported, deleted with the rest). */
  private setAside(key: string, value: unknown): void {
    const match = STORED_KEY.exec(key);
    const aside = match ? `${WORKSPACE_PREFIX}${match[1]}.${SET_ASIDE_NAME}${match[2]}` : `${this.prefix}${SET_ASIDE_NAME}${key}`;
    void this.memento.update(aside, value);
    // not UI text: logged; the user is told the sentence in tell()
    this.tell(`an unreadable chat history value under ${key} was set aside as ${aside}; every readable conversation was kept`);
  }

  /** Logs every time; the user hears once a session. */
  private tell(message: string): void {
    this.logger?.warn(`chat history: ${message}`);
    if (this.told) return;
    this.told = true;
    this.onSetAside?.(l10n.t('Grok Code Fast: part of the chat history could not be read. Every readable conversation was kept; the unreadable part was set aside (it is in Export My Data).'));
  }

  private read<T>(key: string, schema: SafeParser<T>): T | undefined {
    const value = this.memento.get<unknown>(key);
    if (value === undefined) return undefined;
    const parsed = parseOrUndefined(schema, value);
    if (parsed === undefined) this.logger?.warn(`chat history: ignoring a corrupt value under ${key}`);
    return parsed;
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
