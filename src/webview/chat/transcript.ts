/**
 * The conversation as a keyed list of message views. Snapshots from the host reuse the views of
 * unchanged messages; stream events change only the message in progress, re-rendered at most once
 * per animation frame however many tokens arrive.
 */
import * as l10n from '@vscode/l10n';
import { applyStreamEvent } from '../../chat/applyStreamEvent';
import type { ChatStreamEvent, Chip, TranscriptMessage } from '../../chat/protocol';
import { el } from '../shared/dom';
import { MessageView, type MessageActions } from './messageView';

export class Transcript {
  /** `role="log"` is live by default: switched off, so a streaming answer is not read token by token (the Announcer reads it once). */
  readonly element = el('div', { class: 'transcript', role: 'log', 'aria-live': 'off', 'aria-label': l10n.t('Conversation'), tabindex: '0' });
  private messages: TranscriptMessage[] = [];
  private pending: TranscriptMessage | undefined;
  /** The assistant message in progress. */
  private streaming: { message: TranscriptMessage } | undefined;
  private busy = false;
  private readonly views = new Map<string, MessageView>();
  /** Errors that arrived while the panel was open, with when a rate limit's countdown ends; dropped once another turn follows. */
  private readonly liveErrors = new Map<string, { retryAt: number | undefined }>();
  private frame: number | undefined;
  private localIds = 0;

  /** The user is at the bottom: the transcript stays there as it grows or its panel resizes (the composer growing or shrinking). */
  private pinned = true;

  /** `answered` gets the text of each answer that finished streaming (not of one that failed). */
  constructor(
    private readonly actions: MessageActions,
    private readonly answered: (text: string) => void,
  ) {
    this.element.addEventListener('scroll', () => (this.pinned = this.atBottom()), { passive: true });
    new ResizeObserver(() => {
      if (this.pinned) this.scrollToBottom();
    }).observe(this.element);
  }

  get isEmpty(): boolean {
    return this.items().length === 0;
  }

  /** Replaces the transcript with the host's snapshot, keeping the views of unchanged messages. */
  setSnapshot(messages: TranscriptMessage[], busy: boolean): void {
    this.messages = messages;
    this.pending = undefined;
    this.busy = busy;
    if (!busy) this.streaming = undefined;
    this.render();
  }

  setBusy(busy: boolean): void {
    if (this.busy === busy) return;
    this.busy = busy;
    this.render();
  }

  /** Shows the user's message at once; the host's next snapshot replaces it. */
  addPending(text: string, chips: Chip[]): void {
    this.pending = { id: `local-${++this.localIds}`, role: 'user', content: text, chips };
    this.busy = true;
    this.render();
  }

  /**
   * Scrolls to the newest message. On send, even from further up: the answer is then followed for as
   * long as the user stays at the bottom (keepScrolledToBottom).
   */
  scrollToBottom(): void {
    this.pinned = true;
    this.element.scrollTop = this.element.scrollHeight;
  }

  private atBottom(): boolean {
    return this.element.scrollHeight - this.element.scrollTop - this.element.clientHeight < 40;
  }

  /** Applies one stream event; returns true when the turn ended (done or error). */
  applyStream(messageId: string, event: ChatStreamEvent): boolean {
    if (this.streaming?.message.id !== messageId) {
      const base = this.messages.find((m) => m.id === messageId);
      this.streaming = { message: base === undefined ? { id: messageId, role: 'assistant', content: '' } : { ...base } };
      this.busy = true;
      this.render();
    }
    const message = this.streaming.message;
    applyStreamEvent(message, event);
    if (event.kind === 'error') {
      const after = event.error.retryAfter;
      this.liveErrors.set(message.id, { retryAt: after === undefined ? undefined : Date.now() + after * 1000 });
    }
    if (event.kind === 'error' || event.kind === 'done') {
      this.finishStream();
      const view = this.views.get(message.id);
      if (event.kind === 'done' && view !== undefined) this.answered(view.plainText());
      return true;
    }
    this.scheduleStreamRender();
    return false;
  }

  private finishStream(): void {
    const finished = this.streaming;
    if (finished === undefined) return;
    this.streaming = undefined;
    this.messages = this.messages.some((m) => m.id === finished.message.id)
      ? this.messages.map((m) => (m.id === finished.message.id ? finished.message : m))
      : [...this.messages, ...(this.pending === undefined ? [] : [this.pending]), finished.message];
    this.pending = undefined;
    this.busy = false;
    this.cancelFrame();
    this.render();
  }

  private items(): TranscriptMessage[] {
    const streaming = this.streaming?.message;
    const list = this.messages.map((m) => (m.id === streaming?.id ? streaming : m));
    if (this.pending !== undefined) list.push(this.pending);
    if (streaming !== undefined && !this.messages.some((m) => m.id === streaming.id)) list.push(streaming);
    return list;
  }

  private scheduleStreamRender(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      const streaming = this.streaming?.message;
      const view = streaming === undefined ? undefined : this.views.get(streaming.id);
      if (streaming === undefined || view === undefined) return;
      this.keepScrolledToBottom(() => view.update(streaming, { canRegenerate: false, streaming: true, isLast: true, liveError: undefined }));
    });
  }

  private cancelFrame(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  private render(): void {
    this.keepScrolledToBottom(() => {
      const items = this.items();
      const last = items.at(-1);
      const seen = new Set<string>();
      let previous: Element | null = null;
      for (const message of items) {
        seen.add(message.id);
        // A countdown ends for good once its answer is no longer the last message.
        if (message !== last) this.liveErrors.delete(message.id);
        const flags = {
          canRegenerate: !this.busy && message === last && message.role === 'assistant',
          streaming: message.id === this.streaming?.message.id,
          isLast: message === last,
          liveError: this.liveErrors.get(message.id),
        };
        let view = this.views.get(message.id);
        if (view === undefined) {
          view = new MessageView(message, flags, this.actions);
          this.views.set(message.id, view);
        } else {
          view.update(message, flags);
        }
        const expected: Element | null = previous === null ? this.element.firstElementChild : previous.nextElementSibling;
        if (expected !== view.element) this.element.insertBefore(view.element, expected);
        previous = view.element;
      }
      for (const [id, view] of this.views) {
        if (seen.has(id)) continue;
        view.element.remove();
        this.views.delete(id);
      }
      this.element.setAttribute('aria-busy', String(this.streaming !== undefined));
    });
  }

  private keepScrolledToBottom(change: () => void): void {
    const atBottom = this.atBottom();
    change();
    if (atBottom) this.scrollToBottom();
  }
}
