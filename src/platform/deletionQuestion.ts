/**
 * Delete My Data's question: a modal whose default button (the first; Enter presses it) keeps the
 * data, so deleting takes a deliberate choice of "Delete". VS Code adds its own Cancel (Escape).
 */
import * as l10n from '@vscode/l10n';

export interface DeletionQuestion {
  message: string;
  detail: string;
  /** In the order shown: the first is the default. */
  buttons: readonly [{ title: string }, { title: string }];
  /** True only for the Delete button. */
  confirms(answer: { title: string } | undefined): boolean;
}

export function deletionQuestion(): DeletionQuestion {
  const keep = { title: l10n.t('Keep My Data') };
  const remove = { title: l10n.t('Delete') };
  return {
    message: l10n.t('Delete all your Grok Code Fast data on this machine?'),
    detail: l10n.t(
      'This deletes your analytics (every recorded request), your chat history, your data-use consent records and the rate-limit and budget counters (the budget starts from $0 again). It cannot be undone. You will be asked for consent again before the next request.',
    ),
    buttons: [keep, remove],
    confirms: (answer) => answer === remove,
  };
}
