/**
 * One message of the transcript. Each part (reasoning, tool calls, body, error, footer, actions)
 * is rebuilt only when its own input changed, so streaming touches just the growing body and an
 * open reasoning section stays open.
 */
import * as l10n from '@vscode/l10n';
import type { Chip, ToolCallView, TranscriptMessage } from '../../chat/protocol';
import { decorateCodeBlocks, type CodeAction } from './codeBlocks';
import { el } from '../shared/dom';
import { renderError, type ErrorActions } from './errorView';
import { formatUsage } from './format';
import { icon } from './icons';
import { iconButton } from './iconButton';
import { IncrementalMarkdown } from './incrementalMarkdown';

export interface MessageActions extends ErrorActions {
  code(action: CodeAction): void;
  copy(text: string): void;
  /** Answers again, replacing the answer `messageId`. */
  regenerate(messageId: string): void;
}

export interface MessageFlags {
  /** The newest assistant message while idle: offers Regenerate. */
  canRegenerate: boolean;
  /** Tokens are still arriving. */
  streaming: boolean;
  /** The conversation's last message: only it can be retried. */
  isLast: boolean;
  /** The error arrived just now (not from history): a rate limit counts down to `retryAt` and retries, while its answer is the last one. */
  liveError: { retryAt: number | undefined } | undefined;
}

const TOOL_STATUS = {
  running: () => l10n.t('running…'),
  done: () => l10n.t('done'),
  error: () => l10n.t('error'),
} as const;

function chipList(chips: Chip[]): HTMLElement {
  return el('ul', { class: 'chips', 'aria-label': l10n.t('Attached context') }, ...chips.map((chip) =>
    el('li', { class: 'chip', title: chip.path ?? chip.label }, icon(chip.kind === 'file' ? 'file' : 'selection'), chip.label),
  ));
}

