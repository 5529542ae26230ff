/**
 * Turns each rendered `<pre><code>` into a code block with a header: the language and the
 * Copy, Insert at cursor, Apply to file and New file buttons.
 */
import * as l10n from '@vscode/l10n';
import type { FromWebviewMessage } from '../../chat/protocol';
import { el } from '../shared/dom';
import { iconButton } from './iconButton';

export type CodeAction = Extract<FromWebviewMessage, { type: 'copy' | 'insertCode' | 'applyCode' | 'newFile' }>;

function languageOf(code: HTMLElement): string | undefined {
  const match = /(?:^|\s)language-([\w#+.-]+)/.exec(code.className);
  return match?.[1];
}

export function decorateCodeBlocks(root: ParentNode, post: (action: CodeAction) => void): void {
  for (const pre of Array.from(root.querySelectorAll('pre'))) {
    const code = pre.querySelector('code');
    if (code === null) continue;
    const language = languageOf(code);
    const text = () => code.textContent ?? '';
    const toolbar = el(
      'div',
      { class: 'code-toolbar', role: 'toolbar', 'aria-label': language === undefined ? l10n.t('Code block actions') : l10n.t('{0} block actions', language) },
      el('span', { class: 'code-language' }, language ?? l10n.t('text')),
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
