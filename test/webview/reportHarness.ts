/**
 * Loads the built Performance Report webview (dist/webview/report.js) in headless Chromium, in the
 * very page the panel serves (renderReportHtml, strict CSP), from a static server on 127.0.0.1. A
 * nonce'd stub of `acquireVsCodeApi` records what the page posts; console warnings and errors are kept.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { type FromReportMessage, type ToReportMessage } from '../../src/report/protocol';
import { renderReportHtml } from '../../src/report/reportHtml';

export const ROOT = resolve(__dirname, '../../..');
export const NONCE = 'report-nonce-7d1e3b';

const STUB = `
(() => {
  window.__posted = [];
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
    getState: () => state,
    setState: (value) => { state = value; },
  });
})();`;

/** The chart and notice colours of Dark Modern, which the shared fixture does not carry. */
const EXTRA_THEME = `html {
  --vscode-charts-foreground: #cccccc;
  --vscode-charts-lines: rgba(204, 204, 204, 0.5);
  --vscode-charts-blue: #3794ff;
  --vscode-charts-orange: #d18616;
  --vscode-charts-purple: #b180d7;
  --vscode-editorWidget-background: #202020;
  --vscode-inputValidation-warningBackground: #352a05;
  --vscode-inputValidation-warningBorder: #b89500;
}`;

const FILES: Record<string, { body: () => string | Buffer; type: string }> = {
  '/report.js': { body: () => readFileSync(resolve(ROOT, 'dist/webview/report.js')), type: 'text/javascript' },
  '/report-style.css': { body: () => readFileSync(resolve(ROOT, 'dist/webview/report-style.css')), type: 'text/css' },
  '/theme.css': { body: () => readFileSync(resolve(ROOT, 'test/webview/fixtures/vscode-dark.css')), type: 'text/css' },
  '/theme-extra.css': { body: () => EXTRA_THEME, type: 'text/css' },
};

function pageHtml(origin: string): string {
  const html = renderReportHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/report.js`, styleUri: `${origin}/report-style.css` });
  const injected =
    `<link rel="stylesheet" href="${origin}/theme.css">\n    <link rel="stylesheet" href="${origin}/theme-extra.css">\n` +
    `    <script nonce="${NONCE}">${STUB}</script>\n  </head>`;
  return html.replace('</head>', injected);
}

export class ReportPage {
  readonly warnings: string[] = [];
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
      if (message.type() === 'warning') this.warnings.push(message.text());
    });
  }

  /** Delivers a message as the host would, then lets the page render. */
  async fromHost(message: ToReportMessage | unknown): Promise<void> {
    const post = (m: unknown) => (globalThis as unknown as { postMessage(data: unknown, target: string): void }).postMessage(m, '*');
    await this.page.evaluate(post, message);
    await this.page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))))');
  }

  async posted(): Promise<FromReportMessage[]> {
    return (await this.page.evaluate('window.__posted')) as FromReportMessage[];
  }

  async metric(name: string): Promise<{ value: string; detail: string }> {
    const card = this.page.locator(`[data-metric="${name}"]`);
    return { value: await card.locator('.card-value').innerText(), detail: await card.locator('.card-detail').innerText() };
  }
}

export class ReportHarness {
  private constructor(
    private readonly browser: Browser,
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<ReportHarness> {
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
      response.writeHead(200, { 'content-type': file.type }).end(file.body());
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return new ReportHarness(browser, server, origin);
  }

  /** A fresh page with the report loaded and its `ready` received. */
  async open(viewport = { width: 1180, height: 900 }): Promise<ReportPage> {
    const context = await this.browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const report = new ReportPage(page);
    await page.goto(`${this.origin}/`);
    await page.waitForFunction('window.__posted.some((m) => m.type === "ready")');
    return report;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise((done) => this.server.close(done));
  }
}
