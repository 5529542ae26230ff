/** The chat webview's page: the shared webview shell (strict CSP, nonce'd bundle) with the chat's assets. */
import { type PageAssets, renderWebviewPage } from '../platform/webviewHtml';

export function renderChatHtml(assets: PageAssets): string {
  const { cspSource, nonce, scriptUri, styleUri } = assets;
  return renderWebviewPage({
    cspSource,
    nonce,
    scriptUri,
    styleUris: [styleUri],
    title: 'Grok Code Fast',
    root: { tag: 'div', id: 'app', className: 'app', role: 'application', label: 'Grok chat' },
  });
}
