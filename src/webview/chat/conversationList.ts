/** The past conversations of this workspace: open one, or delete it. */
import * as l10n from '@vscode/l10n';
import type { ConversationSummary } from '../../chat/protocol';
import { el } from '../shared/dom';
import { formatWhen } from './format';
import { iconButton } from './iconButton';

export interface ConversationEvents {
  open(id: string): void;
  remove(id: string): void;
}

export class ConversationList {
  readonly element = el('nav', { class: 'history', id: 'history', 'aria-label': l10n.t('Past conversations'), hidden: true });

  constructor(private readonly events: ConversationEvents) {}

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  setOpen(open: boolean): void {
    this.element.hidden = !open;
  }

  update(conversations: ConversationSummary[], activeId: string | undefined, now: number): void {
    if (conversations.length === 0) {
      this.element.replaceChildren(el('p', { class: 'muted' }, l10n.t('No past conversations yet.')));
      return;
    }
    this.element.replaceChildren(el('ul', {}, ...conversations.map((conversation) => {
      const title = conversation.title === '' ? l10n.t('Untitled') : conversation.title;
      const open = el('button', {
        type: 'button',
        class: 'history-open',
        'aria-current': conversation.id === activeId ? 'true' : undefined,
      }, el('span', { class: 'history-title' }, title), el('span', { class: 'muted' }, formatWhen(conversation.updatedAt, now)));
      open.addEventListener('click', () => this.events.open(conversation.id));
      return el('li', {}, open, iconButton('trash', l10n.t('Delete conversation “{0}”', title), () => this.events.remove(conversation.id)));
    })));
  }
}
