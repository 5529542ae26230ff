/**
 * Moves settings that still name the removed `rooCodeCloud` profile (Roo Code Cloud shut down on
 * 2026-05-15) to `custom` with no URL, in every scope that names it, and tells the user once. Until
 * then, and after, nothing is sent: the settings read the profile as having no endpoint.
 */
import * as vscode from 'vscode';
import { type Logger } from '../provider/types';
import { RETIRED_PROFILE, SETTINGS_SECTION } from './settingsSchema';

const TOLD_KEY = 'grokCodeFast.rooCodeCloudNoticeShown';
const USE_XAI = vscode.l10n.t('Use xAI Directly');
const OPEN_SETTINGS = vscode.l10n.t('Open Settings');

export const RETIRED_PROFILE_MESSAGE = vscode.l10n.t(
  'Grok Code Fast: Roo Code Cloud shut down on 2026-05-15, so its free route is gone. Your endpoint was moved to "custom" with no URL: nothing is sent until you choose xAI directly (with your own API key) or enter another endpoint.',
);

export type MigrationPrompt = (message: string, buttons: string[]) => Thenable<string | undefined>;

/** The scopes whose `endpoint.profile` names the retired profile, moved; returns how many were. */
async function moveSettings(): Promise<number> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const inspected = config.inspect<string>('endpoint.profile');
  const targets = [
    inspected?.globalValue === RETIRED_PROFILE && vscode.ConfigurationTarget.Global,
    inspected?.workspaceValue === RETIRED_PROFILE && vscode.ConfigurationTarget.Workspace,
  ].filter((target): target is vscode.ConfigurationTarget => target !== false);
  for (const target of targets) {
    await config.update('endpoint.url', undefined, target);
    await config.update('endpoint.profile', 'custom', target);
  }
  return targets.length;
}

export async function migrateRetiredProfile(
  memento: vscode.Memento,
  logger: Logger,
  prompt: MigrationPrompt = (message, buttons) => vscode.window.showWarningMessage(message, ...buttons),
): Promise<void> {
  const moved = await moveSettings();
  if (moved === 0) return;
  logger.warn('The rooCodeCloud profile was removed (Roo Code Cloud shut down); the endpoint is now "custom" with no URL.');
  if (memento.get(TOLD_KEY) === true) return;
  await memento.update(TOLD_KEY, true);
  // Not awaited: the move is done; the answer may come much later.
  void prompt(RETIRED_PROFILE_MESSAGE, [USE_XAI, OPEN_SETTINGS]).then(async (choice) => {
    if (choice === USE_XAI) {
      await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('endpoint.profile', 'xai', vscode.ConfigurationTarget.Global);
    }
    if (choice === OPEN_SETTINGS) await vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.endpoint`);
  }, (error: unknown) => logger.error('The Roo Code Cloud notice failed:', error));
}
