/**
 * The panels around the transcript that depend on the host's status: the welcome screen of an
 * empty chat, the data-use notice until the user consents, and the missing-key banner.
 */
import type { ChatStatus } from '../../chat/protocol';
import { el } from '../shared/dom';
import { icon } from './icons';
import { renderMarkdown } from './markdown';

export interface StatusEvents {
  consent(): void;
  setApiKey(): void;
}

const DEFAULT_NOTICE =
  'Grok Code Fast sends your messages and the context you attach (selection, files, tool results) to xAI to generate answers.';

/** True when the composer text is the user saying "I consent". */
export function isConsentPhrase(text: string): boolean {
  return /^\s*i\s+consent[.!]?\s*$/i.test(text);
}

export function renderWelcome(status: ChatStatus, events: StatusEvents): HTMLElement {
  const keyLine = el('li', {}, icon('key'), `API key: ${status.hasKey ? 'set' : 'not set'}`);
  if (!status.hasKey) keyLine.append(keyButton(events));
  return el('section', { class: 'welcome', 'aria-label': 'Welcome' },
    el('h2', {}, 'Grok Code Fast'),
    el('p', {}, 'Ask about your code, attach the selection or a file (or type @ to mention one), and watch the answer stream in. Code blocks can be copied, inserted at the cursor, applied as a diff or saved as a new file.'),
    el('ul', { class: 'status-list', 'aria-label': 'Status' },
      keyLine,
      el('li', {}, icon('shield'), `Data-use consent: ${status.hasConsent ? 'given' : 'required'}`),
      el('li', {}, icon('tool'), `Model: ${status.model}`)),
  );
}

export function renderConsentNotice(status: ChatStatus, events: StatusEvents): HTMLElement {
  const text = el('div', { class: 'notice-text' }, renderMarkdown(status.consentNotice ?? DEFAULT_NOTICE));
  const button = el('button', { type: 'button', class: 'button primary' }, 'I consent');
  button.addEventListener('click', () => events.consent());
  return el('section', { class: 'notice consent', role: 'region', 'aria-label': 'Data-use consent' },
    el('h3', {}, icon('shield'), 'Data-use consent'),
    text,
    el('div', { class: 'notice-actions' }, button, el('span', { class: 'muted' }, 'or reply “I consent”. Nothing is sent before.')),
  );
}

export function renderKeyBanner(events: StatusEvents): HTMLElement {
  return el('section', { class: 'notice key', role: 'region', 'aria-label': 'API key' },
    el('span', {}, icon('key'), 'No xAI API key is set.'),
    keyButton(events),
  );
}

function keyButton(events: StatusEvents): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'button primary' }, 'Set API key');
  button.addEventListener('click', () => events.setApiKey());
  return button;
}
