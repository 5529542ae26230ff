/** Where the webview pages' built files live (dist/webview), and a page's HTML for one webview with a fresh nonce. */
import * as vscode from 'vscode';
import { type PageName, renderPage, webviewNonce } from './webviewHtml';

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** Page `name` (dist/webview/<name>.js and <name>-style.css) as HTML for this webview. */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, name: PageName): string {
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), file)).toString();
  return renderPage(name, {
    cspSource: webview.cspSource,
    nonce: webviewNonce(),
    scriptUri: asset(`${name}.js`),
    styleUri: asset(`${name}-style.css`),
    // The page shows its texts in VS Code's display language, from the extension's own bundle.
    language: vscode.env.language,
    bundle: vscode.l10n.bundle,
  });
}
