/**
 * Read-only `grok-chat-proposal:` documents: the proposed text of a file, shown by `vscode.diff`
 * beside the real file when the user presses Apply on a code block.
 */
import * as vscode from 'vscode';

export const CHAT_PROPOSAL_SCHEME = 'grok-chat-proposal';

export class ChatProposalDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private nextId = 1;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Holds `text` under a fresh URI ending in the file's name (so the diff gets its language). */
  create(fileName: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: CHAT_PROPOSAL_SCHEME, path: `/${this.nextId++}/${fileName}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }
}
