/**
 * The one proposed-edit flow every surface uses (the selection actions, the chat's Apply): it
 * follows the target range through the user's edits from the moment the request starts, shows the
 * live document beside the document with the range replaced, and applies the replacement as one
 * WorkspaceEdit (one undo step) on Accept, or drops it on Reject.
 *
 * Edits made while Grok answers or while the diff is open: an edit above or below the target moves
 * or keeps the range and the proposal follows it; an edit to the target's own text makes Accept
 * refuse ("the selection changed while Grok was answering"), so no other line is ever replaced.
 *
 * A proposal may also create a file (the chat's Apply of an edit block for a new path): its diff
 * shows it against an empty document, and the file is created only on Accept. Proposals made
 * together form a group: Accept All accepts each of them, one WorkspaceEdit (one undo step) per file.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { withLineEnding } from './lineEndings';
import { ProposalDocuments } from './proposalDocuments';
import { trackRange, type OffsetRange } from './trackedRange';

export type ProposalOutcome = 'applied' | 'rejected' | 'stale' | 'none';

export interface ProposedEdit {
  readonly id: string;
  /** The action's name, e.g. `Refactor` or `Apply`. */
  readonly title: string;
  /** Undefined for a file the proposal creates. */
  readonly document: vscode.TextDocument | undefined;
  readonly uri: vscode.Uri;
  /** The `grok-proposal:` document the diff shows on its right. */
  readonly proposedUri: vscode.Uri;
}

export interface TrackOptions {
  /** Why Accept refuses once the target's own text was edited, e.g. "the selection changed while Grok was answering". */
  changedReason: string;
  /** Proposals made together (the files of one Apply) share a group: Accept All accepts them all. */
  group?: string;
}

interface Pending {
  edit: ProposedEdit;
  options: TrackOptions;
  /** The target's text when tracking began: Accept replaces exactly this text or nothing. */
  originalText: string;
  range: OffsetRange | 'changed';
  /** The document version the range was last brought up to. */
  version: number;
  /** In the document's line endings. */
  replacement: string | undefined;
  shown: boolean;
  settle: () => void;
  settled: Promise<void>;
}

const ACTIVE_CONTEXT_KEY = 'grokCodeFast.proposalPending';
/** True while a shown proposal has others in its group: the diff's title bar then offers Accept All. */
const GROUP_CONTEXT_KEY = 'grokCodeFast.proposalGroupPending';
export const ACCEPT_COMMAND = 'grokCodeFast.acceptProposal';
export const ACCEPT_ALL_COMMAND = 'grokCodeFast.acceptAllProposals';
export const REJECT_COMMAND = 'grokCodeFast.rejectProposal';

const baseName = (uri: vscode.Uri) => path.posix.basename(uri.path) || 'untitled';

export class ProposedEdits implements vscode.Disposable {
  private readonly pending = new Map<string, Pending>();
  private readonly documents = new ProposalDocuments();
  private nextId = 1;
  private readonly watches: vscode.Disposable[];

