/** ChatEditorHost in VS Code: the active editor, the clipboard, edits, diffs and notifications. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type ProposalDocuments } from '../platform/proposalDocuments';
import { type ChatEditorHost, type EditorDocument } from './chatEditorHost';

/** Larger files are not attached: they would not fit a useful prompt anyway. */
const MAX_ATTACHED_FILE_BYTES = 2 * 1024 * 1024;
const SEARCH_EXCLUDE = '**/{node_modules,.git}/**';

/** Fence tags that are not VS Code language ids. */
const LANGUAGE_ALIASES: Record<string, string> = {
  ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', jsx: 'javascriptreact', py: 'python', rb: 'ruby', rs: 'rust',
  sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript', shell: 'shellscript', yml: 'yaml', md: 'markdown', 'c++': 'cpp',
  cs: 'csharp', kt: 'kotlin', golang: 'go', ps1: 'powershell', text: 'plaintext', txt: 'plaintext',
};

function describeDocument(document: vscode.TextDocument): EditorDocument {
  const name = path.posix.basename(document.uri.path) || document.fileName;
  return { ...(document.isUntitled ? {} : { absPath: document.uri.fsPath }), name, language: document.languageId };
}

/** The diff tabs showing `uri` as their modified side. */
function diffTabsOf(uri: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === uri.toString());
}

export class VscodeChatEditorHost implements ChatEditorHost {
  private nextProposalId = 1;

  constructor(private readonly proposals: ProposalDocuments) {}

  activeDocument(): EditorDocument | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor === undefined ? undefined : describeDocument(editor.document);
  }

  selection() {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || editor.selection.isEmpty) return undefined;
    const { start, end } = editor.selection;
    // A selection ending at column 0 of a line does not include that line.
    const endLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
    return { ...describeDocument(editor.document), range: { startLine: start.line, endLine }, text: editor.document.getText(editor.selection) };
  }

  documentText() {
    const editor = vscode.window.activeTextEditor;
    return editor === undefined ? undefined : { ...describeDocument(editor.document), text: editor.document.getText() };
  }

  async readTextFile(absPath: string) {
    const uri = vscode.Uri.file(absPath);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open === undefined && (await vscode.workspace.fs.stat(uri)).size > MAX_ATTACHED_FILE_BYTES) return undefined;
    // openTextDocument refuses binary files, which is what we want.
    const document = open ?? (await vscode.workspace.openTextDocument(uri));
    return { ...describeDocument(document), text: document.getText() };
  }

  async findFiles(glob: string, maxResults: number): Promise<string[]> {
    const uris = await vscode.workspace.findFiles(glob, SEARCH_EXCLUDE, maxResults);
    return uris.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath);
  }

  async copy(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
  }

  async insertCode(code: string): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined) return this.warn('Open an editor and place the cursor where the code should go.');
    await editor.edit((edit) => {
      for (const selection of editor.selections) edit.replace(selection, code);
    });
  }

  /**
   * Shows the active file with the code in place of the selection (or of the whole file when nothing
   * is selected) as a diff, and applies it as one edit if the user confirms and the file is unchanged.
   */
  async applyCode(code: string): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined) return this.warn('Open the file the code should go into first.');
    const document = editor.document;
    const version = document.version;
    const text = document.getText();
    const range = editor.selection.isEmpty ? new vscode.Range(document.positionAt(0), document.positionAt(text.length)) : editor.selection;
    const proposed = text.slice(0, document.offsetAt(range.start)) + code + text.slice(document.offsetAt(range.end));
    const name = describeDocument(document).name;
    const proposalUri = this.proposals.uriFor('chat', String(this.nextProposalId++), 'proposed', name);
    this.proposals.set(proposalUri, proposed);
    try {
      await vscode.commands.executeCommand('vscode.diff', document.uri, proposalUri, `${name} ↔ Grok's code`, { preview: true });
      const scope = editor.selection.isEmpty ? `all of ${name}` : `the selection in ${name}`;
      const choice = await vscode.window.showInformationMessage(`Replace ${scope} with the code from the chat?`, { modal: true }, 'Apply');
      if (choice !== 'Apply') return;
      if (document.isClosed || document.version !== version) return this.warn(`${name} changed while the diff was open; nothing was applied.`);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, range, code);
      if (!(await vscode.workspace.applyEdit(edit))) return this.warn(`VS Code refused the edit to ${name}; nothing was changed.`);
      await vscode.window.showTextDocument(document, { preview: false });
    } finally {
      // The diff goes with the answer: left open, it would keep the scheme's Accept/Reject buttons.
      await vscode.window.tabGroups.close(diffTabsOf(proposalUri));
      this.proposals.delete(proposalUri);
    }
  }

  async newFile(code: string, language?: string): Promise<void> {
    const known = await vscode.languages.getLanguages();
    const wanted = language === undefined ? 'plaintext' : (LANGUAGE_ALIASES[language.toLowerCase()] ?? language.toLowerCase());
    const document = await vscode.workspace.openTextDocument({ content: code, language: known.includes(wanted) ? wanted : 'plaintext' });
    await vscode.window.showTextDocument(document, { preview: false });
  }

  async openExternal(url: string): Promise<void> {
    await vscode.env.openExternal(vscode.Uri.parse(url));
  }

  async runSelectionAction(action: 'explain' | 'fix' | 'writeTests' | 'generateDocs'): Promise<void> {
    await vscode.commands.executeCommand(`grokCodeFast.${action}`);
  }

  async setApiKey(): Promise<void> {
    await vscode.commands.executeCommand('grokCodeFast.setApiKey');
  }

  warn(message: string): void {
    void vscode.window.showWarningMessage(`Grok: ${message}`);
  }
}
