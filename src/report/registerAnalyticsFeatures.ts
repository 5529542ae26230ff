/**
 * One call wires issue 6's VS Code surfaces: the Performance Report, Export Analytics, Export My Data,
 * Delete My Data, Check Service Health, the health monitor and the retention job. The returned
 * handle is already in `context.subscriptions`; disposing it twice is harmless.
 */
import * as vscode from 'vscode';
import { deleteMyData, exportMyData } from '../dataRights/dataRightsCommands';
import { type HealthState, type HealthVerdict } from '../health/healthAssessment';
import { HealthController, type HealthProbeTarget } from '../health/healthController';
import { type Scheduler, systemScheduler } from '../platform/scheduler';
import { analyticsEnabled, type Settings } from '../platform/settings';
import { type AnalyticsStore, type AnalyticsTracker } from '../provider/analytics';
import { type ConsentManager } from '../provider/consent';
import { type Logger } from '../provider/types';
import { type AnalyticsDialogs, interactiveDialogs } from '../platform/dialogs';
import { exportAnalytics } from './exportAnalyticsCommand';
import { ReportPanelController } from './reportPanel';
import { RetentionJob } from './retentionJob';

export interface AnalyticsFeatureDeps {
  tracker: AnalyticsTracker;
  /** The store behind the tracker (FileAnalyticsStore), pruned by the retention job. */
  analyticsStore: Pick<AnalyticsStore, 'prune'>;
  consentManager: ConsentManager;
  /** The provider health checks probe (getStatus, getMetrics); undefined while none can run (no key). */
  getProvider: () => HealthProbeTarget | undefined;
  /** Every conversation the chat keeps, as JSON-ready data. */
  exportChatHistory: () => Promise<unknown>;
  deleteChatHistory: () => Promise<void>;
  getSettings: () => Settings;
  /** The platform's one settings event (it has already read and validated them). */
  onDidChangeSettings: vscode.Event<Settings>;
  /** For the status bar: 'ok' → ready, 'degraded' → unhealthy, 'down' → offline. Verdict undefined: monitoring was switched off. */
  onHealthChange: (state: HealthState, verdict: HealthVerdict | undefined) => void;
  logger: Logger;
  now?: () => number;
  scheduler?: Scheduler;
}

export interface AnalyticsFeatures extends vscode.Disposable {
  showReport(): void;
  /** Re-sends the open report, if any. */
  refreshReport(): Promise<void>;
  readonly healthState: HealthState;
  /** Test seam: replaces quick picks, save dialogs and the deletion confirmation; undefined restores them. */
  setPrompts(dialogs: Partial<AnalyticsDialogs> | undefined): void;
  /** Only when the extension runs under test (ExtensionMode.Test): what it was given, to seed and inspect data. */
  readonly testing?: { deps: AnalyticsFeatureDeps };
}

const ANALYTICS_COMMANDS = {
  showPerformanceReport: 'grokCodeFast.showPerformanceReport',
  exportAnalytics: 'grokCodeFast.exportAnalytics',
  exportMyData: 'grokCodeFast.exportMyData',
  deleteMyData: 'grokCodeFast.deleteMyData',
  checkHealth: 'grokCodeFast.checkHealth',
} as const;

export function registerAnalyticsFeatures(context: vscode.ExtensionContext, deps: AnalyticsFeatureDeps): AnalyticsFeatures {
  const now = deps.now ?? Date.now;
  const scheduler = deps.scheduler ?? systemScheduler;
  let dialogs: AnalyticsDialogs = interactiveDialogs;

  const runExport = () => exportAnalytics({ tracker: deps.tracker, dialogs: () => dialogs, logger: deps.logger, now });
  const report = new ReportPanelController({
    extensionUri: context.extensionUri,
    tracker: deps.tracker,
    analyticsEnabled: () => analyticsEnabled(deps.getSettings()),
    exportAnalytics: () => void runExport(),
    logger: deps.logger,
    now,
  });
  const health = new HealthController({
    getProvider: deps.getProvider,
    onHealthChange: deps.onHealthChange,
    showReport: () => report.show(),
    logger: deps.logger,
    now,
    scheduler,
  });
  const retention = new RetentionJob({
    prune: (olderThan) => deps.analyticsStore.prune(olderThan),
    retentionDays: () => deps.getSettings().analytics.retentionDays,
    now,
    scheduler,
    logger: deps.logger,
  });
  const dataRights = {
    holders: { ...deps, now },
    dialogs: () => dialogs,
    logger: deps.logger,
    afterDeletion: () => report.refresh(),
  };

  health.applySettings(deps.getSettings());
  void retention.start();

  const disposables: vscode.Disposable[] = [
    report,
    health,
    retention,
    deps.onDidChangeSettings((settings) => health.applySettings(settings)),
    vscode.commands.registerCommand(ANALYTICS_COMMANDS.showPerformanceReport, () => report.show()),
    vscode.commands.registerCommand(ANALYTICS_COMMANDS.exportAnalytics, runExport),
    vscode.commands.registerCommand(ANALYTICS_COMMANDS.exportMyData, () => exportMyData(dataRights)),
    vscode.commands.registerCommand(ANALYTICS_COMMANDS.deleteMyData, () => deleteMyData(dataRights)),
    vscode.commands.registerCommand(ANALYTICS_COMMANDS.checkHealth, () => health.checkHealthCommand()),
  ];

  let disposed = false;
  const features: AnalyticsFeatures = {
    showReport: () => report.show(),
    refreshReport: () => report.refresh(),
    get healthState() {
      return health.state;
    },
    setPrompts(replacement) {
      dialogs = replacement === undefined ? interactiveDialogs : { ...interactiveDialogs, ...replacement };
    },
    ...(context.extensionMode === vscode.ExtensionMode.Test ? { testing: { deps } } : {}),
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const disposable of disposables) disposable.dispose();
    },
  };
  context.subscriptions.push(features);
  return features;
}
