/**
 * What an action says when the server cut its answer (finish_reason `length` or `content_filter`):
 * nothing is proposed, the reason is given, and for the output limit a retry with a higher limit is
 * offered while the model allows one.
 */
import * as vscode from 'vscode';
import { type CutReason, describeCut, higherLimit } from '../platform/cutAnswer';
import { type SelectionActionDeps } from './actionDeps';

/** Tells the user; `retry` runs the action again with the raised limit if they ask for it. */
export function announceCut(deps: SelectionActionDeps, title: string, reason: CutReason, limit: number, retry: (maxTokens: number) => unknown): void {
  const raised = reason === 'length' ? higherLimit(limit) : undefined;
  const retryLabel = raised === undefined ? undefined : vscode.l10n.t('Retry with {0} tokens', raised.toLocaleString());
  const message = vscode.l10n.t('Grok: {0} proposes nothing: the answer was cut before its end ({1}).', title, describeCut(reason, limit));
  deps.logger.info(message);
  const more = reason === 'length' && raised === undefined ? ` ${vscode.l10n.t('Select less code and run it again.')}` : '';
  void vscode.window.showWarningMessage(message + more, ...(retryLabel === undefined ? [] : [retryLabel])).then((choice) => {
    if (raised !== undefined && choice === retryLabel) void retry(raised);
  });
}
