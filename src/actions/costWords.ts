/** What the actions say about money: a big request's estimated input cost before it is sent, an answer's cost after. */
import * as vscode from 'vscode';
import { formatUsd } from '../provider/usd';

/** Said in the progress notice of a request whose estimated input cost is above grokCodeFast.budget.estimateNoticeUsd. */
export function estimateWords(inputUsd: number): string {
  return vscode.l10n.t('A large request: about {0} of input.', formatUsd(inputUsd));
}

/** Leads the notification that proposes the diff. */
export function costWords(costUsd: number): string {
  return vscode.l10n.t('This answer cost {0}.', formatUsd(costUsd));
}
