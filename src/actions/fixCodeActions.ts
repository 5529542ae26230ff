/**
 * The lightbulb "Fix with Grok": a quick fix offered on every diagnostic (not on excluded files) that
 * selects the lines the diagnostics cover and runs the existing Fix action on them, so the diagnostics
 * go into the prompt and the answer opens as the usual diff proposal.
 */
import * as vscode from 'vscode';
import { type SelectionActionDeps } from './actionDeps';

export const FIX_WITH_GROK_COMMAND = 'grokCodeFast.fixWithGrok';
export const FIX_WITH_GROK_TITLE = vscode.l10n.t('Fix with Grok');

/** Whole lines from the first diagnostic's start to the last one's end, line break included when there is one. */
function linesCovering(document: vscode.TextDocument, ranges: readonly vscode.Range[]): vscode.Range {
  const first = Math.min(...ranges.map((r) => r.start.line));
  const last = Math.min(document.lineCount - 1, Math.max(...ranges.map((r) => r.end.line)));
  return last + 1 < document.lineCount ? new vscode.Range(first, 0, last + 1, 0) : new vscode.Range(first, 0, last, document.lineAt(last).text.length);
}

class FixCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly deps: Pick<SelectionActionDeps, 'isExcluded'>) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.diagnostics.length === 0 || this.deps.isExcluded(document)) return [];
    const action = new vscode.CodeAction(FIX_WITH_GROK_TITLE, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [...context.diagnostics];
    const range = linesCovering(document, context.diagnostics.map((d) => d.range));
    action.command = { command: FIX_WITH_GROK_COMMAND, title: FIX_WITH_GROK_TITLE, arguments: [document.uri, range] };
    return [action];
  }
}

/** Selects `range` in an editor on `uri` and runs Fix there; resolves to what Fix resolves to. */
async function fixWithGrok(uri: unknown, range: unknown): Promise<unknown> {
  if (!(uri instanceof vscode.Uri) || !(range instanceof vscode.Range)) return undefined;
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range);
  return vscode.commands.executeCommand('grokCodeFast.fix');
}

export function registerFixCodeActions(deps: Pick<SelectionActionDeps, 'isExcluded'>): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new FixCodeActionProvider(deps), {
      providedCodeActionKinds: FixCodeActionProvider.kinds,
    }),
    vscode.commands.registerCommand(FIX_WITH_GROK_COMMAND, fixWithGrok),
  );
}
