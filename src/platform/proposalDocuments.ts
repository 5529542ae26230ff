/**
 * Read-only virtual documents (`grok-proposal:` URIs) that hold proposed code, and for the actions
 * the original it is compared with, so `vscode.diff` can show them (while an answer still streams
 * in, for the actions). VS Code routes a scheme to one provider, so the surfaces share one instance
 * (Platform.proposalDocuments). Each surface names its proposals in its own space (the first path
 * segment): the Accept/Reject buttons the manifest shows for this scheme belong to the actions, and
 * `ownerOf` lets them ignore a chat proposal.
 */
import * as vscode from 'vscode';

export const PROPOSAL_SCHEME = 'grok-proposal';

export type ProposalOwner = 'action' | 'chat';
const isOwner = (value: string): value is ProposalOwner => value === 'action' || value === 'chat';

export class ProposalDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** A URI whose last segment is the source file's name, so the diff gets its language. */
  uriFor(owner: ProposalOwner, id: string, side: 'original' | 'proposed', sourceName: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${owner}/${id}/${side}/${sourceName}` });
  }

  /** Which surface a proposal document belongs to; undefined for any other URI. */
  ownerOf(uri: vscode.Uri): ProposalOwner | undefined {
    if (uri.scheme !== PROPOSAL_SCHEME) return undefined;
    const owner = uri.path.split('/')[1] ?? '';
    return isOwner(owner) ? owner : undefined;
  }

  set(uri: vscode.Uri, text: string): void {
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
