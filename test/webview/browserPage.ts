/**
 * What the chat and report browser harnesses share: one webview page, as the extension serves it
 * (strict CSP) plus a nonce'd stub of `acquireVsCodeApi`, the theme stylesheet and the body classes
 * VS Code gives a webview in that theme, served with its files from a static server on 127.0.0.1 and
 * loaded in headless Chromium.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../../..');

/** A served file: its path under ROOT and content type. */
export interface PageFile {
  path: string;
  type: string;
}

/** The themes the pages are tested in: VS Code's Dark Modern, Light Modern and Dark High Contrast. */
export const THEMES = ['dark', 'light', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];

/** Each theme's variables as VS Code 1.139 gives them to a webview (fixtures/vscode-<theme>.css). */
function themeFile(theme: Theme): PageFile {
  return { path: `test/webview/fixtures/vscode-${theme}.css`, type: 'text/css' };
}

function isTheme(value: string | null): value is Theme {
  return (THEMES as readonly (string | null)[]).includes(value);
}

export interface WebviewPageSpec {
  /** The page's HTML as the extension renders it for `origin`. */
  render(origin: string): string;
  nonce: string;
  /** Where the stub keeps the webview's state: across reloads (as VS Code does for a hidden view), or only in the page. */
  state: 'session' | 'page';
  files: Record<string, PageFile>;
}

function hostStub(state: WebviewPageSpec['state']): string {
  const storage =
    state === 'session'
      ? `const KEY = 'vscode-webview-state';
  const getState = () => { const saved = sessionStorage.getItem(KEY); return saved === null ? undefined : JSON.parse(saved); };
  const setState = (value) => sessionStorage.setItem(KEY, JSON.stringify(value));`
      : `let state;
  const getState = () => state;
  const setState = (value) => { state = value; };`;
  return `
(() => {
  ${storage}
  window.__posted = [];
  window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))), getState, setState });
})();`;
}

/** The page with the theme's stylesheet and, as VS Code sets them on a webview's body, its theme kind class and attribute. */
function pageHtml(spec: WebviewPageSpec, origin: string, theme: Theme): string {
  const kind = `vscode-${theme}`;
  const link = `<link rel="stylesheet" href="${origin}/theme-${theme}.css">`;
  return spec
    .render(origin)
    .replace('</head>', `${link}\n    <script nonce="${spec.nonce}">${hostStub(spec.state)}</script>\n  </head>`)
    .replace('<body>', `<body class="${kind}" data-vscode-theme-kind="${kind}">`);
}

/** Delivers a message as the host would, then lets the page render (two animation frames). */
export async function fromHost(page: Page, message: unknown): Promise<void> {
  const post = (m: unknown) => (globalThis as unknown as { postMessage(data: unknown, target: string): void }).postMessage(m, '*');
  await page.evaluate(post, message);
  await settle(page);
}

export async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))))');
}

/** The page's uncaught errors and console errors from now on (a CSP violation logs one). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** What the page has posted to the host so far. */
export async function postedBy<T>(page: Page): Promise<T[]> {
  return (await page.evaluate('window.__posted')) as T[];
}

/** Waits until the page has posted a message of this type (a function, not a string: the CSP forbids eval). */
export async function waitForPosted(page: Page, type: string, timeout = 5000): Promise<void> {
  const posted = (wanted: string) => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === wanted);
  await page.waitForFunction(posted, type, { timeout });
}

/** A browser and the server of one page, as `launch` makes them. */
export interface Launched {
  browser: Browser;
  server: Server;
  origin: string;
}

export async function launch(spec: WebviewPageSpec): Promise<Launched> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      const theme = url.searchParams.get('theme') ?? 'dark';
      if (!isTheme(theme)) {
        response.writeHead(400).end(`no theme ${theme}`);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(spec, origin, theme));
      return;
    }
    const themed = /^\/theme-(.+)\.css$/.exec(url.pathname)?.[1] ?? null;
    const file = isTheme(themed) ? themeFile(themed) : spec.files[url.pathname];
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
  return { browser, server, origin };
}

/** The base of the chat and report harnesses: each adds how it opens its page. */
export abstract class BrowserHarness {
  protected constructor(private readonly launched: Launched) {}

  get origin(): string {
    return this.launched.origin;
  }

  /** A fresh page in its own context (own session storage), not yet loaded. */
  protected async newPage(viewport: { width: number; height: number }, deviceScaleFactor = 1): Promise<Page> {
    const context = await this.launched.browser.newContext({ viewport, deviceScaleFactor });
    return context.newPage();
  }

  /** Loads the webview in `page`, in `theme`, and waits for its `ready`. */
  protected async load(page: Page, theme: Theme = 'dark'): Promise<void> {
    await page.goto(`${this.origin}/?theme=${theme}`);
    await waitForPosted(page, 'ready');
  }

  async close(): Promise<void> {
    await this.launched.browser.close();
    await new Promise((done) => this.launched.server.close(done));
  }
}
