/** The Performance Report's page: the shared webview shell (strict CSP, nonce'd bundle, no fonts) with the report's assets. */
import { renderWebviewPage } from '../platform/webviewHtml';

export interface ReportHtmlOptions {
  /** `webview.cspSource`: the origin the webview's local resources are served from. */
  cspSource: string;
  /** A fresh random value per page load; only scripts carrying it may run. */
  nonce: string;
  /** URI of dist/webview/report.js as the webview sees it. */
  scriptUri: string;
  /** URI of dist/webview/report-style.css as the webview sees it. */
  styleUri: string;
}

export function renderReportHtml(options: ReportHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri } = options;
  return renderWebviewPage({
    cspSource,
    nonce,
    scriptUri,
    styleUris: [styleUri],
    fonts: false,
    title: 'Grok Performance Report',
    root: { tag: 'main', id: 'app', className: 'report', label: 'Grok Code Fast performance report' },
  });
}
