/**
 * Wrap long lines in code blocks, as VS Code's own chat offers: one toggle in every code block's
 * toolbar (a pressed/unpressed button, so screen readers say its state), acting on all blocks of the
 * panel at once, those still to come included. Off by default: code reads best unwrapped when it fits.
 */
import * as l10n from '@vscode/l10n';
import { iconButton } from './iconButton';

const WRAPPED = 'code-wrap';
const TOGGLE = 'wrap-toggle';

function wrapped(): boolean {
  return document.body.classList.contains(WRAPPED);
}

function setWrapped(on: boolean): void {
  document.body.classList.toggle(WRAPPED, on);
  for (const button of Array.from(document.querySelectorAll(`.${TOGGLE}`))) button.setAttribute('aria-pressed', String(on));
}

/** The toolbar button that turns wrapping on or off for every code block. */
export function wrapToggle(): HTMLButtonElement {
  const button = iconButton('wrap', l10n.t('Wrap long lines'), () => setWrapped(!wrapped()), { className: TOGGLE });
  button.setAttribute('aria-pressed', String(wrapped()));
  return button;
}
