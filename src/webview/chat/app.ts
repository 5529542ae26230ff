/**
 * The chat panel's controller: applies host messages to the views and turns user actions into
 * protocol messages. Nothing is sent to the model (`send`) before the user has consented.
 */
import * as l10n from '@vscode/l10n';
import type { ChatStatus, Chip, ConversationSummary, FromWebviewMessage, ToWebviewMessage } from '../../chat/protocol';
import { parseSlashCommand } from '../../chat/slashCommands';
import { Announcer } from './announcer';
import { Composer } from './composer';
import { ConversationList } from './conversationList';
import { el } from '../shared/dom';
import { iconButton } from './iconButton';
import { renderInstructionChips } from './instructionChips';
import type { MessageActions } from './messageView';
import { isConsentPhrase, renderConsentNotice, renderKeyBanner, renderWelcome, type StatusEvents } from './statusPanels';
import { Transcript } from './transcript';
import type { PersistedState } from './webviewApi';

export interface HostLink {
  readonly persisted: PersistedState;
  post(message: FromWebviewMessage): void;
  persist(patch: Partial<PersistedState>): void;
}

/** How long typing pauses before the draft goes to the host (it is in the webview state at once). */
const DRAFT_DELAY_MS = 400;

export class ChatApp {
  private status: ChatStatus | undefined;
  private conversations: ConversationSummary[] = [];
  private activeId: string | undefined;
  private chips: Chip[] = [];
  private busy = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  /** A message refused for want of consent or a key: sent by itself once both are there (no second Enter). */
  private waiting: string | undefined;
  /**
   * The composer's text is this page's own (typed, sent, prefilled): the host's copy of the draft,
   * meant for a webview that has none (window restart), is then never taken. A snapshot posted before
   * the host saw a send still holds the sent text as its draft, and must not put it back.
   */
  private ownsDraft = false;

  private readonly title = el('h1', { class: 'title' }, l10n.t('New chat'));
  private readonly historyButton = iconButton('history', l10n.t('Past conversations'), () => this.toggleHistory());
  private readonly history: ConversationList;
  private readonly welcome = el('div', { class: 'welcome-slot' });
  private readonly notices = el('div', { class: 'notices' });
  private readonly instructions = el('div', { class: 'instructions-slot' });
  private readonly transcript: Transcript;
  private readonly composer: Composer;
  private readonly announcer = new Announcer();

  private readonly statusEvents: StatusEvents = {
    consent: () => this.post({ type: 'consent', granted: true }),
    setApiKey: () => this.post({ type: 'setApiKey' }),
  };

