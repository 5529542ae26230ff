/**
 * Loads the built chat webview (dist/webview) in headless Chromium, in the very page the extension
 * serves (renderPage, strict CSP), through the shared BrowserHarness. The host stub keeps the
 * webview's state in sessionStorage, so a reload behaves like VS Code re-creating a hidden view.
 */
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { type PageAssets, renderPage } from '../../src/platform/webviewHtml';
import type { FromWebviewMessage, ToWebviewMessage } from '../../src/chat/protocol';
import { BrowserHarness, collectErrors, fromHost, launch, postedBy, ROOT, settle, type Theme, waitForPosted, type WebviewPageSpec } from './browserPage';

export const ARTIFACTS = resolve(ROOT, 'test-artifacts/webview');
export const NONCE = 'test-nonce-5f2a9c';

/** The chat page; `locale` is what a host in another display language adds (its language and bundle). */
const chatPage = (locale: Pick<PageAssets, 'language' | 'bundle'> = {}): WebviewPageSpec => ({
  render: (origin) => renderPage('chat', { cspSource: origin, nonce: NONCE, scriptUri: `${origin}/chat.js`, styleUri: `${origin}/chat-style.css`, ...locale }),
  nonce: NONCE,
  state: 'session',
  files: {
    '/chat.js': { path: 'dist/webview/chat.js', type: 'text/javascript' },
    '/chat-style.css': { path: 'dist/webview/chat-style.css', type: 'text/css' },
  },
});

export class ChatPage {
  constructor(readonly page: Page) {}

  /** Delivers a message as the host would, then lets the webview render (two animation frames). */
  async fromHost(message: ToWebviewMessage | unknown): Promise<void> {
    await fromHost(this.page, message);
  }

  async settle(): Promise<void> {
    await settle(this.page);
  }

  async posted(): Promise<FromWebviewMessage[]> {
    return postedBy<FromWebviewMessage>(this.page);
  }

  async postedOfType<T extends FromWebviewMessage['type']>(type: T): Promise<Extract<FromWebviewMessage, { type: T }>[]> {
    return (await this.posted()).filter((m): m is Extract<FromWebviewMessage, { type: T }> => m.type === type);
  }

  async waitForPosted(type: FromWebviewMessage['type'], timeout = 5000): Promise<void> {
    await waitForPosted(this.page, type, timeout);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
  }
}

export class Harness extends BrowserHarness {
  static async start(locale?: Pick<PageAssets, 'language' | 'bundle'>): Promise<Harness> {
    return new Harness(await launch(chatPage(locale)));
  }

  /** A fresh page (own session storage) with the webview loaded in `theme`; uncaught page errors are collected. */
  async open(viewport = { width: 420, height: 760 }, deviceScaleFactor = 1, theme: Theme = 'dark'): Promise<{ chat: ChatPage; errors: string[] }> {
    const page = await this.newPage(viewport, deviceScaleFactor);
    const errors = collectErrors(page);
    await this.load(page, theme);
    return { chat: new ChatPage(page), errors };
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
