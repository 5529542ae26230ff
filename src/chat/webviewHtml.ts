/**
 * The chat webview's HTML page. Pure (no `vscode` import) so the view provider and the browser tests
 * build the very same page. The Content-Security-Policy allows nothing but the nonce'd bundle, the
 * stylesheets and fonts from the webview's own resource origin, and images from there or `data:`:
 * no inline handlers, no inline styles, no remote content.
 */

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

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

function attr(value: string): string {
  return value.replace(/[&"<>']/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function renderChatHtml(options: ChatHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri, codiconUri } = options;
  const codicon = codiconUri === undefined ? '' : `\n    <link rel="stylesheet" href="${attr(codiconUri)}">`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">${codicon}
    <link rel="stylesheet" href="${attr(styleUri)}">
    <title>Grok Code Fast</title>
  </head>
  <body>
    <div id="app" class="app" role="application" aria-label="Grok chat"></div>
    <script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
  </body>
</html>
`;
}
