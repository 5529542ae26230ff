/**
 * The status bar's click menu (statusMenuItems) and the commands behind it: toggle and snooze inline
 * completions, open chat, select the model, the performance report, settings, the API key and the log.
 */
import * as vscode from 'vscode';
import { type InlineSnooze } from '../platform/inlineSnooze';
import { type StatusBarController } from './statusBar';
import { menuItems } from './statusMenuItems';

const MINUTE_MS = 60_000;

export interface StatusMenuDeps {
  statusBar: StatusBarController;
  snooze: InlineSnooze;
  showLog: () => void;
  now?: () => number;
}

async function toggleInline(statusBar: StatusBarController, snooze: InlineSnooze): Promise<void> {
  const config = vscode.workspace.getConfiguration('grokCodeFast');
  const enabled = !config.get<boolean>('inlineCompletions.enabled', true);
  await config.update('inlineCompletions.enabled', enabled, vscode.ConfigurationTarget.Global);
  statusBar.setInlineEnabled(enabled);
  if (enabled) snooze.snooze(undefined);
}

async function snoozeInline(statusBar: StatusBarController, snooze: InlineSnooze, now: () => number): Promise<void> {
  const choices: { label: string; until: number | 'restart' | undefined }[] = [
    { label: vscode.l10n.t('For {0} minutes', 15), until: now() + 15 * MINUTE_MS },
    { label: vscode.l10n.t('For 1 hour'), until: now() + 60 * MINUTE_MS },
    { label: vscode.l10n.t('Until VS Code restarts'), until: 'restart' },
  ];
  if (statusBar.isInlineSnoozed()) choices.unshift({ label: vscode.l10n.t('Resume now'), until: undefined });
  const picked = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Snooze inline completions') });
  if (picked) snooze.snooze(picked.until);
}

export function registerStatusMenu(deps: StatusMenuDeps): vscode.Disposable {
  const now = deps.now ?? Date.now;
  return vscode.Disposable.from(
    vscode.commands.registerCommand('grokCodeFast.statusMenu', async () => {
      const picked = await vscode.window.showQuickPick(menuItems(deps.statusBar), { title: 'Grok Code Fast' }); // not UI text: the product's name
      if (picked) await vscode.commands.executeCommand(picked.command, ...(picked.args ?? []));
    }),
    vscode.commands.registerCommand('grokCodeFast.toggleInlineCompletions', () => toggleInline(deps.statusBar, deps.snooze)),
    vscode.commands.registerCommand('grokCodeFast.snoozeInlineCompletions', () => snoozeInline(deps.statusBar, deps.snooze, now)),
    vscode.commands.registerCommand('grokCodeFast.showLog', () => deps.showLog()),
  );
}
