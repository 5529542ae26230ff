import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeAttribute, renderWebviewPage, webviewNonce, type WebviewPage } from '../../../src/platform/webviewHtml';

const PAGE: WebviewPage = {
  cspSource: 'https://x.vscode-cdn.net',
  nonce: 'n0nce',
  scriptUri: 'https://x.vscode-cdn.net/page.js',
  styleUris: ['https://x.vscode-cdn.net/a.css', 'https://x.vscode-cdn.net/b.css'],
  title: 'A <page>',
  root: { tag: 'main', id: 'app', className: 'page', label: 'The "page"' },
};

describe('webview page shell', () => {
  it('escapes every character that could leave a quoted attribute', () => {
    assert.equal(escapeAttribute(`a&b"c'd<e>f`), 'a&amp;b&quot;c&#39;d&lt;e&gt;f');
    assert.equal(escapeAttribute('plain'), 'plain');
  });

  it('makes a fresh 144-bit base64 nonce per call', () => {
    const nonces = new Set(Array.from({ length: 20 }, () => webviewNonce()));
    assert.equal(nonces.size, 20);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
  });

  it('allows only the nonce\'d script and the resource origin\'s styles and images', () => {
    assert.equal(contentSecurityPolicy('o:', 'n'), "default-src 'none'; script-src 'nonce-n'; style-src o:; img-src o: data:");
  });

  it('renders the stylesheets in order, one nonce\'d script and the escaped root element', () => {
    const html = renderWebviewPage(PAGE);
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]*)">/g)].map((m) => m[1]);
    assert.deepEqual(links, PAGE.styleUris);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="n0nce" src="https:\/\/x.vscode-cdn.net\/page.js"><\/script>/);
    assert.match(html, /<title>A &lt;page&gt;<\/title>/);
    assert.match(html, /<main id="app" class="page" aria-label="The &quot;page&quot;"><\/main>/);
    assert.doesNotMatch(html, /role=/);
    assert.match(renderWebviewPage({ ...PAGE, root: { ...PAGE.root, tag: 'div', role: 'application' } }), /<div id="app" class="page" role="application" aria-label="The &quot;page&quot;"><\/div>/);
  });
});
