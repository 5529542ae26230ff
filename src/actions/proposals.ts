/**
 * Pending proposals: the original document and range, the version it was made against, and the
 * replacement streamed so far. Shown as a diff; Accept applies one WorkspaceEdit (one undo step) only
 * if the document is unchanged, Reject discards.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type ProposalDocuments } from '../platform/proposalDocuments';

export interface Proposal {
  id: string;
  title: string;
  document: vscode.TextDocument;
  version: number;
  range: vscode.Range;
  /** The range as offsets into the snapshot taken when the proposal was opened. */
  offsets: { start: number; end: number };
  originalUri: vscode.Uri;
  proposedUri: vscode.Uri;
  replacement: string;
}

export type ProposalOutcome = 'applied' | 'rejected' | 'stale' | 'none';

const ACTIVE_CONTEXT_KEY = 'grokCodeFast.proposalPending';

export class Proposals implements vscode.Disposable {
  private readonly pending = new Map<string, Proposal>();
  private nextId = 1;
  private readonly tabWatch: vscode.Disposable;

  constructor(private readonly documents: ProposalDocuments) {
    // Closing the diff by hand is a reject.
    this.tabWatch = vscode.window.tabGroups.onDidChangeTabs((event) => {
      for (const tab of event.closed) {
        const proposal = this.byTab(tab);
        if (proposal) this.discard(proposal);
      }
    });
  }

  /** Opens the diff at once; the proposed side fills in as `update` is called. */
  async open(title: string, document: vscode.TextDocument, range: vscode.Range): Promise<Proposal> {
    const id = String(this.nextId++);
    const name = path.posix.basename(document.uri.path) || 'selection';
    const proposal: Proposal = {
      id,
      title,
      document,
      version: document.version,
      range,
      offsets: { start: document.offsetAt(range.start), end: document.offsetAt(range.end) },
      originalUri: this.documents.uriFor('action', id, 'original', name),
      proposedUri: this.documents.uriFor('action', id, 'proposed', name),
      replacement: document.getText(range),
    };
    this.pending.set(id, proposal);
    this.documents.set(proposal.originalUri, document.getText());
    this.documents.set(proposal.proposedUri, document.getText());
    await vscode.commands.executeCommand('vscode.diff', proposal.originalUri, proposal.proposedUri, `${name}: ${title} (Grok proposal)`, {
      preview: false,
    });
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, true);
    return proposal;
  }

  update(proposal: Proposal, replacement: string): void {
    if (!this.pending.has(proposal.id)) return;
    proposal.replacement = replacement;
    // Always against the snapshot taken at open, even if the document has moved on meanwhile.
    const original = this.documents.provideTextDocumentContent(proposal.originalUri);
    const { start, end } = proposal.offsets;
    this.documents.set(proposal.proposedUri, original.slice(0, start) + replacement + original.slice(end));
  }

  /**
   * The proposal shown in the active editor, else the newest one; none while the active editor shows
   * another surface's proposal (the chat's), whose title buttons are the same as ours.
   */
  current(): Proposal | undefined {
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    const input = active?.input;
    if (input instanceof vscode.TabInputTextDiff && this.documents.ownerOf(input.modified) === 'chat') return undefined;
    return (active && this.byTab(active)) ?? [...this.pending.values()].at(-1);
  }

  isPending(proposal: Proposal): boolean {
    return this.pending.has(proposal.id);
  }

  async accept(proposal = this.current()): Promise<ProposalOutcome> {
    if (!proposal || !this.pending.has(proposal.id)) return 'none';
    if (proposal.document.isClosed || proposal.document.version !== proposal.version) {
      await this.close(proposal);
      void vscode.window.showWarningMessage(
        `Grok: ${proposal.document.isClosed ? 'the file was closed' : `${path.posix.basename(proposal.document.uri.path)} changed`} after the ` +
          `${proposal.title} proposal was made, so nothing was applied. Run the action again on the current code.`,
      );
      return 'stale';
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(proposal.document.uri, proposal.range, proposal.replacement);
    const applied = await vscode.workspace.applyEdit(edit);
    await this.close(proposal);
    if (!applied) {
      void vscode.window.showErrorMessage(`Grok: VS Code refused the ${proposal.title} edit; nothing was changed.`);
      return 'stale';
    }
    await vscode.window.showTextDocument(proposal.document, { preview: false });
    return 'applied';
  }

  async reject(proposal = this.current()): Promise<ProposalOutcome> {
    if (!proposal || !this.pending.has(proposal.id)) return 'none';
    await this.close(proposal);
    return 'rejected';
  }

  dispose(): void {
    this.tabWatch.dispose();
    for (const proposal of this.pending.values()) this.discard(proposal);
  }

  private byTab(tab: vscode.Tab): Proposal | undefined {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputTextDiff)) return undefined;
    return [...this.pending.values()].find((p) => p.proposedUri.toString() === input.modified.toString());
  }

  private async close(proposal: Proposal): Promise<void> {
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => this.byTab(tab)?.id === proposal.id);
    this.discard(proposal);
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  }

  private discard(proposal: Proposal): void {
    if (!this.pending.delete(proposal.id)) return;
    this.documents.delete(proposal.originalUri);
    this.documents.delete(proposal.proposedUri);
    if (this.pending.size === 0) void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, false);
  }
}
