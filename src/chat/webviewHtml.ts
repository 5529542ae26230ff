/** The chat webview's page: the shared webview shell (strict CSP, nonce'd bundle) with the chat's assets. */
import { renderWebviewPage } from '../platform/webviewHtml';

export interface ChatHtmlOptions {
  /** `webview.cspSource`: the origin the webview's local resources are served from. */
  cspSource: string;
  /** A fresh random value per page load; only scripts carrying it may run. */
  nonce: string;
  /** URI of dist/webview/chat.js as the webview sees it. */
  scriptUri: string;
  /** URI of dist/webview/chat-style.css as the webview sees it. */
  styleUri: string;
  /** URI of a codicon.css, when the host ships one. */
  codiconUri?: string;
}

export function renderChatHtml(options: ChatHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri, codiconUri } = options;
  return renderWebviewPage({
    cspSource,
    nonce,
    scriptUri,
    styleUris: codiconUri === undefined ? [styleUri] : [codiconUri, styleUri],
    fonts: true,
    title: 'Grok Code Fast',
    root: { tag: 'div', id: 'app', className: 'app', role: 'application', label: 'Grok chat' },
  });
}
