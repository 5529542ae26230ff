/**
 * The chat panel's host-side logic, free of `vscode`: it answers the webview's messages, runs turns,
 * keeps conversations and the draft in the history store, and posts state snapshots and stream
 * events back. The view provider only connects it to a webview; the editor is reached through
 * ChatEditorHost. Nothing is sent to the model without consent and a key, and what the user typed
 * is always kept: as a message once sent, as the draft until then.
 */
import { randomUUID } from 'node:crypto';
import { openConsoleAddress } from '../platform/creditsExhausted';
import { estimateNotice } from '../platform/estimateNotice';
import { WaitingStatus } from '../platform/waitingStatus';
import { type Logger } from '../provider/types';
import { applyStreamEvent } from './applyStreamEvent';
import { type ChatEditorHost } from './chatEditorHost';
import { summarizeConversation } from './conversationSummary';
import { ContextChips } from './contextChips';
import { DeltaCoalescer } from './deltaCoalescer';
import { type Conversation, type UserEntry } from './historySchema';
import { type HistoryStore } from './historyStore';
import { findMentionSuggestions } from './mentionSearch';
import { type ActiveEditorInfo, composePrompt } from './promptContext';
import { findInstructionFiles, type InstructionFile, instructionsMessage } from './instructionFiles';
import { SLASH_COMMANDS } from './slashCommands';
import { type FromWebviewMessage, parseFromWebview, type ToWebviewMessage, type TranscriptMessage } from './protocol';
import { stateSnapshot } from './stateSnapshot';
import { type WorkspaceTools } from './tools/workspaceTools';
import { type ChatModel, runTurn, type TurnSettings } from './turnRunner';

/** How often the words of a wait are refreshed (the countdown counts whole seconds). */
const WAITING_TICK_MS = 1000;

export interface ChatSettings extends TurnSettings {
  /** Shown in the panel; the provider from getProvider() is the one that uses it. */
  model: string;
  /** A turn whose estimated input cost (USD) is above this says so while it waits (grokCodeFast.budget.estimateNoticeUsd; 0: never). */
  estimateNoticeUsd?: number;
}

export interface ChatConsent {
  has(): Promise<boolean>;
  record(granted: boolean): Promise<void>;
  /** The data-use notice the panel shows until the user consents. */
  readonly notice: string;
}

export interface ChatControllerDeps {
  /** Asked on every turn, so a settings or key change applies to the next answer. */
  getProvider(): ChatModel;
  consent: ChatConsent;
  hasApiKey(): Promise<boolean>;
  history: HistoryStore;
  tools: WorkspaceTools;
  getSettings(): ChatSettings;
  logger: Logger;
  now?: () => number;
  newId?: () => string;
}

interface RunningAnswer {
  conversation: Conversation;
  answerId: string;
  abort: AbortController;
  /** The answer so far as the transcript shows it, for a snapshot taken mid-stream. */
  live: TranscriptMessage;
  /** Its stream events on their way to the panel, deltas joined per network read. */
  events: DeltaCoalescer;
}

export class ChatController {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly chips: ContextChips;
  private post: ((message: ToWebviewMessage) => void) | undefined;
  private active: Conversation | undefined;
  private running: RunningAnswer | undefined;
  /** The last answer's whole life, saving and final posts included (it outlives `running`). */
  private lastAnswer: Promise<void> = Promise.resolve();
  private draftText: string;
  /** Ids of conversations Delete My Data removed while this controller held them: never saved again. */
  private readonly erased = new Set<string>();
  /** The instruction files found at the last look (on `ready` and before each message). */
  private instructions: InstructionFile[] = [];
  /** Instruction files the user removed from the chat (this session of the panel). */
  private readonly removedInstructions = new Set<string>();

