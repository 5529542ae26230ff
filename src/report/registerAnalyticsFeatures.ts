/**
 * The report feature: the Performance Report, Export Analytics and the retention job that keeps the
 * analytics store within `grokCodeFast.analytics.retentionDays`. Health and the data-rights commands
 * register themselves (src/health, src/dataRights).
 */
import * as vscode from 'vscode';
import { type AnalyticsDialogs } from '../platform/dialogs';
import { INTERNAL_COMMANDS } from '../platform/internalCommands';
import { type Services } from '../platform/platform';
import { systemScheduler } from '../platform/scheduler';
import { analyticsEnabled } from '../platform/settings';
import { exportAnalytics } from './exportAnalyticsCommand';
import { ReportPanelController } from './reportPanel';
import { RetentionJob } from './retentionJob';

/** What registerAnalyticsFeatures hands back to the composition root: test seams only (the commands do the rest). */
export interface AnalyticsFeatures {
  /** Test seam: replaces quick picks, save dialogs and the deletion confirmation; undefined restores them. */
  setPrompts(dialogs: Partial<AnalyticsDialogs> | undefined): void;
  /** Only when the extension runs under test (ExtensionMode.Test): the shared data holders, to seed and inspect data. */
  readonly testing?: { deps: Pick<Services, 'tracker' | 'consentManager' | 'analyticsStore'> & { exportChatHistory(): Promise<unknown> } };
}

export function registerAnalyticsFeatures(context: vscode.ExtensionContext, services: Services): AnalyticsFeatures {
  const now = Date.now;
  const logger = services.log;
  const runExport = () => exportAnalytics({ tracker: services.tracker, dialogs: () => services.dialogs(), logger, now });
  const report = new ReportPanelController({
    extensionUri: context.extensionUri,
    tracker: services.tracker,
    analyticsEnabled: () => analyticsEnabled(services.settings()),
    exportAnalytics: () => void runExport(),
    logger,
    now,
  });
  const retention = new RetentionJob({
    prune: (olderThan) => services.analyticsStore.prune(olderThan),
    retentionDays: () => services.settings().analytics.retentionDays,
    now,
    scheduler: systemScheduler,
    logger,
  });
  void retention.start();

  context.subscriptions.push(
    report,
    retention,
    vscode.commands.registerCommand('grokCodeFast.showPerformanceReport', () => report.show()),
    vscode.commands.registerCommand('grokCodeFast.exportAnalytics', runExport),
    services.internalCommands.register(INTERNAL_COMMANDS.refreshReport, () => report.refresh()),
  );
  const chatHistory = () => services.personalData.list().find((holder) => holder.key === 'chatHistory');
  return {
    setPrompts: (dialogs) => services.setDialogs(dialogs),
    ...(services.testApi && {
      testing: {
        deps: {
          tracker: services.tracker,
          consentManager: services.consentManager,
          analyticsStore: services.analyticsStore,
          exportChatHistory: async () => (await chatHistory()?.exportAll()) ?? null,
        },
      },
    }),
  };
}
