/**
 * The thin VS Code adapter over the CompletionEngine: builds the engine's input from the document,
 * maps the CancellationToken to an AbortSignal, and turns the outcome into an InlineCompletionItem
 * whose range covers the text after the cursor it replaces.
 */
import * as vscode from 'vscode';
import type { Logger } from '../provider/types';
import { AcceptanceTracker, type InteractionAction } from './ghostTextAcceptance';
import type { CompletionEngine, CompletionInput } from './engine';
import type { DocumentText, InlineSettings, RecentSnippet } from './types';

const INLINE_ACCEPTED_COMMAND = 'grokCodeFast.inlineAccepted';

export interface InlineProviderDeps {
  engine: Pick<CompletionEngine, 'provideCompletion'>;
  getSettings(): InlineSettings;
  isTrusted(): boolean;
  hasConsentSync(): boolean;
  snoozedUntil(): number | undefined;
  trackInteraction(action: InteractionAction, chars: number): void;
  /** No consent yet: show the status-bar hint (never a modal from this path). */
  onNeedsConsent(): void;
  logger: Logger;
}

/** Other open documents offered as context, most recently used first. */
const MAX_RECENT_DOCUMENTS = 5;

class GrokInlineCompletionProvider implements vscode.InlineCompletionItemProvider {
  private readonly recentUris: string[] = [];

  constructor(
    private readonly deps: InlineProviderDeps,
    private readonly acceptance: AcceptanceTracker,
  ) {}

  /** Called when a document is edited or focused, to rank context candidates. */
  noteUsed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    // Typing edits the most recent document over and over.
    if (this.recentUris[0] === key) return;
    const at = this.recentUris.indexOf(key);
    if (at >= 0) this.recentUris.splice(at, 1);
    this.recentUris.unshift(key);
    this.recentUris.length = Math.min(this.recentUris.length, 50);
  }

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionItem[] | undefined> {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      if (token.isCancellationRequested) return undefined;
      const outcome = await this.deps.engine.provideCompletion(this.inputFor(document, position, context), controller.signal);
      if (outcome.kind === 'none') {
        if (outcome.reason === 'needs-consent') this.deps.onNeedsConsent();
        return undefined;
      }
      if (token.isCancellationRequested) return undefined;
      const range = new vscode.Range(position, position.translate(0, outcome.replaceLength));
      this.acceptance.shown(document.uri.toString(), document.offsetAt(position), outcome.text);
      return [new vscode.InlineCompletionItem(outcome.text, range, { title: vscode.l10n.t('Accept'), command: INLINE_ACCEPTED_COMMAND })];
    } catch (error) {
      this.deps.logger.warn('Inline completion failed', error);
      return undefined;
    } finally {
      subscription.dispose();
    }
  }

  private inputFor(document: vscode.TextDocument, position: vscode.Position, context: vscode.InlineCompletionContext): CompletionInput {
    const editor = vscode.window.activeTextEditor;
    const inEditor = editor !== undefined && editor.document === document;
    return {
      text: documentText(document),
      offset: document.offsetAt(position),
      uri: document.uri.toString(),
      languageId: document.languageId,
      relativePath: vscode.workspace.asRelativePath(document.uri, false),
      absolutePath: document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path,
      settings: this.deps.getSettings(),
      cursorCount: inEditor ? editor.selections.length : 1,
      selectionEmpty: inEditor ? editor.selection.isEmpty : true,
      trusted: this.deps.isTrusted(),
      consentGranted: this.deps.hasConsentSync(),
      snoozedUntil: this.deps.snoozedUntil(),
      explicit: context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke,
      recentSnippets: () => this.recentSnippets(document),
    };
  }

  /**
   * Read only after the debounce: the other cells of the notebook the document is a cell of (they
   * share its path, so they are told apart by URI), then other documents of the same language,
   * most recently used first.
   */
  private recentSnippets(current: vscode.TextDocument): RecentSnippet[] {
    const snippets = siblingCells(current).map(snippetOf);
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    let others = 0;
    for (const key of this.recentUris) {
      const document = open.get(key);
      if (document === undefined || document === current || document.languageId !== current.languageId) continue;
      if (snippets.some((snippet) => snippet.uri === key)) continue;
      snippets.push(snippetOf(document));
      if (++others >= MAX_RECENT_DOCUMENTS) break;
    }
    return snippets;
  }
}

function siblingCells(current: vscode.TextDocument): vscode.TextDocument[] {
  if (current.uri.scheme !== 'vscode-notebook-cell') return [];
  const notebook = vscode.workspace.notebookDocuments.find((candidate) => candidate.getCells().some((cell) => cell.document === current));
  if (notebook === undefined) return [];
  return notebook
    .getCells()
    .map((cell) => cell.document)
    .filter((document) => document !== current && document.languageId === current.languageId);
}

function snippetOf(document: vscode.TextDocument): RecentSnippet {
  return {
    uri: document.uri.toString(),
    relativePath: vscode.workspace.asRelativePath(document.uri, false),
    absolutePath: document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path,
    languageId: document.languageId,
    text: documentText(document),
  };
}

/**
 * The document read by range when the engine asks, instead of `getText()` copying all of it per
 * keystroke. Reads whole lines and cuts them: an offset inside a CRLF maps to the position before
 * the `\r`, which would shift a range read from it.
 */
function documentText(document: vscode.TextDocument): DocumentText {
  return {
    get length() {
      return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    },
    slice(start, end) {
      const from = new vscode.Position(document.positionAt(start).line, 0);
      const base = document.offsetAt(from);
      // A line past the last one is clamped to the document's end.
      const lines = document.getText(new vscode.Range(from, new vscode.Position(document.positionAt(end).line + 1, 0)));
      return lines.slice(start - base, end - base);
    },
  };
}

/** Registers the provider for every document, the accept command and the partial-acceptance listener. */
export function registerInlineCompletions(context: vscode.ExtensionContext, deps: InlineProviderDeps): vscode.Disposable {
  const acceptance = new AcceptanceTracker((action, chars) => deps.trackInteraction(action, chars));
  const provider = new GrokInlineCompletionProvider(deps, acceptance);
  const disposables = [
    vscode.languages.registerInlineCompletionItemProvider({ pattern: '**' }, provider),
    // The command an accepted item runs, so acceptance is recorded through stable APIs only.
    vscode.commands.registerCommand(INLINE_ACCEPTED_COMMAND, () => acceptance.accepted()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      provider.noteUsed(event.document);
      if (event.contentChanges.length !== 1) return;
      const [change] = event.contentChanges;
      acceptance.changed({
        documentKey: event.document.uri.toString(),
        offset: change.rangeOffset,
        removedLength: change.rangeLength,
        text: change.text,
      });
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor !== undefined) provider.noteUsed(editor.document);
    }),
  ];
  const all = vscode.Disposable.from(...disposables);
  context.subscriptions.push(all);
  return all;
}