function toolCallItem(call: ToolCallView): HTMLElement {
  const item = el('li', { class: `tool-call ${call.status}` },
    icon('tool'),
    el('span', { class: 'tool-name' }, call.name),
    el('span', { class: 'tool-args' }, call.argsSummary),
    el('span', { class: 'tool-status' }, TOOL_STATUS[call.status]()),
  );
  if (call.resultSummary !== undefined) item.append(el('div', { class: 'tool-result' }, call.resultSummary));
  return item;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class MessageView {
  readonly element: HTMLElement;
  private readonly reasoning = el('details', { class: 'reasoning' });
  private readonly reasoningBody = el('div', { class: 'reasoning-body' });
  private readonly reasoningSummary = el('summary', {}, l10n.t('Reasoning'));
  private readonly tools = el('ul', { class: 'tool-calls', 'aria-label': l10n.t('Tool calls') });
  private readonly body = el('div', { class: 'message-body' });
  private readonly markdown = new IncrementalMarkdown(this.body, (fragment) => decorateCodeBlocks(fragment, (action) => this.actions.code(action)));
  /** Why a live answer waits ("rate-limited, retrying in 7 s", "no data for 6 s…"). */
  private readonly waiting = el('div', { class: 'waiting-status', role: 'status', 'aria-live': 'polite' });
  private readonly errorSlot = el('div', { class: 'error-slot' });
  private readonly cutNote = el('div', { class: 'cut-note', role: 'note' });
  private readonly footer = el('div', { class: 'message-footer' });
  private readonly actionBar = el('div', { class: 'message-actions', role: 'toolbar', 'aria-label': l10n.t('Message actions') });
  /** What each part was last rendered from. */
  private readonly rendered = new Map<string, string>();
  private message: TranscriptMessage;

  constructor(message: TranscriptMessage, flags: MessageFlags, private readonly actions: MessageActions) {
    this.message = message;
    const role = message.role === 'user' ? l10n.t('You') : 'Grok'; // not UI text: the product's name for the other side
    this.element = el('article', { class: `message ${message.role}`, 'aria-label': message.role === 'user' ? l10n.t('You said') : l10n.t('Grok said') },
      el('div', { class: 'message-role' }, role));
    this.reasoning.append(this.reasoningSummary, this.reasoningBody);
    if (message.role === 'user') {
      if (message.chips !== undefined && message.chips.length > 0) this.element.append(chipList(message.chips));
      this.element.append(this.body);
    } else {
      this.element.append(this.reasoning, this.tools, this.body, this.waiting, this.cutNote, this.errorSlot, this.footer, this.actionBar);
    }
    this.update(message, flags);
  }

  get id(): string {
    return this.message.id;
  }

  /** The answer as read aloud: "Grok said" and the rendered text, without the code blocks' toolbars. */
  plainText(): string {
    const body = this.body.cloneNode(true) as HTMLElement;
    for (const toolbar of Array.from(body.querySelectorAll('.code-toolbar'))) toolbar.remove();
    return `${this.element.getAttribute('aria-label') ?? ''}: ${body.textContent ?? ''}`.trim();
  }

  update(message: TranscriptMessage, flags: MessageFlags): void {
    this.message = message;
    this.element.classList.toggle('streaming', flags.streaming);
    this.part('body', message.content, () => this.renderBody(message));
    if (message.role === 'user') return;
    this.part('reasoning', `${message.reasoning ?? ''}|${flags.streaming && message.content === ''}`, () => {
      const text = message.reasoning ?? '';
      this.reasoning.hidden = text === '';
      this.reasoningBody.textContent = text;
      this.reasoningSummary.textContent = flags.streaming && message.content === '' ? l10n.t('Reasoning…') : l10n.t('Reasoning');
    });
    this.part('tools', JSON.stringify(message.toolCalls ?? []), () => {
      this.tools.replaceChildren(...(message.toolCalls ?? []).map(toolCallItem));
      this.tools.hidden = this.tools.childElementCount === 0;
    });
    this.part('waiting', message.waiting ?? '', () => {
      this.waiting.textContent = message.waiting === undefined ? '' : capitalize(message.waiting);
      this.waiting.hidden = message.waiting === undefined;
    });
    this.part('error', JSON.stringify([message.error ?? null, flags.liveError ?? null, flags.isLast]), () => {
      const place = { messageId: message.id, live: flags.liveError, isLast: flags.isLast };
      this.errorSlot.replaceChildren(...(message.error === undefined ? [] : [renderError(message.error, place, this.actions)]));
    });
    this.part('cut', message.cut ?? '', () => {
      this.cutNote.hidden = message.cut === undefined;
      this.cutNote.textContent = message.cut === undefined ? '' : l10n.t('Cut before its end: {0}.', message.cut);
    });
    this.part('footer', JSON.stringify([message.usage ?? null, message.stopped ?? false]), () => {
      const parts = [message.stopped === true ? l10n.t('Stopped') : '', message.usage === undefined ? '' : formatUsage(message.usage)];
      this.footer.textContent = parts.filter((part) => part !== '').join(' · ');
    });
    this.part('actions', `${flags.streaming}|${flags.canRegenerate}`, () => this.renderActions(flags));
  }

  private part(name: string, key: string, render: () => void): void {
    if (this.rendered.get(name) === key) return;
    this.rendered.set(name, key);
    render();
  }

  private renderBody(message: TranscriptMessage): void {
    if (message.role === 'user') {
      this.body.textContent = message.content;
      return;
    }
    this.markdown.update(message.content);
  }

  private renderActions(flags: MessageFlags): void {
    if (flags.streaming) {
      this.actionBar.replaceChildren();
      return;
    }
    const buttons = [iconButton('copy', l10n.t('Copy answer'), () => this.actions.copy(this.message.content))];
    // An answer that changes several files: one Apply for all of them (one proposal per file, with Accept All).
    const edits = Array.from(this.body.querySelectorAll('code.raw-edit-blocks'), (code) => code.textContent ?? '');
    if (edits.length > 1) {
      buttons.push(iconButton('apply', l10n.t('Apply all edits'), () => this.actions.code({ type: 'applyCode', code: edits.join('\n') }), { caption: l10n.t('Apply all') }));
    }
    if (flags.canRegenerate) buttons.push(iconButton('regenerate', l10n.t('Regenerate answer'), () => this.actions.regenerate(this.message.id)));
    this.actionBar.replaceChildren(...buttons);
  }
}
