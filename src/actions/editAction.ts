/**
 * Refactor, Fix, Add error handling, Generate docs and Ask Grok: the answer streams into a diff
 * preview of the selection's replacement, then waits for Accept or Reject.
 */
import * as vscode from 'vscode';
import { ACTION_TITLES, type EditAction } from './actionKinds';
import { type SelectionActionDeps } from './actionDeps';
import { extractCode, fitReplacement } from './extractCode';
import { buildActionMessages } from './prompts';
import { type Proposal, type Proposals } from './proposals';
import { runRequest } from './runRequest';
import { diagnosticsIn, selectedCode, type SelectionInput } from './selectionInput';

export type EditOutcome =
  | { status: 'proposed'; proposal: Proposal }
  | { status: 'unchanged' | 'empty' | 'stopped' | 'stale' };

function offer(proposals: Proposals, proposal: Proposal): void {
  // Not awaited: the diff stays open and the commands or this notification settle it later.
  void vscode.window
    .showInformationMessage(`Grok: ${proposal.title} proposal ready. Review the diff, then accept or reject it.`, 'Accept', 'Reject')
    .then((choice) => {
      if (choice === 'Accept') void proposals.accept(proposal);
      if (choice === 'Reject') void proposals.reject(proposal);
    });
}

export async function runEditAction(
  deps: SelectionActionDeps,
  proposals: Proposals,
  action: EditAction,
  input: SelectionInput,
  instruction?: string,
): Promise<EditOutcome> {
  const title = ACTION_TITLES[action];
  if (input.document.version !== input.version) {
    void vscode.window.showWarningMessage(`Grok: the file changed since the selection was read; select the code and run ${title} again.`);
    return { status: 'stale' };
  }
  const messages = buildActionMessages({
    action,
    ...selectedCode(input),
    before: input.before,
    after: input.after,
    diagnostics: action === 'fix' ? diagnosticsIn(input) : undefined,
    instruction,
  });
  let proposal: Proposal | undefined;
  const show = async (code: string) => {
    proposal ??= await proposals.open(title, input.document, input.range);
    proposals.update(proposal, fitReplacement(input.text, code));
  };
  const result = await runRequest(
    deps,
    {
      title,
      document: input.document,
      messages,
      onText: async (text) => {
        const code = extractCode(text);
        if (code.trim() !== '') await show(code);
      },
      onFailed: async () => {
        if (proposal) await proposals.reject(proposal);
        proposal = undefined;
      },
    },
    () => runEditAction(deps, proposals, action, input, instruction),
  );
  if (!result) return { status: 'stopped' };
  const code = extractCode(result.content);
  if (code.trim() === '' || fitReplacement(input.text, code) === input.text) {
    if (proposal) await proposals.reject(proposal);
    const empty = code.trim() === '';
    deps.logger.info(`${title}: ${empty ? 'the model returned an empty answer' : 'no change suggested'}.`);
    void vscode.window.showInformationMessage(
      empty ? `Grok: the model returned an empty answer for ${title}; nothing to apply. Try again.` : `Grok: ${title} suggests no change.`,
    );
    return { status: empty ? 'empty' : 'unchanged' };
  }
  await show(code);
  if (!proposal) return { status: 'stopped' };
  offer(proposals, proposal);
  return { status: 'proposed', proposal };
}
