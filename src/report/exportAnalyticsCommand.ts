/** Export Analytics: period and format, a save dialog, then the tracker's export written with workspace.fs. */
import * as vscode from 'vscode';
import { type AnalyticsTracker, utcDay } from '../provider/analytics';
import { type Logger } from '../provider/types';
import { type AnalyticsDialogs } from '../platform/dialogs';
import { allTime, lastDays } from '../provider/analytics/reportPeriod';

export interface ExportAnalyticsDeps {
  tracker: Pick<AnalyticsTracker, 'exportAnalytics'>;
  dialogs: () => AnalyticsDialogs;
  logger: Logger;
  now: () => number;
}

/** Resolves to the file written, or undefined when the user dismissed a question. */
export async function exportAnalytics(deps: ExportAnalyticsDeps): Promise<vscode.Uri | undefined> {
  const dialogs = deps.dialogs();
  const choice = await dialogs.chooseAnalyticsExport();
  if (!choice) return undefined;
  const now = deps.now();
  const spanName = choice.span === 'all' ? 'all' : `${choice.span}d`;
  const target = await dialogs.chooseSaveLocation({
    title: vscode.l10n.t('Export Analytics'),
    defaultName: `grok-analytics-${utcDay(now)}-${spanName}.${choice.format}`,
    format: choice.format,
  });
  if (!target) return undefined;
  try {
    const period = choice.span === 'all' ? allTime(now) : lastDays(choice.span, now);
    const content = await deps.tracker.exportAnalytics({ period, format: choice.format });
    await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    deps.logger.error(`Export Analytics failed: ${text}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export analytics: {0}', text));
    return undefined;
  }
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Analytics exported to {0}.', vscode.workspace.asRelativePath(target)), open).then((action) => {
    if (action === open) void vscode.commands.executeCommand('vscode.open', target);
  });
  return target;
}
