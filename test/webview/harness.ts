/**
 * Loads the built chat webview (dist/webview) in headless Chromium, in the very page the extension
 * serves (renderChatHtml, strict CSP), from a static server on 127.0.0.1. A nonce'd stub of
 * `acquireVsCodeApi` records what the webview posts and keeps its state in sessionStorage, so a
 * reload behaves like VS Code re-creating a hidden view.
 */
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderChatHtml } from '../../src/chat/webviewHtml';
import type { FromWebviewMessage, ToWebviewMessage } from '../../src/chat/protocol';

const ROOT = resolve(__dirname, '../../..');
export const ARTIFACTS = resolve(ROOT, 'test-artifacts/webview');
export const NONCE = 'test-nonce-5f2a9c';

const STUB = `
(() => {
  const KEY = 'vscode-webview-state';
  window.__posted = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => { const saved = sessionStorage.getItem(KEY); return saved === null ? undefined : JSON.parse(saved); },
    setState: (state) => sessionStorage.setItem(KEY, JSON.stringify(state)),
  });
})();`;

const FILES: Record<string, { path: string; type: string }> = {
  '/chat.js': { path: 'dist/webview/chat.js', type: 'text/javascript' },
  '/chat-style.css': { path: 'dist/webview/chat-style.css', type: 'text/css' },
  '/theme.css': { path: 'test/webview/fixtures/vscode-dark.css', type: 'text/css' },
};

function pageHtml(origin: string): string {
  const html = renderChatHtml({
    cspSource: origin,
    nonce: NONCE,
    scriptUri: `${origin}/chat.js`,
    styleUri: `${origin}/chat-style.css`,
  });
  const injected = `<link rel="stylesheet" href="${origin}/theme.css">\n    <script nonce="${NONCE}">${STUB}</script>\n  </head>`;
  return html.replace('</head>', injected);
}

export class ChatPage {
  constructor(readonly page: Page) {}

  /** Delivers a message as the host would, then lets the webview render (two animation frames). */
  async fromHost(message: ToWebviewMessage | unknown): Promise<void> {
    const post = (m: unknown) => (globalThis as unknown as { postMessage(data: unknown, target: string): void }).postMessage(m, '*');
    await this.page.evaluate(post, message);
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))))');
  }

  async posted(): Promise<FromWebviewMessage[]> {
    return (await this.page.evaluate('window.__posted')) as FromWebviewMessage[];
  }

  async postedOfType<T extends FromWebviewMessage['type']>(type: T): Promise<Extract<FromWebviewMessage, { type: T }>[]> {
    return (await this.posted()).filter((m): m is Extract<FromWebviewMessage, { type: T }> => m.type === type);
  }

  /** Waits until the webview has posted a message of this type (a function, not a string: the CSP forbids eval). */
  async waitForPosted(type: FromWebviewMessage['type'], timeout = 5000): Promise<void> {
    const posted = (wanted: string) =>
      (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === wanted);
    await this.page.waitForFunction(posted, type, { timeout });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
  }
}

export class Harness {
  private constructor(private readonly browser: Browser, private readonly server: Server, readonly origin: string) {}

  static async start(): Promise<Harness> {
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (url.pathname === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(origin));
        return;
      }
      const file = FILES[url.pathname];
      if (file === undefined) {
        response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
        return;
      }
      response.writeHead(200, { 'content-type': file.type }).end(readFileSync(resolve(ROOT, file.path)));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return new Harness(browser, server, origin);
  }

  /** A fresh page (own session storage) with the webview loaded; uncaught page errors are collected. */
  async open(viewport = { width: 420, height: 760 }, deviceScaleFactor = 1): Promise<{ chat: ChatPage; errors: string[] }> {
    const context = await this.browser.newContext({ viewport, deviceScaleFactor });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${this.origin}/`);
    const chat = new ChatPage(page);
    await chat.waitForPosted('ready');
    return { chat, errors };
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise((done) => this.server.close(done));
  }
}

/**
 * Mocha hooks for a browser test file: one browser and server for the file, a fresh page per test,
 * and after each test the check that the page logged no error (a CSP violation logs one).
 */
export function useChatPage(): { readonly chat: ChatPage; readonly harness: Harness } {
  const context = {} as { chat: ChatPage; harness: Harness; errors: string[] };
  before(async () => {
    context.harness = await Harness.start();
  });
  after(async () => context.harness.close());
  beforeEach(async () => {
    const opened = await context.harness.open();
    context.chat = opened.chat;
    context.errors = opened.errors;
  });
  afterEach(async () => {
    await context.chat.page.context().close();
    assert.deepEqual(context.errors, [], 'no page errors or CSP violations');
  });
  return context;
}
