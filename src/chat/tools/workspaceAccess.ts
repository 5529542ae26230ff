/**
 * What the chat tools may ask of the workspace. The tools never touch `fs` or `vscode` directly, so
 * the sandbox is tested in plain Node (nodeWorkspaceAccess.ts) and runs in VS Code through
 * vscodeWorkspaceAccess.ts.
 */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface DirectoryEntry {
  name: string;
  kind: EntryKind;
}

export interface FileStat {
  kind: EntryKind;
  size: number;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface DiagnosticEntry {
  /** Absolute file path. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: DiagnosticSeverity;
  message: string;
  source?: string;
  /** Absolute paths (or URIs, when not `file:`) of the files its related information points at. */
  relatedPaths?: string[];
}

export interface WorkspaceAccess {
  /** Absolute paths of the workspace folders; empty when none is open or the workspace is untrusted. */
  readonly roots: readonly string[];
  readFile(absPath: string): Promise<Uint8Array>;
  stat(absPath: string): Promise<FileStat>;
  readDirectory(absPath: string): Promise<DirectoryEntry[]>;
  /** The path with every symbolic link resolved; rejects when it does not exist. */
  realpath(absPath: string): Promise<string>;
  /** Absolute paths of files matching `include` (a glob relative to each root), at most `maxResults`. */
  findFiles(include: string, maxResults: number): Promise<string[]>;
  /** The editor's current problems, for one file or for all. */
  diagnostics(absPath?: string): DiagnosticEntry[];
}
