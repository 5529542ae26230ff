/** What an action says about its cost once answered: it leads the notification that proposes the diff. */
import * as vscode from 'vscode';
import { formatUsd } from '../provider/usd';

export function costWords(costUsd: number): string {
  return vscode.l10n.t('This answer cost {0}.', formatUsd(costUsd));
}