  constructor(
    private readonly deps: ChatControllerDeps,
    private readonly editor: ChatEditorHost,
  ) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    this.chips = new ContextChips(editor, deps.tools, this.newId);
    const activeId = deps.history.activeId();
    this.active = activeId === undefined ? undefined : deps.history.load(activeId);
    const draft = deps.history.draft();
    this.draftText = draft.text;
    this.chips.restore(draft.chips);
  }

  /** The conversation the panel shows (read it, do not change it): for the integration tests. */
  get activeConversation(): Readonly<Conversation> | undefined {
    return this.active;
  }

  /** Connects the current webview (undefined when it is gone); it asks for state with `ready`. */
  connect(post: ((message: ToWebviewMessage) => void) | undefined): void {
    this.post = post;
  }

  /** Handles one raw message from the webview: anything that is not a protocol message is dropped and logged. */
  async handle(raw: unknown): Promise<void> {
    this.dropIfErased();
    const message = parseFromWebview(raw);
    if (message === undefined) {
      const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type).slice(0, 40) : typeof raw;
      this.deps.logger.warn(`chat: dropped an invalid message from the webview (type: ${type})`);
      return;
    }
    try {
      await this.dispatch(message);
    } catch (error) {
      this.deps.logger.error(`chat: handling "${message.type}" failed`, error);
    }
  }

  private async dispatch(message: FromWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.refreshInstructions();
        return this.postState();
      case 'send': return this.send(message.text, message.chips.map((chip) => chip.id));
      case 'stop': return this.stop();
      case 'regenerate':
      case 'retry': return this.regenerate(message.messageId);
      case 'newChat': return this.newChat();
      case 'newChatWithSummary': return this.newChatWithSummary();
      case 'openConversation': return this.openConversation(message.id);
      case 'deleteConversation': return this.deleteConversation(message.id);
      case 'consent':
        await this.deps.consent.record(message.granted);
        return this.postState();
      case 'setApiKey':
        await this.editor.setApiKey();
        return this.postState();
      case 'openConsole': return this.openConsole(message.url);
      case 'copy': return this.editor.copy(message.text);
      case 'insertCode': return this.editor.insertCode(message.code);
      case 'applyCode': return this.editor.applyCode(message.code, message.language);
      case 'newFile': return this.editor.newFile(message.code, message.language);
      case 'addSelection': return this.addSelection();
      case 'addFile': return this.addCurrentFile();
      case 'removeChip':
        this.chips.remove(message.id);
        return this.chipsChanged();
      case 'mentionQuery': {
        const items = await findMentionSuggestions(message.query, this.editor, this.deps.tools);
        return this.postMessage({ type: 'fileSuggestions', query: message.query, items });
      }
      case 'mentionPick':
        if (await this.chips.addWorkspaceFile(message.path)) await this.chipsChanged();
        return;
      case 'draft':
        this.draftText = message.text;
        return this.saveDraft();
      case 'removeInstructions':
        this.removedInstructions.add(message.path);
        return this.postState();
      case 'slashCommand':
        return this.editor.runSelectionAction(SLASH_COMMANDS[message.command].action);
    }
  }

  /** Sends a message with the chips it names; kept as the draft instead when it cannot be sent now. */
  async send(text: string, chipIds: readonly string[]): Promise<void> {
    this.dropIfErased();
    if (text.trim() === '' && chipIds.length === 0) return;
    if (!(await this.ready()) || this.running !== undefined) {
      this.draftText = text;
      await this.saveDraft();
      this.postMessage({ type: 'prefill', text });
      return this.postState();
    }
    await this.refreshInstructions();
    if (this.running !== undefined) return this.send(text, chipIds);
    // No await from here until the answer is marked running: a second send cannot slip in.
    const chips = this.chips.viewsOf(chipIds);
    const prompt = composePrompt(text, this.chips.take(chipIds), this.activeEditor());
    const createdAt = this.now();
    const conversation = this.active ?? { id: this.newId(), title: this.deps.history.titleFor(text), createdAt, updatedAt: createdAt, entries: [] };
    const entry: UserEntry = { role: 'user', id: this.newId(), createdAt, text, chips, prompt };
    conversation.entries.push(entry);
    conversation.updatedAt = createdAt;
    this.active = conversation;
    this.draftText = '';
    const started = this.startAnswer(conversation);
    await this.deps.history.setActiveId(conversation.id);
    await this.saveDraft();
    await started;
  }

  /**
   * Sends `text` with the attached chips, as if typed; with `attachSelection` the editor's selection
   * is attached first, so the bubble shows it as a chip and the question as text (Explain).
   */
  async ask(text: string, options: { attachSelection?: boolean } = {}): Promise<void> {
    if (options.attachSelection && !this.chips.addSelection()) return;
    if (options.attachSelection) await this.chipsChanged();
    return this.send(text, this.chips.all.map((chip) => chip.id));
  }

  /** Stops the answer in progress: its request is aborted at once and the partial answer kept. */
  stop(): void {
    this.running?.abort.abort();
  }

  /**
   * Answers the last question again, replacing the answer `answerId` (also the Retry after an error).
   * Only while that answer is still the last one: a late countdown or click never replaces another turn.
   */
  async regenerate(answerId: string): Promise<void> {
    const conversation = this.active;
    if (conversation === undefined || !(await this.ready()) || this.running !== undefined) return this.postState();
    const last = conversation.entries.at(-1);
    if (last?.role !== 'assistant' || last.id !== answerId) {
      this.deps.logger.warn('chat: ignored a retry of an answer that is not the last one');
      return this.postState();
    }
    conversation.entries.pop();
    await this.startAnswer(conversation);
  }

  async newChat(): Promise<void> {
    await this.settle();
    this.active = undefined;
    await this.deps.history.setActiveId(undefined);
    await this.postState();
    this.postMessage({ type: 'focusInput' });
  }

  /** A new chat whose composer holds a summary of the active one, for the user to edit and send. */
  async newChatWithSummary(): Promise<void> {
    const previous = this.active;
    if (previous === undefined) return this.newChat();
    await this.settle();
    const summary = summarizeConversation(previous);
    this.active = undefined;
    this.draftText = summary;
    await this.deps.history.setActiveId(undefined);
    await this.saveDraft();
    await this.postState();
    this.postMessage({ type: 'prefill', text: summary });
    this.postMessage({ type: 'focusInput' });
  }

  async openConversation(id: string): Promise<void> {
    await this.settle();
    const conversation = this.deps.history.load(id);
    if (conversation === undefined) this.deps.logger.warn(`chat: conversation ${id} is missing or unreadable`);
    else {
      this.active = conversation;
      await this.deps.history.setActiveId(conversation.id);
    }
    await this.postState();
  }

  async deleteConversation(id: string): Promise<void> {
    if (this.running?.conversation.id === id) await this.settle();
    await this.deps.history.delete(id);
    if (this.active?.id === id) this.active = undefined;
    await this.postState();
  }

  async addSelection(): Promise<void> {
    if (this.chips.addSelection()) await this.chipsChanged();
  }

  async addCurrentFile(): Promise<void> {
    if (this.chips.addCurrentFile()) await this.chipsChanged();
  }

  /** Stops the running answer, if any, and resolves once it is saved. */
  async settle(): Promise<void> {
    this.stop();
    await this.lastAnswer;
  }

  /** Resolves when the last answer has finished by itself and been saved. */
  async idle(): Promise<void> {
    await this.lastAnswer;
  }

  dispose(): void {
    this.stop();
    this.post = undefined;
  }

  /**
   * After Delete My Data (in this window or another), forgets the conversation, draft and chips it
   * holds: nothing deleted is shown, sent as context again, or written back.
   */
  private dropIfErased(): void {
    if (!this.deps.history.erasedSinceLoad()) return;
    if (this.active) this.erased.add(this.active.id);
    if (this.running) this.erased.add(this.running.conversation.id);
    this.stop();
    this.active = undefined;
    this.draftText = '';
    this.chips.restore([]);
  }

  async postState(): Promise<void> {
    this.dropIfErased();
    if (this.post === undefined) return;
    const [hasKey, hasConsent] = await Promise.all([this.deps.hasApiKey(), this.deps.consent.has()]);
    const running = this.running;
    // The snapshot holds every delta so far: the held ones go first, or the panel would add them twice.
    running?.events.flush();
    this.postMessage(
      stateSnapshot({
        conversations: this.deps.history.list(),
        active: this.active,
        live: running !== undefined && running.conversation === this.active ? running.live : undefined,
        status: { hasKey, hasConsent, notice: this.deps.consent.notice, model: this.deps.getSettings().model, busy: running !== undefined },
        chips: this.chips.views(),
        draft: this.draftText,
        instructions: this.instructionsInUse().map((file) => file.path),
      }),
    );
  }

  /**
   * Opens a console address only if an error of the conversation shown gave it (the webview cannot
   * pick one), and one that is not xAI's console only after the user saw it and said yes.
   */
  private async openConsole(url: string): Promise<void> {
    const given = this.active?.entries.some((entry) => entry.role === 'assistant' && entry.error?.url === url);
    if (given) await openConsoleAddress(url, this.editor);
    else this.deps.logger.warn('chat: refused to open an address no error of this conversation gave');
  }

  private instructionsInUse(): InstructionFile[] {
    return this.instructions.filter((file) => !this.removedInstructions.has(file.path));
  }

  /** Looks for the instruction files again (they may have been added or edited); a failure is logged, not fatal. */
  private async refreshInstructions(): Promise<void> {
    try {
      this.instructions = this.deps.tools.available ? await findInstructionFiles(this.editor, this.deps.tools) : [];
    } catch (error) {
      this.deps.logger.warn(`chat: reading the instruction files failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async ready(): Promise<boolean> {
    return (await this.deps.consent.has()) && (await this.deps.hasApiKey());
  }

  /** Marks the answer running at once (no await before that), then runs it in the background. */
  private startAnswer(conversation: Conversation): Promise<void> {
    const answerId = this.newId();
    const abort = new AbortController();
    const live: TranscriptMessage = { id: answerId, role: 'assistant', content: '', createdAt: this.now() };
    const events = new DeltaCoalescer((event) => this.postMessage({ type: 'stream', conversationId: conversation.id, messageId: answerId, event }));
    this.running = { conversation, answerId, abort, live, events };
    let shown: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (shown = resolve));
    this.lastAnswer = this.answer(conversation, answerId, abort.signal, live, events, shown)
      .catch((error: unknown) => this.deps.logger.error('chat: the answer failed unexpectedly', error))
      .finally(() => {
        this.running = undefined;
        shown();
      });
    return started;
  }

  private async answer(
    conversation: Conversation,
    answerId: string,
    signal: AbortSignal,
    live: TranscriptMessage,
    events: DeltaCoalescer,
    shown: () => void,
  ): Promise<void> {
    await this.save(conversation);
    await this.postState();
    shown();
    const { maxTokens, temperature, maxToolRounds, contextWindow, estimateNoticeUsd = 0 } = this.deps.getSettings();
    const instructions = instructionsMessage(this.instructionsInUse());
    // Why the answer waits, refreshed each second: a retry's countdown, then a stall's "no data for N s…".
    const waiting = new WaitingStatus(this.now);
    // A big turn's estimated input cost, said until its answer starts.
    let estimate = '';
    const tellWaiting = () => {
      const text = [estimate, waiting.text() ?? ''].filter((part) => part !== '').join(' ');
      if (text === (live.waiting ?? '')) return;
      const event = { kind: 'waiting', text } as const;
      applyStreamEvent(live, event);
      events.push(event);
    };
    const ticker = setInterval(tellWaiting, WAITING_TICK_MS);
    const answer = await runTurn({
      conversationId: conversation.id,
      entries: [...conversation.entries],
      answerId,
      // Looked up inside the turn: a provider that cannot be built fails this answer, not the panel.
      model: { streamEvents: (request) => this.deps.getProvider().streamEvents(request) },
      tools: this.deps.tools,
      settings: { maxTokens, temperature, maxToolRounds, contextWindow },
      ...(instructions === undefined ? {} : { instructions }),
      signal,
      now: this.now,
      onEvent: (event) => {
        waiting.data();
        estimate = '';
        applyStreamEvent(live, event);
        events.push(event);
      },
      onStep: (partial) => void this.save({ ...conversation, entries: [...conversation.entries, partial] }),
      onRetry: (notice) => {
        waiting.retrying(notice);
        tellWaiting();
      },
      onEstimate: (inputUsd) => {
        estimate = estimateNotice(inputUsd, estimateNoticeUsd);
        tellWaiting();
      },
    }).finally(() => clearInterval(ticker));
    // Before the answer joins the conversation: a snapshot from then on holds all of its text.
    events.flush();
    conversation.entries.push(answer);
    conversation.updatedAt = this.now();
    this.running = undefined;
    await this.save(conversation);
    events.push(answer.error === undefined ? { kind: 'done' } : { kind: 'error', error: answer.error });
    await this.postState();
  }

  private async save(conversation: Conversation): Promise<void> {
    if (this.erased.has(conversation.id)) return;
    try {
      await this.deps.history.save(conversation);
    } catch (error) {
      this.deps.logger.error('chat: saving the conversation failed', error);
    }
  }

  private activeEditor(): ActiveEditorInfo | undefined {
    const document = this.editor.activeDocument();
    if (document === undefined) return undefined;
    if (document.absPath === undefined) return { path: document.name, language: document.language };
    // The path of an excluded file is left out too: nothing about it goes along.
    if (this.deps.tools.isExcluded(document.absPath)) return undefined;
    return { path: this.deps.tools.displayPath(document.absPath), language: document.language };
  }

  private async chipsChanged(): Promise<void> {
    await this.saveDraft();
    this.postMessage({ type: 'contextChips', chips: this.chips.views() });
  }

  private async saveDraft(): Promise<void> {
    await this.deps.history.saveDraft({ text: this.draftText, chips: [...this.chips.all] });
  }

  private postMessage(message: ToWebviewMessage): void {
    this.post?.(message);
  }
}
