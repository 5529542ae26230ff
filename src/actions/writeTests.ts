/**
 * Write tests: the model's test file opens as a new, unsaved editor beside the source, named the way
 * the language's test runners expect. Nothing is written to disk until the user saves.
 */
import * as vscode from 'vscode';
import { cutReason } from '../platform/cutAnswer';
import { ACTION_TITLES } from './actionKinds';
import { type SelectionActionDeps } from './actionDeps';
import { announceCut } from './cutNotice';
import { extractCode } from './extractCode';
import { buildActionMessages } from './prompts';
import { runRequest } from './runRequest';
import { selectedCode, type SelectionInput } from './selectionInput';
import { testFilePath } from './testFileName';

export type WriteTestsOutcome = { status: 'created'; document: vscode.TextDocument } | { status: 'empty' | 'stopped' | 'cut' };

async function exists(uri: vscode.Uri): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.uri.path === uri.path)) return true;
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A free `untitled:` URI at the conventional test path; undefined for a source that is not a file. */
async function newTestFileUri(source: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (source.scheme !== 'file') return undefined;
  for (let attempt = 1; attempt < 100; attempt++) {
    const candidate = vscode.Uri.file(testFilePath(source.fsPath, attempt));
    if (!(await exists(candidate))) return candidate.with({ scheme: 'untitled' });
  }
  return undefined;
}

export async function runWriteTests(deps: SelectionActionDeps, input: SelectionInput, maxTokens?: number): Promise<WriteTestsOutcome> {
  const title = ACTION_TITLES.writeTests;
  const target = await newTestFileUri(input.document.uri);
  const messages = buildActionMessages({
    action: 'writeTests',
    ...selectedCode(input),
    testFileName: target ? vscode.workspace.asRelativePath(target.with({ scheme: 'file' }), false) : undefined,
  });
  const result = await runRequest(deps, { title, document: input.document, messages, maxTokens, onText: () => {}, onFailed: () => {} }, () =>
    runWriteTests(deps, input, maxTokens),
  );
  if (!result) return { status: 'stopped' };
  const cut = cutReason(result.finishReason);
  if (cut !== undefined) {
    announceCut(deps, title, cut, maxTokens ?? deps.maxTokens(), (raised) => runWriteTests(deps, input, raised));
    return { status: 'cut' };
  }
  const code = extractCode(result.content);
  if (code.trim() === '') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Grok: the model returned an empty answer for Write tests; try again.'));
    return { status: 'empty' };
  }
  const content = code.endsWith('\n') ? code : `${code}\n`;
  let document: vscode.TextDocument;
  if (target) {
    document = await vscode.workspace.openTextDocument(target);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(target, new vscode.Position(0, 0), content);
    await vscode.workspace.applyEdit(edit);
  } else {
    document = await vscode.workspace.openTextDocument({ language: input.languageId, content });
  }
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return { status: 'created', document };
}
