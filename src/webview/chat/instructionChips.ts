/**
 * The instruction files (AGENTS.md, .github/copilot-instructions.md, .grok/instructions.md) that go
 * along with every message, as chips above the composer; × stops sending that file.
 */
import * as l10n from '@vscode/l10n';
import { el } from '../shared/dom';
import { icon } from './icons';
import { iconButton } from './iconButton';

export function renderInstructionChips(files: readonly { path: string }[], remove: (path: string) => void): HTMLElement {
  const list = el('ul', { class: 'chips instruction-chips', 'aria-label': l10n.t('Instruction files sent with every message') },
    ...files.map((file) =>
      el('li', { class: 'chip instruction-chip', title: l10n.t('Instructions from {0} go with every message', file.path) },
        icon('file'),
        el('span', { class: 'chip-label' }, file.path),
        iconButton('close', l10n.t('Stop using {0}', file.path), () => remove(file.path), { className: 'chip-remove' }))));
  list.hidden = files.length === 0;
  return list;
}
