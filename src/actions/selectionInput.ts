/** What an action reads from the editor: the selection, the lines around it, the diagnostics inside it. */
import * as vscode from 'vscode';
import { selectedLines } from '../platform/selectedLines';
import { SEVERITY_NAMES } from '../platform/severityName';
import { type DiagnosticLine, formatDiagnostics } from './diagnosticsText';
import { type SelectedCode } from './prompts';

/** Lines of context each side of the selection: enough to see the enclosing code, cheap to send. */
const CONTEXT_LINES = 20;

export interface SelectionInput {
  document: vscode.TextDocument;
  /** The document version the selection was read at. */
  version: number;
  range: vscode.Range;
  text: string;
  languageId: string;
  fileName: string;
  startLine: number;
  endLine: number;
  before: string;
  after: string;
}

/** The active editor's selection, or undefined (with a message) when there is none. */
export function readSelection(editor: vscode.TextEditor | undefined): SelectionInput | undefined {
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Grok: select some code first.'));
    return undefined;
  }
  const { document, selection } = editor;
  const range = new vscode.Range(selection.start, selection.end);
  const firstContext = Math.max(0, range.start.line - CONTEXT_LINES);
  const lastContext = Math.min(document.lineCount - 1, range.end.line + CONTEXT_LINES);
  // The lines as the chat's chip names them (an end at column 0 leaves that line out), 1-based.
  const lines = selectedLines(range.start, range.end);
  return {
    document,
    version: document.version,
    range,
    text: document.getText(range),
    languageId: document.languageId,
    fileName: vscode.workspace.asRelativePath(document.uri, false),
    startLine: lines.startLine + 1,
    endLine: lines.endLine + 1,
    before: document.getText(new vscode.Range(firstContext, 0, range.start.line, range.start.character)),
    after: document.getText(new vscode.Range(range.end, document.lineAt(lastContext).range.end)),
  };
}

/**
 * The diagnostics that touch the selection, formatted for the Fix prompt; one whose related
 * information points at an excluded file is left out (its message may quote that file).
 */
export function diagnosticsIn(input: SelectionInput, isExcluded: (target: { uri: vscode.Uri }) => boolean): string {
  const lines = vscode.languages
    .getDiagnostics(input.document.uri)
    .filter((d) => d.range.intersection(input.range) !== undefined)
    .filter((d) => !(d.relatedInformation ?? []).some(({ location }) => isExcluded(location)))
    .map(
      (d): DiagnosticLine => ({
        severity: SEVERITY_NAMES[d.severity],
        message: d.message,
        line: d.range.start.line + 1,
        source: d.source,
        code: typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code),
      }),
    );
  return formatDiagnostics(lines);
}

export function selectedCode(input: SelectionInput): SelectedCode {
  const { languageId, fileName, startLine, endLine } = input;
  return { languageId, fileName, startLine, endLine, selection: input.text };
}
