/**
 * The Performance Report panel (one at a time): serves the strict-CSP page, answers the webview's
 * typed messages with reports from the tracker, and drops (and logs) anything that does not parse.
 */
import * as vscode from 'vscode';
import { pageHtml, webviewRoot } from '../platform/webviewAssets';
import { type AnalyticsTracker } from '../provider/analytics';
import { type Logger } from '../provider/types';
import { DEFAULT_REPORT_PERIOD, parseFromReport, type ReportPeriod, type ToReportMessage } from './protocol';
import { lastDays } from '../provider/analytics/reportPeriod';
import { toReportView } from './reportView';

export interface ReportPanelDeps {
  extensionUri: vscode.Uri;
  tracker: Pick<AnalyticsTracker, 'generatePerformanceReport'>;
  /** The analytics setting and the cloud feature both on. */
  analyticsEnabled: () => boolean;
  /** The page's Export button: runs Export Analytics. */
  exportAnalytics: () => void;
  logger: Logger;
  now: () => number;
}

const REPORT_VIEW_TYPE = 'grokCodeFast.performanceReport';

export class ReportPanelController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private period: ReportPeriod = DEFAULT_REPORT_PERIOD;
  /** Bumped per request, so a slow report for an old period never replaces a newer one. */
  private generation = 0;

  constructor(private readonly deps: ReportPanelDeps) {}

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, vscode.l10n.t('Grok Performance'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [webviewRoot(this.deps.extensionUri)],
    });
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'activity.svg');
    const { webview } = panel;
    webview.html = pageHtml(webview, this.deps.extensionUri, 'report');
    const subscription = webview.onDidReceiveMessage((raw: unknown) => this.receive(raw));
    panel.onDidDispose(() => {
      subscription.dispose();
      this.panel = undefined;
    });
    this.panel = panel;
  }

  /** Sends a fresh report when the panel is open (after Delete My Data, say). */
  refresh(): Promise<void> {
    return this.panel ? this.sendReport(this.period) : Promise.resolve();
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private receive(raw: unknown): void {
    const message = parseFromReport(raw);
    if (message === undefined) {
      this.deps.logger.warn('Performance Report: dropped an invalid message from the webview');
      return;
    }
    switch (message.type) {
      case 'ready':
        void this.sendReport(message.period);
        return;
      case 'setPeriod':
        void this.post({ type: 'loading', period: message.period });
        void this.sendReport(message.period);
        return;
      case 'export':
        this.deps.exportAnalytics();
        return;
    }
  }

  private async sendReport(period: ReportPeriod): Promise<void> {
    this.period = period;
    const generation = ++this.generation;
    let message: ToReportMessage;
    try {
      const report = await this.deps.tracker.generatePerformanceReport(undefined, lastDays(period, this.deps.now()));
      message = { type: 'report', period, analyticsEnabled: this.deps.analyticsEnabled(), report: toReportView(report) };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.deps.logger.error(`Performance Report: could not build the report: ${text}`);
      message = { type: 'failed', period, message: text };
    }
    if (generation === this.generation) await this.post(message);
  }

  private async post(message: ToReportMessage): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }
}
