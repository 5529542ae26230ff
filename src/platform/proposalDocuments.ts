/**
 * Read-only virtual documents (`grok-proposal:` URIs) that hold proposed code, so `vscode.diff` can
 * show it beside the live document (while an answer still streams in, for the actions). VS Code
 * routes a scheme to one provider, so the proposed-edit flow (proposedEdits.ts) owns the one instance.
 */
import * as vscode from 'vscode';

export const PROPOSAL_SCHEME = 'grok-proposal';

export class ProposalDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A URI whose last segment is the source file's name, so the diff gets its language. */
  uriFor(id: string, sourceName: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${id}/${sourceName}` });
  }

  set(uri: vscode.Uri, text: string): void {
    if (this.texts.get(uri.toString()) === text) return;
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  /** Serves the scheme; dispose the result to stop. */
  register(): vscode.Disposable {
    return vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, this);
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}
