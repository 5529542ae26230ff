/**
 * The selection commands (editor context submenu, palette, keybindings). Accept and Reject belong to
 * the shared proposed-edit flow (Services.proposedEdits).
 */
import * as vscode from 'vscode';
import { createExcludeMatcher } from '../platform/excludeMatcher';
import { INTERNAL_COMMANDS } from '../platform/internalCommands';
import { type Services } from '../platform/platform';
import { type SelectionActionDeps } from './actionDeps';
import { EDIT_ACTIONS, type EditAction } from './actionKinds';
import { runEditAction } from './editAction';
import { registerFixCodeActions } from './fixCodeActions';
import { explainQuestion } from './prompts';
import { refuseExcluded } from './runRequest';
import { readSelection, selectedCode } from './selectionInput';
import { runWriteTests } from './writeTests';

export type { SelectionActionDeps } from './actionDeps';

async function askForInstruction(fromCaller: unknown): Promise<string | undefined> {
  // From the context menu the first argument is the document's URI; only a string is an instruction.
  if (typeof fromCaller === 'string' && fromCaller.trim() !== '') return fromCaller.trim();
  const instruction = await vscode.window.showInputBox({
    title: vscode.l10n.t('Ask Grok'),
    prompt: vscode.l10n.t('What should Grok do with the selection?'),
    placeHolder: vscode.l10n.t('e.g. convert to async/await'),
    ignoreFocusOut: true,
  });
  return instruction?.trim() || undefined;
}

/** The actions feature: the selection commands and the lightbulb's fixes, on the shared services. */
export function registerSelectionActions(context: vscode.ExtensionContext, services: Services): void {
  const deps: SelectionActionDeps = {
    getProvider: () => services.providerFor('action'),
    ensureConsent: () => services.consent.ensureConsent(),
    onConsentRevoked: services.consent.onConsentRevoked,
    askInChat: (text, options) => services.internalCommands.execute(INTERNAL_COMMANDS.askInChat, text, options),
    proposedEdits: services.proposedEdits,
    maxTokens: () => services.settings().maxTokens,
    estimateNoticeUsd: () => services.settings().budget.estimateNoticeUsd,
    isExcluded: ({ uri }) => createExcludeMatcher(services.settings().exclude)(vscode.workspace.asRelativePath(uri, false), uri.fsPath),
    logger: services.log,
  };
  context.subscriptions.push(selectionCommands(deps));
}

function selectionCommands(deps: SelectionActionDeps): vscode.Disposable {
  const edit = (action: EditAction) => async (instructionArg?: unknown) => {
    const input = readSelection(vscode.window.activeTextEditor);
    if (!input) return undefined;
    if (action !== 'askGrok') return runEditAction(deps, { action, input });
    const instruction = await askForInstruction(instructionArg);
    return instruction === undefined ? undefined : runEditAction(deps, { action, input, instruction });
  };
  const editCommands = EDIT_ACTIONS.map((action) => vscode.commands.registerCommand(`grokCodeFast.${action}`, edit(action)));
  return vscode.Disposable.from(
    ...editCommands,
    registerFixCodeActions(deps),
    vscode.commands.registerCommand('grokCodeFast.writeTests', async () => {
      const input = readSelection(vscode.window.activeTextEditor);
      return input && runWriteTests(deps, input);
    }),
    vscode.commands.registerCommand('grokCodeFast.explain', async () => {
      const input = readSelection(vscode.window.activeTextEditor);
      if (!input || refuseExcluded(deps, input.document)) return;
      await deps.askInChat(explainQuestion(selectedCode(input)), { attachSelection: true });
    }),
  );
}
