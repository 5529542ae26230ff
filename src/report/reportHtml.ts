/** The Performance Report's page: the shared webview shell (strict CSP, nonce'd bundle, no fonts) with the report's assets. */
import { type PageAssets, renderWebviewPage } from '../platform/webviewHtml';

export function renderReportHtml(options: PageAssets): string {
  const { cspSource, nonce, scriptUri, styleUri } = options;
  return renderWebviewPage({
    cspSource,
    nonce,
    scriptUri,
    styleUris: [styleUri],
    title: 'Grok Performance Report',
    root: { tag: 'main', id: 'app', className: 'report', label: 'Grok Code Fast performance report' },
  });
}
