/**
 * The panels around the transcript that depend on the host's status: the welcome screen of an
 * empty chat, the data-use notice until the user consents, and the missing-key banner.
 */
import * as l10n from '@vscode/l10n';
import type { ChatStatus } from '../../chat/protocol';
import { el } from '../shared/dom';
import { icon } from './icons';
import { renderMarkdown } from './markdown';

export interface StatusEvents {
  consent(): void;
  setApiKey(): void;
}

const defaultNotice = () => l10n.t('Grok Code Fast sends your messages and the context you attach (selection, files, tool results) to xAI to generate answers.');

/** True when the composer text is the user saying "I consent" (in English or in the display language). */
export function isConsentPhrase(text: string): boolean {
  const said = text.trim().replace(/[.!]$/, '').replace(/\s+/g, ' ').toLowerCase();
  return said === 'i consent' || said === l10n.t('I consent').toLowerCase();
}

export function renderWelcome(status: ChatStatus, events: StatusEvents): HTMLElement {
  const keyLine = el('li', {}, icon('key'), status.hasKey ? l10n.t('API key: set') : l10n.t('API key: not set'));
  if (!status.hasKey) keyLine.append(keyButton(events));
  return el('section', { class: 'welcome', 'aria-label': l10n.t('Welcome') },
    el('h2', {}, 'Grok Code Fast'), // not UI text: the product's name
    el('p', {}, l10n.t('Ask about your code, attach the selection or a file (or type @ to mention one), and watch the answer stream in. Code blocks can be copied, inserted at the cursor, applied as a diff or saved as a new file.')),
    el('ul', { class: 'status-list', 'aria-label': l10n.t('Status') },
      keyLine,
      el('li', {}, icon('shield'), status.hasConsent ? l10n.t('Data-use consent: given') : l10n.t('Data-use consent: required')),
      el('li', {}, icon('tool'), l10n.t('Model: {0}', status.model))),
  );
}

export function renderConsentNotice(status: ChatStatus, events: StatusEvents): HTMLElement {
  const text = el('div', { class: 'notice-text' }, renderMarkdown(status.consentNotice ?? defaultNotice()));
  const button = el('button', { type: 'button', class: 'button primary' }, l10n.t('I consent'));
  button.addEventListener('click', () => events.consent());
  return el('section', { class: 'notice consent', role: 'region', 'aria-label': l10n.t('Data-use consent') },
    el('h3', {}, icon('shield'), l10n.t('Data-use consent')),
    text,
    el('div', { class: 'notice-actions' }, button, el('span', { class: 'muted' }, l10n.t('or reply “I consent”. Nothing is sent before.'))),
  );
}

export function renderKeyBanner(events: StatusEvents): HTMLElement {
  return el('section', { class: 'notice key', role: 'region', 'aria-label': l10n.t('API key') },
    el('span', {}, icon('key'), l10n.t('No xAI API key is set.')),
    keyButton(events),
  );
}

function keyButton(events: StatusEvents): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'button primary' }, l10n.t('Set API key'));
  button.addEventListener('click', () => events.setApiKey());
  return button;
}
