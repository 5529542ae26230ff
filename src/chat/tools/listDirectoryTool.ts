/** `list_directory`: the entries of a workspace folder, folders first, excluded entries hidden. */
import * as l10n from '@vscode/l10n';
import * as nodePath from 'node:path';
import * as z from 'zod';
import { capText, defineTool } from './tool';
import { rootNames } from './rootNames';
import { ToolError } from './toolError';
import { type DirectoryEntry } from './workspaceAccess';

function byKindThenName(a: DirectoryEntry, b: DirectoryEntry): number {
  const rank = (entry: DirectoryEntry) => (entry.kind === 'directory' ? 0 : 1);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

export const listDirectoryTool = defineTool({
  name: 'list_directory',
  // not UI text: the tool as the model reads it
  description:
    'List the files and folders in a workspace folder (folders end with "/"). Use "." for the workspace root. ' +
    'Files matching the user\'s exclude setting are not shown.',
  // not UI text: the tool as the model reads it
  schema: z.object({
    path: z.string().min(1).max(4096).describe('Folder path relative to the workspace root; "." is the root.'),
  }),
  summarize: ({ path }) => path,
  run: async ({ path }, { sandbox, access, limits }) => {
    // In a multi-root workspace "." has no single folder: list the roots themselves.
    if (sandbox.roots.length > 1 && ['.', './', ''].includes(path.trim())) {
      const names = rootNames(sandbox.roots).map((name) => `${name}/`);
      // not UI text: the text is read by the model
      return { text: `Workspace folders:\n${names.join('\n')}`, summary: l10n.t('{0} folders', names.length) };
    }
    const folder = await sandbox.resolve(path);
    const stat = await access.stat(folder.realPath);
    if (stat.kind !== 'directory') throw new ToolError(l10n.t('"{0}" is a file; use read_file.', folder.display));

    const entries = (await access.readDirectory(folder.realPath)).sort(byKindThenName);
    const visible = entries.filter((entry) => !sandbox.isExcluded(nodePath.join(folder.absPath, entry.name)));
    const shown = visible.slice(0, limits.maxDirectoryEntries);
    const lines = shown.map((entry) => (entry.kind === 'directory' ? `${entry.name}/` : entry.name));
    // not UI text: read by the model
    const notes = [
      visible.length > shown.length ? `[... ${visible.length - shown.length} more entries not shown]` : '',
      entries.length > visible.length ? `[${entries.length - visible.length} entries hidden by the exclude setting]` : '',
    ].filter((note) => note !== '');
    // not UI text: read by the model
    const header = `${folder.display}/ (${visible.length} entries)`;
    return {
      text: capText([header, ...lines, ...notes].join('\n'), limits.maxResultChars),
      summary: l10n.t('{0} entries', visible.length),
    };
  },
});