  constructor(root: HTMLElement, private readonly host: HostLink) {
    const messageActions: MessageActions = {
      ...this.statusEvents,
      retry: (messageId) => this.post({ type: 'retry', messageId }),
      newChatWithSummary: () => this.post({ type: 'newChatWithSummary' }),
      openConsole: (url) => this.post({ type: 'openConsole', url }),
      regenerate: (messageId) => this.post({ type: 'regenerate', messageId }),
      copy: (text) => this.post({ type: 'copy', text }),
      code: (action) => this.post(action),
    };
    this.transcript = new Transcript(messageActions, (text) => this.announcer.announce(text));
    this.history = new ConversationList({
      open: (id) => {
        this.toggleHistory(false);
        this.post({ type: 'openConversation', id });
      },
      remove: (id) => this.post({ type: 'deleteConversation', id }),
    });
    this.composer = new Composer({
      send: (text) => this.send(text),
      stop: () => this.post({ type: 'stop' }),
      draft: (text) => this.saveDraft(text),
      mentionQuery: (query) => this.post({ type: 'mentionQuery', query }),
      mentionPick: (path) => this.post({ type: 'mentionPick', path }),
      removeChip: (id) => this.post({ type: 'removeChip', id }),
      addSelection: () => this.post({ type: 'addSelection' }),
      addFile: () => this.post({ type: 'addFile' }),
    });
    this.historyButton.setAttribute('aria-controls', 'history');
    this.historyButton.setAttribute('aria-expanded', 'false');
    const header = el('header', { class: 'toolbar' }, this.title, this.historyButton,
      iconButton('add', l10n.t('New chat'), () => {
        this.toggleHistory(false);
        this.post({ type: 'newChat' });
      }));
    root.replaceChildren(header, this.history.element,
      el('main', { class: 'main' }, this.welcome, this.transcript.element), this.notices, this.instructions, this.composer.element, this.announcer.element);

    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (this.history.isOpen) {
        event.preventDefault();
        this.toggleHistory(false);
        this.historyButton.focus();
      } else if (this.busy) {
        this.post({ type: 'stop' });
      }
    });

    const restored = host.persisted;
    if (restored.snapshot !== undefined) this.handle(restored.snapshot);
    this.composer.setText(restored.draft);
    this.render();
  }

  handle(message: ToWebviewMessage): void {
    switch (message.type) {
      case 'state': {
        const wasBusy = this.busy;
        this.status = message.status;
        this.conversations = message.conversations;
        this.activeId = message.active?.id;
        this.title.textContent = message.active?.title || l10n.t('New chat');
        this.busy = message.status.busy;
        if (message.status.hasConsent && message.status.hasKey) this.composer.setHint('');
        this.transcript.setSnapshot(message.active?.messages ?? [], message.status.busy);
        if (message.chips !== undefined) this.setChips(message.chips);
        this.instructions.replaceChildren(renderInstructionChips(message.instructions ?? [], (path) => this.post({ type: 'removeInstructions', path })));
        if (!this.ownsDraft && message.draft !== undefined && message.draft !== '' && this.composer.text === '' && this.host.persisted.draft === '') {
          this.composer.setText(message.draft);
        }
        this.host.persist({ snapshot: message });
        this.render();
        if (wasBusy && !this.busy) this.returnFocus();
        this.sendWaiting();
        break;
      }
      case 'stream': {
        if (this.activeId !== undefined && message.conversationId !== this.activeId) return; // another conversation's turn
        const ended = this.transcript.applyStream(message.messageId, message.event);
        const wasBusy = this.busy;
        this.busy = !ended;
        if (this.busy !== wasBusy || !this.welcome.hidden) this.render(); // per token: only the transcript changes
        if (ended) this.returnFocus();
        break;
      }
      case 'contextChips':
        this.setChips(message.chips);
        break;
      case 'fileSuggestions':
        this.composer.showSuggestions(message.query, message.items);
        break;
      case 'focusInput':
        this.composer.focus();
        break;
      case 'prefill':
        // The host refused this message (no consent or key yet): it goes once they are there.
        this.waiting = message.text;
        this.composer.setText(message.text);
        this.composer.focus();
        this.saveDraft(message.text);
        break;
    }
  }

  /**
   * After an answer, focus goes back to the composer for the next message, unless the user moved it to
   * another control meanwhile (the Stop button, hidden now, would leave it on the page's body).
   */
  private returnFocus(): void {
    const active = document.activeElement;
    if (active === null || active === document.body || this.composer.element.contains(active)) this.composer.focus();
  }

  private post(message: FromWebviewMessage): void {
    this.host.post(message);
  }

  private send(text: string): boolean {
    const status = this.status;
    if (status === undefined) return false;
    // `/fix` and friends run the selection action; it asks for consent itself when needed.
    const slash = parseSlashCommand(text);
    if (slash !== undefined) {
      this.composer.setHint('');
      this.post({ type: 'slashCommand', command: slash });
      return true;
    }
    if (!status.hasConsent) {
      if (!isConsentPhrase(text)) {
        this.waiting = text;
        this.composer.setHint(l10n.t('Please read the data-use notice above and consent first: your message is sent then.'));
        return false;
      }
      this.composer.setHint('');
      this.post({ type: 'consent', granted: true });
      return true;
    }
    if (!status.hasKey) {
      this.waiting = text;
      this.composer.setHint(l10n.t('Set an API key first: your message is sent then.'));
      return false;
    }
    if (this.busy) {
      this.composer.setHint(l10n.t('An answer is still running: press Esc to stop it.'));
      return false;
    }
    this.composer.setHint('');
    this.post({ type: 'send', text, chips: this.chips });
    this.transcript.addPending(text, this.chips);
    this.setChips([]);
    this.busy = true;
    this.render();
    // To the new message even if the user had scrolled up; after render, which shows a transcript that was empty.
    this.transcript.scrollToBottom();
    return true;
  }

  /**
   * Sends the waiting message once consent and key are there, if the composer still holds it or was
   * emptied by typing "I consent"; other text means the user moved on, and it is left alone.
   */
  private sendWaiting(): void {
    const waiting = this.waiting;
    const status = this.status;
    if (waiting === undefined || status === undefined || !status.hasConsent || !status.hasKey || this.busy) return;
    this.waiting = undefined;
    if (this.composer.text !== waiting && this.composer.text !== '') return;
    this.composer.setText(waiting);
    this.composer.submit();
  }

  private saveDraft(text: string): void {
    this.ownsDraft = true;
    this.host.persist({ draft: text });
    if (this.draftTimer !== undefined) clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.post({ type: 'draft', text }), DRAFT_DELAY_MS);
  }

  private setChips(chips: Chip[]): void {
    this.chips = chips;
    this.composer.setChips(chips);
  }

  private toggleHistory(open = !this.history.isOpen): void {
    this.history.setOpen(open);
    this.historyButton.setAttribute('aria-expanded', String(open));
  }

  private render(): void {
    const status = this.status;
    this.composer.setBusy(this.busy);
    this.welcome.hidden = !this.transcript.isEmpty;
    this.transcript.element.hidden = this.transcript.isEmpty;
    this.welcome.replaceChildren(...(status === undefined ? [] : [renderWelcome(status, this.statusEvents)]));
    const notices: HTMLElement[] = [];
    if (status !== undefined && !status.hasConsent) notices.push(renderConsentNotice(status, this.statusEvents));
    if (status !== undefined && !status.hasKey) notices.push(renderKeyBanner(this.statusEvents));
    this.notices.replaceChildren(...notices);
    this.history.update(this.conversations, this.activeId, Date.now());
  }
}
