/** The chat webview's page: the shared webview shell (strict CSP, nonce'd bundle) with the chat's assets. */
import { type PageAssets, renderWebviewPage } from '../platform/webviewHtml';

export interface ChatHtmlOptions extends PageAssets {
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
