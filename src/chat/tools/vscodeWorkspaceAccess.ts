/**
 * WorkspaceAccess inside VS Code: files through vscode.workspace.fs, problems from
 * vscode.languages, file search through vscode.workspace.findFiles. Only `file:` folders of a
 * trusted workspace are roots; in Restricted Mode there are none, so the tools read nothing.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { SEVERITY_NAMES } from '../../platform/severityName';
import { type DiagnosticEntry, type EntryKind, type WorkspaceAccess } from './workspaceAccess';

/** Heavy folders a search never needs; the exclude globs are applied by the tools on top. */
const SEARCH_EXCLUDE = '**/{node_modules,.git}/**';
const MAX_DIAGNOSTIC_MESSAGE = 500;

function kindOf(type: vscode.FileType): EntryKind {
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  if (type & vscode.FileType.SymbolicLink) return 'symlink';
  return 'other';
}

function toEntries(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): DiagnosticEntry[] {
  if (uri.scheme !== 'file') return [];
  return diagnostics.map((diagnostic) => ({
    path: uri.fsPath,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    severity: SEVERITY_NAMES[diagnostic.severity],
    message: diagnostic.message.slice(0, MAX_DIAGNOSTIC_MESSAGE),
    ...(diagnostic.source === undefined ? {} : { source: diagnostic.source }),
    ...(diagnostic.relatedInformation?.length && {
      relatedPaths: diagnostic.relatedInformation.map(({ location }) => (location.uri.scheme === 'file' ? location.uri.fsPath : location.uri.toString())),
    }),
  }));
}

export function createVscodeWorkspaceAccess(): WorkspaceAccess {
  return {
    get roots() {
      if (!vscode.workspace.isTrusted) return [];
      return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
    },
    readFile: async (absPath) => vscode.workspace.fs.readFile(vscode.Uri.file(absPath)),
    stat: async (absPath) => {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.file(absPath));
      return { kind: kindOf(stat.type), size: stat.size };
    },
    readDirectory: async (absPath) =>
      (await vscode.workspace.fs.readDirectory(vscode.Uri.file(absPath))).map(([name, type]) => ({ name, kind: kindOf(type) })),
    // vscode.workspace.fs has no realpath; the roots are `file:` folders, so node:fs answers for them.
    realpath: (absPath) => fs.realpath(absPath),
    findFiles: async (include, maxResults) =>
      (await vscode.workspace.findFiles(include, SEARCH_EXCLUDE, maxResults)).filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath),
    diagnostics: (absPath) =>
      absPath === undefined
        ? vscode.languages.getDiagnostics().flatMap(([uri, diagnostics]) => toEntries(uri, diagnostics))
        : toEntries(vscode.Uri.file(absPath), vscode.languages.getDiagnostics(vscode.Uri.file(absPath))),
  };
}