  constructor() {
    this.watches = [
      vscode.workspace.onDidChangeTextDocument((event) => this.follow(event)),
      // Closing the diff by hand is a reject.
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) {
          const pending = this.byTab(tab);
          if (pending) this.discard(pending);
        }
      }),
    ];
  }

  /** Serves the `grok-proposal:` scheme and the Accept/Reject commands the diff's title bar shows. */
  register(): vscode.Disposable {
    return vscode.Disposable.from(
      this.documents.register(),
      vscode.commands.registerCommand(ACCEPT_COMMAND, () => this.accept()),
      vscode.commands.registerCommand(ACCEPT_ALL_COMMAND, () => this.acceptAll()),
      vscode.commands.registerCommand(REJECT_COMMAND, () => this.reject()),
    );
  }

  /** Starts following `range` through the document's edits; nothing is shown until `show`. */
  track(title: string, document: vscode.TextDocument, range: vscode.Range, options: TrackOptions): ProposedEdit {
    return this.add(title, document, document.uri, options, {
      originalText: document.getText(range),
      range: { start: document.offsetAt(range.start), end: document.offsetAt(range.end) },
      version: document.version,
    });
  }

  /** A proposal to create the file `uri` (which does not exist yet); nothing is written before Accept. */
  trackNewFile(title: string, uri: vscode.Uri, options: TrackOptions): ProposedEdit {
    return this.add(title, undefined, uri, options, { originalText: '', range: { start: 0, end: 0 }, version: 0 });
  }

  private add(title: string, document: vscode.TextDocument | undefined, uri: vscode.Uri, options: TrackOptions, target: Pick<Pending, 'originalText' | 'range' | 'version'>): ProposedEdit {
    const id = String(this.nextId++);
    const edit: ProposedEdit = { id, title, document, uri, proposedUri: this.documents.uriFor(id, baseName(uri)) };
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    this.pending.set(id, { edit, options, ...target, replacement: undefined, shown: false, settle, settled });
    return edit;
  }

  /** The target's text when tracking began. */
  originalText(edit: ProposedEdit): string | undefined {
    return this.pending.get(edit.id)?.originalText;
  }

  /**
   * Shows the document with the target replaced by `replacement` (written with the document's line
   * endings) as a diff against the live document; the first call opens the diff.
   */
  async show(edit: ProposedEdit, replacement: string): Promise<void> {
    const pending = this.pending.get(edit.id);
    if (!pending) return;
    pending.replacement = withLineEnding(replacement, edit.document?.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
    this.refresh(pending);
    if (pending.shown) return;
    pending.shown = true;
    const name = baseName(edit.uri);
    // A new file is shown against an empty document of its name (so the diff gets its language).
    const left = edit.document?.uri ?? this.documents.uriFor(`${edit.id}-empty`, name);
    if (edit.document === undefined) this.documents.set(left, '');
    const label =
      edit.document === undefined
        ? vscode.l10n.t('{0} (new file): {1} (Grok proposal)', name, edit.title)
        : vscode.l10n.t('{0}: {1} (Grok proposal)', name, edit.title);
    await vscode.commands.executeCommand('vscode.diff', left, edit.proposedUri, label, { preview: false });
    this.updateContext();
  }

  /**
   * Tells the user the proposal waits for them, until it is accepted or rejected (then the
   * notification goes away; a progress notification is the one kind VS Code lets an extension close).
   * Its Cancel rejects.
   */
  /** The notification that proposes the diff; `cost` (e.g. "This answer cost $0.0012.") leads its message. */
  announce(edit: ProposedEdit, cost?: string): void {
    const pending = this.pending.get(edit.id);
    if (!pending) return;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Grok: {0} proposal ready', edit.title), cancellable: true },
      (progress, token) => {
        const review = vscode.l10n.t('Review the diff, then Accept or Reject it with the buttons in its title bar.');
        progress.report({ message: cost === undefined ? review : `${cost} ${review}` });
        const cancel = token.onCancellationRequested(() => void this.reject(edit));
        return pending.settled.finally(() => cancel.dispose());
      },
    );
  }

  isPending(edit: ProposedEdit): boolean {
    return this.pending.has(edit.id);
  }

  /** The proposal shown in the active editor, else the newest one. */
  current(): ProposedEdit | undefined {
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    return (active && this.byTab(active)?.edit) ?? [...this.pending.values()].filter((p) => p.shown).at(-1)?.edit;
  }

  async accept(edit = this.current()): Promise<ProposalOutcome> {
    const pending = edit && this.pending.get(edit.id);
    if (!pending) return 'none';
    const { document, title, uri } = pending.edit;
    const refusal = await this.refusal(pending);
    if (refusal !== undefined) {
      await this.close(pending);
      void vscode.window.showWarningMessage(vscode.l10n.t('Grok: {0}: {1}, so nothing was applied. Run it again on the current code.', title, refusal));
      return 'stale';
    }
    const change = new vscode.WorkspaceEdit();
    const replacement = pending.replacement ?? '';
    const { start, end } = pending.range as OffsetRange;
    if (document === undefined) {
      change.createFile(uri, { contents: new TextEncoder().encode(replacement) });
    } else {
      change.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), replacement);
    }
    const applied = await vscode.workspace.applyEdit(change);
    await this.close(pending);
    if (!applied) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Grok: VS Code refused the {0} edit; nothing was changed.', title));
      return 'stale';
    }
    const target = document ?? (await vscode.workspace.openTextDocument(uri));
    // The replaced text as it now stands is selected (nothing in a new file): the editor would
    // otherwise restore the old line range, and the next action would run on the wrong code.
    const selection =
      document === undefined
        ? new vscode.Range(0, 0, 0, 0)
        : new vscode.Range(target.positionAt(start), target.positionAt(start + replacement.length));
    await vscode.window.showTextDocument(target, { preview: false, selection });
    return 'applied';
  }

  /** Accepts every shown proposal of `edit`'s group, one file (one undo step) after the other; each outcome in order. */
  async acceptAll(edit = this.current()): Promise<ProposalOutcome[]> {
    const pending = edit && this.pending.get(edit.id);
    if (!pending) return [];
    const group = pending.options.group;
    const members = group === undefined ? [pending] : [...this.pending.values()].filter((p) => p.options.group === group && p.shown);
    const outcomes: ProposalOutcome[] = [];
    for (const member of members) outcomes.push(await this.accept(member.edit));
    return outcomes;
  }

  async reject(edit = this.current()): Promise<ProposalOutcome> {
    const pending = edit && this.pending.get(edit.id);
    if (!pending) return 'none';
    await this.close(pending);
    return 'rejected';
  }

  dispose(): void {
    for (const watch of this.watches) watch.dispose();
    for (const pending of [...this.pending.values()]) this.discard(pending);
    this.documents.dispose();
  }

  /** Why Accept must not apply, or undefined. */
  private async refusal(pending: Pending): Promise<string | undefined> {
    const { document, uri } = pending.edit;
    const name = baseName(uri);
    if (pending.replacement === undefined) return vscode.l10n.t('there is no proposed code yet');
    if (document === undefined) {
      const exists = await vscode.workspace.fs.stat(uri).then(
        () => true,
        () => false,
      );
      return exists ? vscode.l10n.t('{0} was created after the diff was opened', name) : undefined;
    }
    if (document.isClosed) return vscode.l10n.t('{0} was closed', name);
    // A version the tracking did not see (or a target that no longer holds its text) is never guessed at.
    if (pending.range === 'changed' || document.version !== pending.version) return pending.options.changedReason;
    const { start, end } = pending.range;
    if (document.getText().slice(start, end) !== pending.originalText) return pending.options.changedReason;
    return undefined;
  }

  private follow(event: vscode.TextDocumentChangeEvent): void {
    for (const pending of this.pending.values()) {
      if (pending.edit.document !== event.document) continue;
      pending.version = event.document.version;
      if (pending.range === 'changed') continue;
      pending.range = trackRange(pending.range, event.contentChanges);
      this.refresh(pending);
    }
  }

  /** The proposed side: the live document with the target replaced, so the diff shows what Accept does. */
  private refresh(pending: Pending): void {
    if (pending.replacement === undefined || pending.range === 'changed') return;
    const text = pending.edit.document?.getText() ?? '';
    this.documents.set(pending.edit.proposedUri, text.slice(0, pending.range.start) + pending.replacement + text.slice(pending.range.end));
  }

  private byTab(tab: vscode.Tab): Pending | undefined {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputTextDiff)) return undefined;
    return [...this.pending.values()].find((p) => p.edit.proposedUri.toString() === input.modified.toString());
  }

  private async close(pending: Pending): Promise<void> {
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => this.byTab(tab) === pending);
    this.discard(pending);
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  }

  private updateContext(): void {
    const shown = [...this.pending.values()].filter((p) => p.shown);
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, shown.length > 0);
    const grouped = shown.some((p) => p.options.group !== undefined && shown.some((other) => other !== p && other.options.group === p.options.group));
    void vscode.commands.executeCommand('setContext', GROUP_CONTEXT_KEY, grouped);
  }

  private discard(pending: Pending): void {
    if (!this.pending.delete(pending.edit.id)) return;
    this.documents.delete(pending.edit.proposedUri);
    if (pending.edit.document === undefined) this.documents.delete(this.documents.uriFor(`${pending.edit.id}-empty`, baseName(pending.edit.uri)));
    pending.settle();
    this.updateContext();
  }
}
