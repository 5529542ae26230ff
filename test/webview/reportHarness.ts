/**
 * Loads the built Performance Report webview (dist/webview/report.js) in headless Chromium, in the
 * very page the panel serves (renderPage, strict CSP), through the shared BrowserHarness; the
 * host stub keeps state in the page only. Console warnings and errors are kept.
 */
import { type Page } from 'playwright-core';
import { type FromReportMessage, type ToReportMessage } from '../../src/report/protocol';
import { type PageAssets, renderPage } from '../../src/platform/webviewHtml';
import { BrowserHarness, collectErrors, fromHost, launch, postedBy, type Theme, type WebviewPageSpec } from './browserPage';

export { ROOT } from './browserPage';
export const NONCE = 'report-nonce-7d1e3b';

/** The report page; `locale` is what a host in another display language adds (its language and bundle). */
const reportPage = (locale: Pick<PageAssets, 'language' | 'bundle'> = {}): WebviewPageSpec => ({
  render: (origin) =>
    renderPage('report', { cspSource: origin, nonce: NONCE, scriptUri: `${origin}/report.js`, styleUri: `${origin}/report-style.css`, ...locale }),
  nonce: NONCE,
  state: 'page',
  files: {
    '/report.js': { path: 'dist/webview/report.js', type: 'text/javascript' },
    '/report-style.css': { path: 'dist/webview/report-style.css', type: 'text/css' },
  },
});

export class ReportPage {
  readonly warnings: string[] = [];
  readonly errors: string[];

  constructor(readonly page: Page) {
    this.errors = collectErrors(page);
    page.on('console', (message) => {
      if (message.type() === 'warning') this.warnings.push(message.text());
    });
  }

  /** Delivers a message as the host would, then lets the page render. */
  async fromHost(message: ToReportMessage | unknown): Promise<void> {
    await fromHost(this.page, message);
  }

  async posted(): Promise<FromReportMessage[]> {
    return postedBy<FromReportMessage>(this.page);
  }

  async metric(name: string): Promise<{ value: string; detail: string }> {
    const card = this.page.locator(`[data-metric="${name}"]`);
    return { value: await card.locator('.card-value').innerText(), detail: await card.locator('.card-detail').innerText() };
  }
}

export class ReportHarness extends BrowserHarness {
  static async start(locale?: Pick<PageAssets, 'language' | 'bundle'>): Promise<ReportHarness> {
    return new ReportHarness(await launch(reportPage(locale)));
  }

  /** A fresh page with the report loaded in `theme` and its `ready` received. */
  async open(viewport = { width: 1180, height: 900 }, theme: Theme = 'dark'): Promise<ReportPage> {
    const page = await this.newPage(viewport);
    const report = new ReportPage(page);
    await this.load(page, theme);
    return report;
  }
}
