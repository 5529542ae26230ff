/**
 * Turns each rendered `<pre><code>` into a code block with a header: the language and the
 * Copy, Insert at cursor, Apply to file and New file buttons.
 */
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
      { class: 'code-toolbar', role: 'toolbar', 'aria-label': `${language ?? 'Code'} block actions` },
      el('span', { class: 'code-language' }, language ?? 'text'),
      iconButton('copy', 'Copy code', () => post({ type: 'copy', text: text() })),
      iconButton('insert', 'Insert at cursor', () => post({ type: 'insertCode', code: text() })),
      iconButton('apply', 'Apply to file', () => post({ type: 'applyCode', code: text(), language })),
      iconButton('newFile', 'New file', () => post({ type: 'newFile', code: text(), language })),
    );
    const block = el('div', { class: 'code-block' });
    pre.replaceWith(block);
    block.append(toolbar, pre);
    pre.classList.add('hljs');
    pre.tabIndex = 0;
  }
}
