/** `read_file`: a text file of the workspace, whole or a line range, capped in lines and characters. */
import * as z from 'zod';
import { capText, decodeText, defineTool } from './tool';
import { ToolError } from './toolError';

const line = z.number().int().min(1).max(10_000_000);

export const readFileTool = defineTool({
  name: 'read_file',
  description:
    'Read a text file from the workspace. Paths are relative to the workspace root (in a multi-root workspace, start with the folder name). ' +
    'Optionally give a 1-based inclusive line range; long files are returned in pieces, the result says how to ask for the next one.',
  schema: z.object({
    path: z.string().min(1).max(4096).describe('File path relative to the workspace root, e.g. "src/app.ts".'),
    startLine: line.optional().describe('First line to return, 1-based. Default 1.'),
    endLine: line.optional().describe('Last line to return, 1-based, inclusive. Default: the end of the file.'),
  }),
  summarize: ({ path, startLine, endLine }) =>
    startLine === undefined && endLine === undefined ? path : `${path}:${startLine ?? 1}-${endLine ?? 'end'}`,
  run: async ({ path, startLine = 1, endLine }, { sandbox, access, limits }) => {
    if (endLine !== undefined && endLine < startLine) throw new ToolError(`endLine (${endLine}) is before startLine (${startLine}).`);
    const file = await sandbox.resolve(path);
    const stat = await access.stat(file.realPath);
    if (stat.kind === 'directory') throw new ToolError(`"${file.display}" is a folder; use list_directory.`);
    if (stat.size > limits.maxFileBytes) {
      throw new ToolError(`"${file.display}" is too large to read (${stat.size} bytes, the limit is ${limits.maxFileBytes}).`);
    }
    const text = decodeText(await access.readFile(file.realPath));
    if (text === undefined) throw new ToolError(`"${file.display}" looks like a binary file; only text files can be read.`);

    const lines = text.split(/\r?\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    const total = lines.length;
    if (startLine > total) throw new ToolError(`"${file.display}" has ${total} lines; startLine ${startLine} is past the end.`);
    const wantedEnd = Math.min(endLine ?? total, total);
    const shownEnd = Math.min(wantedEnd, startLine + limits.maxReadLines - 1);
    const body = lines.slice(startLine - 1, shownEnd).join('\n');
    const more = shownEnd < wantedEnd ? `\n[... ${wantedEnd - shownEnd} more lines; call read_file with startLine=${shownEnd + 1}]` : '';
    return {
      text: capText(`${file.display} (lines ${startLine}-${shownEnd} of ${total})\n${body}`, limits.maxResultChars) + more,
      summary: `lines ${startLine}-${shownEnd} of ${total}`,
    };
  },
});
