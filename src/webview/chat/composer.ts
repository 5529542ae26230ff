/**
 * The input area: attached context chips, the text area with @-mentions, and Send / Stop.
 * Enter sends, Shift+Enter breaks the line, Esc stops a running answer (handled by the app).
 */
import * as l10n from '@vscode/l10n';
import type { Chip, FileSuggestion } from '../../chat/protocol';
import { slashCompletions } from '../../chat/slashCommands';
import { el } from '../shared/dom';
import { icon } from './icons';
import { iconButton } from './iconButton';
import { MentionList } from './mentionList';

export interface ComposerEvents {
  /** Returns false when the text cannot be sent now; the composer then keeps it. */
  send(text: string): boolean;
  stop(): void;
  draft(text: string): void;
  mentionQuery(query: string): void;
  mentionPick(path: string): void;
  removeChip(id: string): void;
  addSelection(): void;
  addFile(): void;
}

/** The `@query` right before the caret, if the user is typing a mention. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | undefined {
  const match = /(?:^|\s)@([^\s@]*)$/.exec(text.slice(0, caret));
  if (match === null) return undefined;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

export class Composer {
  readonly element: HTMLElement;
  private readonly input = el('textarea', {
    class: 'input',
    rows: '1',
    'aria-label': l10n.t('Message Grok'),
    placeholder: l10n.t('Ask Grok — @ to attach a file, / for commands, Enter to send, Shift+Enter for a new line'),
    'aria-autocomplete': 'list',
    'aria-controls': 'mention-list',
  });
  private readonly chips = el('ul', { class: 'chips', 'aria-label': l10n.t('Context for the next message') });
  private readonly sendButton = iconButton('send', l10n.t('Send (Enter)'), () => this.submit(), { className: 'send' });
  private readonly stopButton = iconButton('stop', l10n.t('Stop (Esc)'), () => this.events.stop(), { className: 'stop' });
  private readonly hint = el('div', { class: 'composer-hint', role: 'status' });
  private readonly mentions = new MentionList((item) => this.pickMention(item));
  private mention: { start: number; query: string } | undefined;
  /** The suggestion list shows slash commands (`/fix`…), not files. */
  private slashOpen = false;

  constructor(private readonly events: ComposerEvents) {
    this.stopButton.hidden = true;
    const tools = el('div', { class: 'composer-tools' },
      iconButton('selection', l10n.t('Add selection to context'), () => events.addSelection()),
      iconButton('file', l10n.t('Add current file to context'), () => events.addFile()),
      iconButton('mention', l10n.t('Mention a workspace file (@)'), () => this.startMention()),
    );
    this.element = el('div', { class: 'composer' },
      this.mentions.element,
      el('div', { class: 'composer-box' }, this.chips, this.input,
        el('div', { class: 'composer-bar' }, tools, this.hint, this.sendButton, this.stopButton)),
    );
    this.input.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('blur', () => this.mentions.close());
  }

  get text(): string {
    return this.input.value;
  }

  setText(text: string): void {
    this.input.value = text;
    this.input.setSelectionRange(text.length, text.length);
  }

  focus(): void {
    this.input.focus();
  }

  setBusy(busy: boolean): void {
    this.sendButton.hidden = busy;
    this.stopButton.hidden = !busy;
  }

  setHint(text: string): void {
    this.hint.textContent = text;
  }

  setChips(chips: Chip[]): void {
    this.chips.replaceChildren(...chips.map((chip) =>
      el('li', { class: 'chip', title: chip.path ?? chip.label },
        icon(chip.kind === 'file' ? 'file' : 'selection'),
        el('span', { class: 'chip-label' }, chip.label),
        iconButton('close', l10n.t('Remove {0}', chip.label), () => this.events.removeChip(chip.id), { className: 'chip-remove' })),
    ));
    this.chips.hidden = chips.length === 0;
  }

  showSuggestions(query: string, items: FileSuggestion[]): void {
    if (this.mention?.query !== query) return; // an answer to an older query
    this.mentions.show(items);
  }

  /** Sends the text as Enter does; kept when the app refuses it. */
  submit(): void {
    const text = this.input.value;
    if (text.trim() === '') return;
    if (!this.events.send(text)) return;
    this.setText('');
    this.events.draft('');
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.mentions.handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      this.syncActiveOption();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit();
    }
  }

  private onInput(): void {
    this.events.draft(this.input.value);
    if (this.showSlashCommands()) return;
    this.mention = mentionAt(this.input.value, this.input.selectionStart);
    if (this.mention === undefined) {
      this.mentions.close();
    } else {
      this.mentions.showSearching();
      this.events.mentionQuery(this.mention.query);
    }
    this.syncActiveOption();
  }

  private startMention(): void {
    const caret = this.input.selectionStart;
    const before = this.input.value.slice(0, caret);
    const insert = before === '' || /\s$/.test(before) ? '@' : ' @';
    this.input.setRangeText(insert, caret, this.input.selectionEnd, 'end');
    this.input.focus();
    this.onInput();
  }

  /** Completes `/f` to the slash commands it starts; true while the list shows them. */
  private showSlashCommands(): boolean {
    const commands = slashCompletions(this.input.value) ?? [];
    this.slashOpen = commands.length > 0;
    if (!this.slashOpen) return false;
    this.mention = undefined;
    this.mentions.show(commands.map((command) => ({ label: `/${command.name}`, path: command.description })));
    this.syncActiveOption();
    return true;
  }

  private pickMention(item: FileSuggestion): void {
    if (this.slashOpen) {
      this.slashOpen = false;
      this.mentions.close();
      this.setText(item.label);
      this.events.draft(item.label);
      this.syncActiveOption();
      return;
    }
    const mention = this.mention;
    if (mention !== undefined) {
      const end = mention.start + 1 + mention.query.length;
      this.input.setRangeText('', mention.start, end, 'end');
    }
    this.mention = undefined;
    this.mentions.close();
    this.syncActiveOption();
    this.events.draft(this.input.value);
    this.events.mentionPick(item.path);
  }

  /** The highlighted option for screen readers (a textarea may not carry `aria-expanded`: the list's own visibility tells). */
  private syncActiveOption(): void {
    const active = this.mentions.activeId;
    if (active === '') this.input.removeAttribute('aria-activedescendant');
    else this.input.setAttribute('aria-activedescendant', active);
  }
}
