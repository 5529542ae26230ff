/**
 * The chat's Apply in VS Code: reads the files a code block is for, plans the edit without guessing
 * (applyPlan.ts), runs the model merge for a plain snippet under a cancellable progress
 * notification, and opens one proposal per file through the shared proposed-edit flow (diff, range
 * tracking, Accept, Accept All, Reject). Nothing is written before Accept, new files included.
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { withCancellableProgress } from '../../platform/cancellableProgress';
import { type ProposedEdits } from '../../platform/proposedEdits';
import { type ChatMessage } from '../../provider/types';
import { planApply, type ApplyFile, type FileProposal } from './applyPlan';
import { changedLines } from './changedLines';
import { isEditBlocks } from './editBlocks';
import { mergeMessages } from './mergePrompt';
import { type SymbolSpan } from './symbolShortcut';

export interface ApplyDeps {
  proposedEdits: ProposedEdits;
  /** True for a file under `grokCodeFast.exclude`: it is neither sent to the merge nor written. */
  isExcluded(uri: vscode.Uri): boolean;
  /** Shows the consent modal when needed; false means nothing may be sent. */
  ensureConsent(): Promise<boolean>;
  /** The merge request (feature `apply`: consent, limits, analytics and cost in the core): the answer's text. */
  merge(messages: ChatMessage[], signal: AbortSignal): Promise<string>;
}

/** Why Apply stopped before proposing (the user is told the reason). */
class ApplyRefusal extends Error {}

/** The document's symbols as offsets; none when no language extension provides them. */
async function symbolSpans(document: vscode.TextDocument): Promise<SymbolSpan[]> {
  const found = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
    'vscode.executeDocumentSymbolProvider',
    document.uri,
  );
  const toSpan = (symbol: vscode.DocumentSymbol | vscode.SymbolInformation): SymbolSpan => {
    const range = 'location' in symbol ? symbol.location.range : symbol.range;
    const children = 'children' in symbol ? symbol.children.map(toSpan) : [];
    return { name: symbol.name, start: document.offsetAt(range.start), end: document.offsetAt(range.end), children };
  };
  return (found ?? []).map(toSpan);
}

const exists = (uri: vscode.Uri) =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );

/**
 * The workspace file an edit block's path names: relative to a workspace folder (an existing file
 * wins; else a new file in the first folder), or absolute inside one. Undefined outside the
 * workspace, inside `.git`, or with a `..` that leaves its folder.
 */
async function resolvePath(written: string, active: vscode.TextDocument | undefined): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const clean = written.replace(/\\/g, '/').replace(/^\.\//, '');
  const inside = (uri: vscode.Uri) => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder === undefined) return false;
    const relative = path.posix.relative(folder.uri.path, uri.path);
    return relative !== '' && !relative.startsWith('..') && !relative.split('/').includes('.git');
  };
  if (path.posix.isAbsolute(clean) || /^[a-zA-Z]:\//.test(clean)) {
    const uri = vscode.Uri.file(clean);
    return inside(uri) ? uri : undefined;
  }
  const candidates = folders.map((folder) => vscode.Uri.joinPath(folder.uri, clean)).filter(inside);
  for (const uri of candidates) if (await exists(uri)) return uri;
  // A bare file name for the file the user has open.
  if (active !== undefined && !clean.includes('/') && path.posix.basename(active.uri.path) === clean) return active.uri;
  return candidates[0];
}

export async function applyInEditor(deps: ApplyDeps, code: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const activeDocument = editor?.document;
  const documents = new Map<string, { uri: vscode.Uri; document: vscode.TextDocument | undefined }>();
  const nameOf = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);
  const active =
    activeDocument === undefined
      ? undefined
      : { name: nameOf(activeDocument.uri), text: activeDocument.getText(), symbols: isEditBlocks(code) ? [] : await symbolSpans(activeDocument) };
  if (activeDocument !== undefined && active !== undefined) documents.set(active.name, { uri: activeDocument.uri, document: activeDocument });
  const versions = new Map<vscode.TextDocument, number>();
  if (activeDocument !== undefined) versions.set(activeDocument, activeDocument.version);

  const readFile = async (written: string): Promise<ApplyFile | undefined> => {
    const uri = await resolvePath(written, activeDocument);
    if (uri === undefined || deps.isExcluded(uri)) return undefined;
    const document = (await exists(uri)) ? await vscode.workspace.openTextDocument(uri) : undefined;
    if (document !== undefined) versions.set(document, document.version);
    documents.set(nameOf(uri), { uri, document });
    return { name: nameOf(uri), text: document?.getText() };
  };
  const merge = async (file: { name: string; text: string }, snippet: string): Promise<string> => {
    if (activeDocument !== undefined && deps.isExcluded(activeDocument.uri)) throw new ApplyRefusal(vscode.l10n.t('{0} matches grokCodeFast.exclude, so it is not sent to the model for the merge', file.name));
    if (!(await deps.ensureConsent())) throw new ApplyRefusal(vscode.l10n.t('the merge needs data-use consent; nothing was sent'));
    return withCancellableProgress(vscode.l10n.t('Grok: merging the code into {0}…', file.name), (signal) => deps.merge(mergeMessages(file, snippet), signal));
  };

  let plan;
  try {
    plan = await planApply({ code, active, readFile, merge });
  } catch (error) {
    if (signalledAbort(error)) return;
    const reason = error instanceof ApplyRefusal ? error.message : vscode.l10n.t('the merge request failed ({0})', error instanceof Error ? error.message : String(error));
    plan = { ok: false as const, reason };
  }
  if (!plan.ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Grok: Apply refused: {0}. Nothing was changed.', plan.reason));
    return;
  }
  for (const [document, version] of versions) {
    if (document.version !== version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Grok: Apply refused: {0} changed while Grok was merging. Nothing was changed; apply again.', nameOf(document.uri)));
      return;
    }
  }
  await propose(deps.proposedEdits, plan.files, documents);
}

const signalledAbort = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'aborted';

async function propose(edits: ProposedEdits, files: readonly FileProposal[], documents: Map<string, { uri: vscode.Uri; document: vscode.TextDocument | undefined }>): Promise<void> {
  const group = files.length > 1 ? randomUUID() : undefined;
  const shown = [];
  for (const [index, file] of files.entries()) {
    const target = documents.get(file.name);
    if (target === undefined) continue;
    const title = files.length > 1 ? vscode.l10n.t('Apply {0} of {1}', index + 1, files.length) : `Apply (${file.how})`;
    const options = { changedReason: vscode.l10n.t('{0} changed after the diff was opened', file.name), ...(group !== undefined && { group }) };
    if (target.document === undefined) {
      const edit = edits.trackNewFile(title, target.uri, options);
      await edits.show(edit, file.after);
      shown.push(edit);
      continue;
    }
    const { document } = target;
    const change = changedLines(file.before ?? '', file.after);
    const edit = edits.track(title, document, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), options);
    await edits.show(edit, change.replacement);
    shown.push(edit);
  }
  if (shown[0] !== undefined) edits.announce(shown[0]);
}
