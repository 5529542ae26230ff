/** The VS Code side of Export My Data and Delete My Data: dialogs, the file write, the notifications. */
import * as vscode from 'vscode';
import { utcDay } from '../provider/analytics';
import { type Logger } from '../provider/types';
import { type AnalyticsDialogs } from '../platform/dialogs';
import { describeErasure, erasePersonalData, type ErasureResult } from './personalDataEraser';
import { buildPersonalDataExport } from './personalDataExport';
import { type PersonalDataHolders, personalDataErasers, personalDataSources } from './personalDataHolders';

export interface DataRightsDeps {
  holders: PersonalDataHolders;
  dialogs: () => AnalyticsDialogs;
  logger: Logger;
  /** Called after a deletion, e.g. to refresh an open report. */
  afterDeletion: () => Promise<void>;
}

/** Resolves to the file written, or undefined when dismissed or failed. */
export async function exportMyData(deps: DataRightsDeps): Promise<vscode.Uri | undefined> {
  const target = await deps.dialogs().chooseSaveLocation({
    title: vscode.l10n.t('Export My Data'),
    defaultName: `grok-my-data-${utcDay(deps.holders.now())}.json`,
    format: 'json',
  });
  if (!target) return undefined;
  try {
    const document = await buildPersonalDataExport(personalDataSources(deps.holders));
    await vscode.workspace.fs.writeFile(target, Buffer.from(JSON.stringify(document, null, 2), 'utf8'));
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    deps.logger.error(`Export My Data failed: ${text}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export your data: {0}', text));
    return undefined;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Your data was exported to {0}.', vscode.workspace.asRelativePath(target)));
  return target;
}

/** Resolves to what was erased, or undefined when the user did not confirm. */
export async function deleteMyData(deps: DataRightsDeps): Promise<ErasureResult | undefined> {
  if (!(await deps.dialogs().confirmDeletion())) return undefined;
  const result = await erasePersonalData(personalDataErasers(deps.holders));
  const message = describeErasure(result);
  if (result.failed.length > 0) {
    deps.logger.error(`Delete My Data: ${message}`);
    void vscode.window.showErrorMessage(message);
  } else {
    deps.logger.info('Delete My Data: analytics, chat history and consent records deleted');
    void vscode.window.showInformationMessage(message);
  }
  await deps.afterDeletion().catch((error: unknown) => deps.logger.warn(`After Delete My Data: ${String(error)}`));
  return result;
}
