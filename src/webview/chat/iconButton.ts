import { el } from '../shared/dom';
import { icon, type IconName } from './icons';

/** A toolbar button: an icon, an accessible name, and an optional visible caption. */
export function iconButton(
  iconName: IconName,
  label: string,
  onClick: (event: MouseEvent) => void,
  options: { caption?: string; className?: string } = {},
): HTMLButtonElement {
  const button = el('button', {
    type: 'button',
    class: `icon-button ${options.className ?? ''}`.trim(),
    'aria-label': label,
    title: label,
  });
  button.append(icon(iconName));
  if (options.caption !== undefined) button.append(el('span', { class: 'caption' }, options.caption));
  button.addEventListener('click', onClick);
  return button;
}
