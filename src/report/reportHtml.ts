/**
 * The Performance Report's HTML page. Pure (no `vscode` import) so the panel and the browser test
 * build the very same page. The Content-Security-Policy allows only the nonce'd bundle and the
 * stylesheet from the webview's own resource origin: no inline script or style, no remote content.
 */

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

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

function attr(value: string): string {
  return value.replace(/[&"<>']/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

export function reportContentSecurityPolicy(cspSource: string, nonce: string): string {
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `img-src ${cspSource} data:`].join('; ');
}

export function renderReportHtml(options: ReportHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri } = options;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(reportContentSecurityPolicy(cspSource, nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" href="${attr(styleUri)}">
    <title>Grok Performance Report</title>
  </head>
  <body>
    <main id="app" class="report" aria-label="Grok Code Fast performance report"></main>
    <script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
  </body>
</html>
`;
}
