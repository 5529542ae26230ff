/**
 * Turns each rendered `<pre><code>` into a code block with a header: the language, the wrap toggle
 * (codeWrap.ts) and the Copy, Insert at cursor, Apply to file and New file buttons. A block of edit blocks
 * (SEARCH/REPLACE, src/chat/apply/editBlocks.ts) is shown as the diff it proposes per file, with
 * Copy and Apply to file; its raw text stays in a hidden `<pre>` (what Copy and Apply send).
 */
import * as l10n from '@vscode/l10n';
import { blocksByPath, type EditBlock, parseEditBlocks } from '../../chat/apply/editBlocks';
import type { FromWebviewMessage } from '../../chat/protocol';
import { el } from '../shared/dom';
import { wrapToggle } from './codeWrap';
import { iconButton } from './iconButton';

export type CodeAction = Extract<FromWebviewMessage, { type: 'copy' | 'insertCode' | 'applyCode' | 'newFile' }>;

function languageOf(code: HTMLElement): string | undefined {
  const match = /(?:^|\s)language-([\w#+.-]+)/.exec(code.className);
  return match?.[1];
}

/** Lines of a block as a diff: the lines both sides share at the start and end as context, the rest removed then added. */
function diffLines(block: EditBlock): HTMLElement[] {
  const before = block.search === '' ? [] : block.search.split('\n');
  const after = block.replace === '' ? [] : block.replace.split('\n');
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const line = (kind: 'context' | 'removed' | 'added', text: string) =>
    el(kind === 'removed' ? 'del' : kind === 'added' ? 'ins' : 'span', { class: `diff-line ${kind}` }, `${kind === 'removed' ? '-' : kind === 'added' ? '+' : ' '} ${text}`);
  return [
    ...before.slice(0, head).map((text) => line('context', text)),
    ...before.slice(head, before.length - tail).map((text) => line('removed', text)),
    ...after.slice(head, after.length - tail).map((text) => line('added', text)),
    ...before.slice(before.length - tail).map((text) => line('context', text)),
  ];
}

/** The diff view of a code block of edit blocks, or undefined when it is not a complete set of them (still streaming, or plain code). */
function editBlocksView(code: string): HTMLElement | undefined {
  const parsed = parseEditBlocks(code);
  if (!parsed.ok) return undefined;
  const files = [...blocksByPath(parsed.blocks)].map(([path, blocks]) => {
    const name = path ?? l10n.t('the active file');
    const isNew = blocks.length === 1 && blocks[0]!.search === '';
    return el(
      'section',
      { class: 'edit-file', 'aria-label': isNew ? l10n.t('New file {0}', name) : l10n.t('Changes to {0}', name) },
      el('div', { class: 'edit-file-name' }, isNew ? l10n.t('{0} (new file)', name) : name),
      ...blocks.map((block) => el('pre', { class: 'edit-diff', tabindex: '0' }, ...diffLines(block))),
    );
  });
  return el('div', { class: 'edit-files' }, ...files);
}

export function decorateCodeBlocks(root: ParentNode, post: (action: CodeAction) => void): void {
  for (const pre of Array.from(root.querySelectorAll('pre'))) {
    const code = pre.querySelector('code');
    if (code === null) continue;
    const language = languageOf(code);
    const text = () => code.textContent ?? '';
    const edits = editBlocksView(text());
    if (edits !== undefined) {
      const toolbar = el(
        'div',
        { class: 'code-toolbar', role: 'toolbar', 'aria-label': l10n.t('Edit blocks actions') },
        el('span', { class: 'code-language' }, l10n.t('edit')),
        wrapToggle(),
        iconButton('copy', l10n.t('Copy edit blocks'), () => post({ type: 'copy', text: text() })),
        iconButton('apply', l10n.t('Apply to file'), () => post({ type: 'applyCode', code: text(), language })),
      );
      const block = el('div', { class: 'code-block edit-blocks' });
      pre.replaceWith(block);
      pre.hidden = true;
      code.classList.add('raw-edit-blocks');
      block.append(toolbar, edits, pre);
      continue;
    }
    const toolbar = el(
      'div',
      { class: 'code-toolbar', role: 'toolbar', 'aria-label': language === undefined ? l10n.t('Code block actions') : l10n.t('{0} block actions', language) },
      el('span', { class: 'code-language' }, language ?? l10n.t('text')),
      wrapToggle(),
      iconButton('copy', l10n.t('Copy code'), () => post({ type: 'copy', text: text() })),
      iconButton('insert', l10n.t('Insert at cursor'), () => post({ type: 'insertCode', code: text() })),
      iconButton('apply', l10n.t('Apply to file'), () => post({ type: 'applyCode', code: text(), language })),
      iconButton('newFile', l10n.t('New file'), () => post({ type: 'newFile', code: text(), language })),
    );
    const block = el('div', { class: 'code-block' });
    pre.replaceWith(block);
    block.append(toolbar, pre);
    pre.classList.add('hljs');
    pre.tabIndex = 0;
  }
}
