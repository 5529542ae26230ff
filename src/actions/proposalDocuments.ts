/**
 * Read-only virtual documents (`grok-proposal:` URIs) that hold a proposal and the original it is
 * compared with, so `vscode.diff` can show them while the answer still streams in.
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
  uriFor(id: string, side: 'original' | 'proposed', sourceName: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${id}/${side}/${sourceName}` });
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}
