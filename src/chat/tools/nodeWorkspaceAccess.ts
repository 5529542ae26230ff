/** WorkspaceAccess over node:fs: the tools' default outside VS Code and the one the unit tests use. */
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { type DiagnosticEntry, type DirectoryEntry, type EntryKind, type WorkspaceAccess } from './workspaceAccess';

/** Folders a file search never descends into (VS Code's search skips them too by default). */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

function kindOf(entry: Dirent | Stats): EntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  return 'other';
}

export interface NodeWorkspaceAccessOptions {
  roots: readonly string[];
  /** The problems `get_diagnostics` reports; none by default. */
  diagnostics?: () => DiagnosticEntry[];
}

export function createNodeWorkspaceAccess(options: NodeWorkspaceAccessOptions): WorkspaceAccess {
  const roots = options.roots.map((root) => path.resolve(root));
  return {
    roots,
    readFile: async (absPath) => fs.readFile(absPath),
    stat: async (absPath) => {
      const stats = await fs.stat(absPath);
      return { kind: kindOf(stats), size: stats.size };
    },
    readDirectory: async (absPath): Promise<DirectoryEntry[]> =>
      (await fs.readdir(absPath, { withFileTypes: true })).map((entry) => ({ name: entry.name, kind: kindOf(entry) })),
    realpath: (absPath) => fs.realpath(absPath),
    findFiles: async (include, maxResults) => {
      const matches = picomatch(include, { dot: true });
      const found: string[] = [];
      // Breadth-first over real folders only: symbolic links to folders are not followed.
      for (const root of roots) {
        const queue = [root];
        while (queue.length > 0 && found.length < maxResults) {
          const folder = queue.shift()!;
          const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
          for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
            const absPath = path.join(folder, entry.name);
            if (entry.isDirectory()) {
              if (!SKIPPED_FOLDERS.has(entry.name)) queue.push(absPath);
            } else if (matches(path.relative(root, absPath).split(path.sep).join('/')) && found.length < maxResults) {
              found.push(absPath);
            }
          }
        }
      }
      return found;
    },
    diagnostics: (absPath) => {
      const all = options.diagnostics?.() ?? [];
      return absPath === undefined ? all : all.filter((entry) => entry.path === absPath);
    },
  };
}
