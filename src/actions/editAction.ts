/**
 * Refactor, Fix, Add error handling, Generate docs and Ask Grok: the selection is tracked through
 * the user's edits from the moment the request starts (the shared proposed-edit flow), the answer
 * streams into a diff preview of its replacement, then waits for Accept or Reject. A cut answer
 * (output limit, content filter) proposes nothing: the user is told why and may retry with a higher limit.
 */
import * as vscode from 'vscode';
import { cutReason } from '../platform/cutAnswer';
import { withLineEnding } from '../platform/lineEndings';
import { type ProposedEdit } from '../platform/proposedEdits';
import { ACTION_TITLES, type EditAction } from './actionKinds';
import { type SelectionActionDeps } from './actionDeps';
import { costWords } from './costWords';
import { announceCut } from './cutNotice';
import { extractCode, fitReplacement } from './extractCode';
import { buildActionMessages } from './prompts';
import { runRequest } from './runRequest';
import { diagnosticsIn, selectedCode, type SelectionInput } from './selectionInput';

export type EditOutcome =
  | { status: 'proposed'; proposal: ProposedEdit }
  | { status: 'unchanged' | 'empty' | 'stopped' | 'stale' | 'cut' };

export const SELECTION_CHANGED = vscode.l10n.t('the selection changed while Grok was answering');

export interface EditRun {
  action: EditAction;
  input: SelectionInput;
  instruction?: string;
  /** Set by a retry of a cut answer. */
  maxTokens?: number;
}

export async function runEditAction(deps: SelectionActionDeps, run: EditRun): Promise<EditOutcome> {
  const { action, input, instruction } = run;
  const title = ACTION_TITLES[action];
  // A retry re-uses the input read before the first attempt.
  if (input.document.version !== input.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Grok: the file changed since the selection was read; select the code and run {0} again.', title));
    return { status: 'stale' };
  }
  const edits = deps.proposedEdits;
  const proposal = edits.track(title, input.document, input.range, { changedReason: SELECTION_CHANGED });
  const eol = input.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const replacementFor = (code: string) => withLineEnding(fitReplacement(input.text, code), eol);
  const messages = buildActionMessages({
    action,
    ...selectedCode(input),
    before: input.before,
    after: input.after,
    diagnostics: action === 'fix' ? diagnosticsIn(input, deps.isExcluded) : undefined,
    instruction,
  });
  const result = await runRequest(
    deps,
    {
      title,
      document: input.document,
      messages,
      maxTokens: run.maxTokens,
      onText: async (text) => {
        const code = extractCode(text, input.text);
        if (code.trim() !== '') await edits.show(proposal, replacementFor(code));
      },
      onFailed: async () => {
        await edits.reject(proposal);
      },
    },
    () => runEditAction(deps, run),
  );
  if (!result) {
    await edits.reject(proposal);
    return { status: 'stopped' };
  }
  const cut = cutReason(result.finishReason);
  if (cut !== undefined) {
    await edits.reject(proposal);
    announceCut(deps, title, cut, run.maxTokens ?? deps.maxTokens(), (maxTokens) => runEditAction(deps, { ...run, maxTokens }));
    return { status: 'cut' };
  }
  const code = extractCode(result.content, input.text);
  if (code.trim() === '' || replacementFor(code) === input.text) {
    await edits.reject(proposal);
    const empty = code.trim() === '';
    deps.logger.info(`${title}: ${empty ? 'the model returned an empty answer' : 'no change suggested'}.`);
    void vscode.window.showInformationMessage(
      empty ? vscode.l10n.t('Grok: the model returned an empty answer for {0}; nothing to apply. Try again.', title) : vscode.l10n.t('Grok: {0} suggests no change.', title),
    );
    return { status: empty ? 'empty' : 'unchanged' };
  }
  await edits.show(proposal, replacementFor(code));
  if (!edits.isPending(proposal)) return { status: 'stopped' };
  edits.announce(proposal, costWords(result.usage.costUsd));
  return { status: 'proposed', proposal };
}
