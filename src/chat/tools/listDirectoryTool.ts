/** `list_directory`: the entries of a workspace folder, folders first, excluded entries hidden. */
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
  description:
    'List the files and folders in a workspace folder (folders end with "/"). Use "." for the workspace root. ' +
    'Files matching the user\'s exclude setting are not shown.',
  schema: z.object({
    path: z.string().min(1).max(4096).describe('Folder path relative to the workspace root; "." is the root.'),
  }),
  summarize: ({ path }) => path,
  run: async ({ path }, { sandbox, access, limits }) => {
    // In a multi-root workspace "." has no single folder: list the roots themselves.
    if (sandbox.roots.length > 1 && ['.', './', ''].includes(path.trim())) {
      const names = rootNames(sandbox.roots).map((name) => `${name}/`);
      return { text: `Workspace folders:\n${names.join('\n')}`, summary: `${names.length} folders` };
    }
    const folder = await sandbox.resolve(path);
    const stat = await access.stat(folder.realPath);
    if (stat.kind !== 'directory') throw new ToolError(`"${folder.display}" is a file; use read_file.`);

    const entries = (await access.readDirectory(folder.realPath)).sort(byKindThenName);
    const visible = entries.filter((entry) => !sandbox.isExcluded(nodePath.join(folder.absPath, entry.name)));
    const shown = visible.slice(0, limits.maxDirectoryEntries);
    const lines = shown.map((entry) => (entry.kind === 'directory' ? `${entry.name}/` : entry.name));
    const notes = [
      visible.length > shown.length ? `[... ${visible.length - shown.length} more entries not shown]` : '',
      entries.length > visible.length ? `[${entries.length - visible.length} entries hidden by the exclude setting]` : '',
    ].filter((note) => note !== '');
    const header = `${folder.display}/ (${visible.length} entries)`;
    return {
      text: capText([header, ...lines, ...notes].join('\n'), limits.maxResultChars),
      summary: `${visible.length} entries`,
    };
  },
});
