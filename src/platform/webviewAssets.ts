/** Where a webview page's built files live (dist/webview) and their URIs as the webview sees them, with a fresh nonce. */
import * as vscode from 'vscode';
import { type PageAssets, webviewNonce } from './webviewHtml';

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** The assets of page `name` (dist/webview/<name>.js and <name>-style.css) for this webview. */
export function pageAssets(webview: vscode.Webview, extensionUri: vscode.Uri, name: 'chat' | 'report'): PageAssets {
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), file)).toString();
  return { cspSource: webview.cspSource, nonce: webviewNonce(), scriptUri: asset(`${name}.js`), styleUri: asset(`${name}-style.css`) };
}
