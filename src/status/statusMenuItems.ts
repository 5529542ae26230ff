/** What the status bar's click menu offers, in order, and the command each entry runs. */
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';

export interface MenuItem extends vscode.QuickPickItem {
  command: string;
  args?: unknown[];
}

/** The inline completions' state the menu's first entry reads. */
export interface InlineState {
  isInlineActive(): boolean;
  isInlineSnoozed(): boolean;
}

export function menuItems(inline: InlineState): MenuItem[] {
  const inlineLabel = inline.isInlineActive() || inline.isInlineSnoozed() ? l10n.t('Turn inline completions off') : l10n.t('Turn inline completions on');
  return [
    { label: `$(lightbulb) ${inlineLabel}`, command: 'grokCodeFast.toggleInlineCompletions' },
    { label: `$(clock) ${l10n.t('Snooze inline completions…')}`, command: 'grokCodeFast.snoozeInlineCompletions' },
    { label: `$(comment-discussion) ${l10n.t('Open chat')}`, command: 'grokCodeFast.openChat' },
    { label: `$(symbol-class) ${l10n.t('Select model…')}`, command: 'grokCodeFast.selectModel' },
    { label: `$(graph) ${l10n.t('Show performance report')}`, command: 'grokCodeFast.showPerformanceReport' },
    { label: `$(gear) ${l10n.t('Open settings')}`, command: 'workbench.action.openSettings', args: ['grokCodeFast'] },
    { label: `$(key) ${l10n.t('Set API key…')}`, command: 'grokCodeFast.setApiKey' },
    { label: `$(output) ${l10n.t('Show log')}`, command: 'grokCodeFast.showLog' },
  ];
}
