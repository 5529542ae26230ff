/** The data-rights feature: Export My Data and Delete My Data over every holder of personal data. */
import * as vscode from 'vscode';
import { INTERNAL_COMMANDS } from '../platform/internalCommands';
import { type Services } from '../platform/platform';
import { deleteMyData, type DataRightsDeps, exportMyData } from './dataRightsCommands';

export function registerDataRights(context: vscode.ExtensionContext, services: Services): void {
  const deps: DataRightsDeps = {
    holders: {
      tracker: services.tracker,
      consentManager: services.consentManager,
      spendBudget: services.spendGuard.budget,
      features: services.personalData,
      storage: { state: services.globalState, dir: context.globalStorageUri.fsPath },
      now: Date.now,
    },
    dialogs: () => services.dialogs(),
    logger: services.log,
    afterDeletion: async () => {
      services.personalData.deletedAll();
      await services.internalCommands.execute(INTERNAL_COMMANDS.refreshReport);
    },
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('grokCodeFast.exportMyData', () => exportMyData(deps)),
    vscode.commands.registerCommand('grokCodeFast.deleteMyData', () => deleteMyData(deps)),
  );
}
