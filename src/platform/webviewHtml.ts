/**
 * The extension's webview pages (the chat view, the Performance Report): one HTML shell with a strict
 * Content-Security-Policy. Pure (no `vscode` import) so the hosts and the browser tests build the
 * very same page. The policy allows nothing but the nonce'd bundle and, from the webview's own
 * resource origin, the stylesheets and images (also `data:`): no fonts, no inline handlers, no inline styles, no remote content.
 */
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';

/** What a host hands its page: the resource origin, a nonce, the bundle and its stylesheet. */
export interface PageAssets {
  /** `webview.cspSource`: the origin the webview's local resources are served from. */
  cspSource: string;
  /** A fresh random value per page load (webviewNonce); only scripts carrying it may run. */
  nonce: string;
  /** The page's bundle (dist/webview/<page>.js) as the webview sees it. */
  scriptUri: string;
  /** The page's stylesheet (dist/webview/<page>-style.css) as the webview sees it. */
  styleUri: string;
  /** VS Code's display language (`vscode.env.language`, BCP 47) for `<html lang>`; default `en`. */
  language?: string;
  /** The host's translations (`vscode.l10n.bundle`, message to text), handed to the page's @vscode/l10n. */
  bundle?: Record<string, string>;
}

export interface WebviewPage extends Omit<PageAssets, 'styleUri'> {
  /** Stylesheets as the webview sees them, in load order. */
  styleUris: readonly string[];
  title: string;
  language?: string;
  bundle?: Record<string, string>;
  /** The element the bundle renders into: its tag, id, class and accessible label. */
  root: { tag: 'div' | 'main'; id: string; className: string; label: string; role?: string };
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

/** Escapes a value for a double-quoted attribute (or element text). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>']/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

export function webviewNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // not UI text: a policy
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `img-src ${cspSource} data:`].join('; ');
}

/** The extension's pages: the chat view and the Performance Report (bundles dist/webview/<name>.js). */
export type PageName = 'chat' | 'report';

const PAGES: Record<PageName, () => Pick<WebviewPage, 'title' | 'root'>> = {
  // not UI text: the product's name
  chat: () => ({ title: 'Grok Code Fast', root: { tag: 'div', id: 'app', className: 'app', role: 'application', label: l10n.t('Grok chat') } }),
  report: () => ({
    title: l10n.t('Grok Performance Report'),
    root: { tag: 'main', id: 'app', className: 'report', label: l10n.t('Grok Code Fast performance report') },
  }),
};

/** Page `name` in the shared shell with its assets (hosts and the browser tests build the same HTML). */
export function renderPage(name: PageName, assets: PageAssets): string {
  const { styleUri, ...rest } = assets;
  return renderWebviewPage({ ...rest, styleUris: [styleUri], ...PAGES[name]() });
}

export function renderWebviewPage(page: WebviewPage): string {
  const { root } = page;
  // not UI text: markup
  const styles = page.styleUris.map((uri) => `\n    <link rel="stylesheet" href="${escapeAttribute(uri)}">`).join('');
  const role = root.role === undefined ? '' : ` role="${escapeAttribute(root.role)}"`;
  const policy = contentSecurityPolicy(page.cspSource, page.nonce);
  const bundle = page.bundle === undefined ? '' : ` data-l10n="${escapeAttribute(JSON.stringify(page.bundle))}"`;
  // not UI text: the HTML shell; its texts are the page's title and label
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(page.language ?? 'en')}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">${styles}
    <title>${escapeAttribute(page.title)}</title>
  </head>
  <body>
    <${root.tag} id="${escapeAttribute(root.id)}" class="${escapeAttribute(root.className)}"${role} aria-label="${escapeAttribute(root.label)}"${bundle}></${root.tag}>
    <script nonce="${escapeAttribute(page.nonce)}" src="${escapeAttribute(page.scriptUri)}"></script>
  </body>
</html>
`;
}
