/** ChatEditorHost in VS Code: the active editor, the clipboard, edits, diffs and notifications. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type ApplyDeps, applyInEditor } from './apply/applyInEditor';
import { confirmOpenAddress } from '../platform/confirmOpenAddress';
import { selectedLines } from '../platform/selectedLines';
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

export class VscodeChatEditorHost implements ChatEditorHost {
  constructor(private readonly apply: ApplyDeps) {}

  activeDocument(): EditorDocument | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor === undefined ? undefined : describeDocument(editor.document);
  }

  selection() {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || editor.selection.isEmpty) return undefined;
    const { start, end } = editor.selection;
    return { ...describeDocument(editor.document), range: selectedLines(start, end), text: editor.document.getText(editor.selection) };
  }

  documentText() {
    const editor = vscode.window.activeTextEditor;
    return editor === undefined ? undefined : { ...describeDocument(editor.document), text: editor.document.getText() };
  }

  async readTextFile(absPath: string) {
    const uri = vscode.Uri.file(absPath);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open === undefined) {
      const stat = await vscode.workspace.fs.stat(uri);
      // Only regular files: opening a pipe, socket or device could block for ever.
      if ((stat.type & vscode.FileType.File) === 0 || stat.size > MAX_ATTACHED_FILE_BYTES) return undefined;
    }
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
    if (editor === undefined) return this.warn(vscode.l10n.t('Open an editor and place the cursor where the code should go.'));
    await editor.edit((edit) => {
      for (const selection of editor.selections) edit.replace(selection, code);
    });
  }

  /** Apply to file without guessing: edit blocks, the symbol shortcut or the model merge (apply/applyInEditor.ts). */
  async applyCode(code: string): Promise<void> {
    await applyInEditor(this.apply, code);
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

  confirmOpen(url: string): Promise<boolean> {
    return confirmOpenAddress(url);
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
