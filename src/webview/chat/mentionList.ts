/**
 * The @-mention suggestion list under the composer: a listbox the keyboard drives from the text
 * area (arrows move, Enter or Tab pick, Esc closes) while focus stays in the text area.
 */
import * as l10n from '@vscode/l10n';
import type { FileSuggestion } from '../../chat/protocol';
import { el } from '../shared/dom';
import { icon } from './icons';

export class MentionList {
  readonly element = el('ul', { class: 'mentions', role: 'listbox', id: 'mention-list', 'aria-label': l10n.t('Files to attach'), hidden: true });
  private items: FileSuggestion[] = [];
  private active = 0;

  constructor(private readonly onPick: (item: FileSuggestion) => void) {}

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** The id of the highlighted option, for `aria-activedescendant`. */
  get activeId(): string {
    return this.isOpen && this.items.length > 0 ? `mention-${this.active}` : '';
  }

  showSearching(): void {
    this.items = [];
    this.element.replaceChildren(el('li', { class: 'mention-empty' }, l10n.t('Searching files…')));
    this.element.hidden = false;
  }

  show(items: FileSuggestion[]): void {
    this.items = items;
    this.active = 0;
    this.element.hidden = false;
    if (items.length === 0) {
      this.element.replaceChildren(el('li', { class: 'mention-empty' }, l10n.t('No matching files')));
      return;
    }
    this.element.replaceChildren(...items.map((item, index) => {
      const option = el('li', { class: 'mention', role: 'option', id: `mention-${index}`, 'aria-selected': String(index === 0) },
        icon('file'), el('span', { class: 'mention-label' }, item.label), el('span', { class: 'mention-path' }, item.path));
      // mousedown, not click: keeps focus in the text area
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        this.onPick(item);
      });
      return option;
    }));
  }

  close(): void {
    this.element.hidden = true;
    this.items = [];
  }

  /** Handles a key from the text area; true when the list consumed it. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.isOpen) return false;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        this.move(event.key === 'ArrowDown' ? 1 : -1);
        return true;
      case 'Enter':
      case 'Tab': {
        const item = this.items[this.active];
        if (item === undefined) return false;
        this.onPick(item);
        return true;
      }
      case 'Escape':
        this.close();
        return true;
      default:
        return false;
    }
  }

  private move(step: number): void {
    if (this.items.length === 0) return;
    this.active = (this.active + step + this.items.length) % this.items.length;
    for (const [index, option] of Array.from(this.element.children).entries()) {
      option.setAttribute('aria-selected', String(index === this.active));
    }
    this.element.children[this.active]?.scrollIntoView({ block: 'nearest' });
  }
}
