/**
 * Markdown to safe DOM. markdown-it never passes raw HTML through (`html: false`) and refuses
 * `javascript:`-style links; DOMPurify then cleans the result again and keeps only http(s), mailto
 * and in-page links, so a model answer cannot run script or smuggle handlers into the panel.
 */
import DOMPurify, { type Config } from 'dompurify';
import MarkdownIt from 'markdown-it';
import { highlightToHtml } from './highlight';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, highlight: highlightToHtml });

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement) node.setAttribute('rel', 'noopener noreferrer'); // not UI text: link types
});

const SANITIZE_OPTIONS: Config & { RETURN_DOM_FRAGMENT: true } = {
  RETURN_DOM_FRAGMENT: true,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style'],
};

export function renderMarkdown(source: string): DocumentFragment {
  return purifier.sanitize(markdown.render(source), SANITIZE_OPTIONS);
}
