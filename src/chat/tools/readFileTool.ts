/**
 * `read_file`: a regular text file of the workspace, whole or a line range. A result holds whole
 * lines only, as many as fit the line and character limits; its header states the range really
 * shown and its last line how to read on (`startLine`).
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { decodeFile } from './decodeText';
import { defineTool } from './tool';
import { ToolError } from './toolError';

const line = z.number().int().min(1).max(10_000_000);

/** Room kept for the header and the "read on" hint inside `maxResultChars`. */
const FRAME_CHARS = 600;

export const readFileTool = defineTool({
  name: 'read_file',
  // not UI text: the tool as the model reads it
  description:
    'Read a text file from the workspace. Paths are relative to the workspace root (in a multi-root workspace, start with the folder name). ' +
    'Optionally give a 1-based inclusive line range; long files are returned in pieces of whole lines, the result says which lines it holds ' +
    'and how to ask for the next piece.',
  // not UI text: the tool as the model reads it
  schema: z.object({
    path: z.string().min(1).max(4096).describe('File path relative to the workspace root, e.g. "src/app.ts".'),
    startLine: line.optional().describe('First line to return, 1-based. Default 1.'),
    endLine: line.optional().describe('Last line to return, 1-based, inclusive. Default: the end of the file.'),
  }),
  summarize: ({ path, startLine, endLine }) =>
    startLine === undefined && endLine === undefined ? path : `${path}:${startLine ?? 1}-${endLine ?? 'end'}`,
  run: async ({ path, startLine = 1, endLine }, { sandbox, access, limits }) => {
    if (endLine !== undefined && endLine < startLine) throw new ToolError(l10n.t('endLine ({0}) is before startLine ({1}).', endLine, startLine));
    const file = await sandbox.resolve(path);
    const stat = await access.stat(file.realPath);
    if (stat.kind === 'directory') throw new ToolError(l10n.t('"{0}" is a folder; use list_directory.', file.display));
    // Opening a pipe, socket or device can block forever or never end: only regular files are read.
    if (stat.kind !== 'file') throw new ToolError(l10n.t('"{0}" is not a regular file (a pipe, socket or device); only regular files can be read.', file.display));
    if (stat.size > limits.maxFileBytes) {
      throw new ToolError(l10n.t('"{0}" is too large to read ({1} bytes, the limit is {2}).', file.display, stat.size, limits.maxFileBytes));
    }
    const decoded = decodeFile(await access.readFile(file.realPath));
    if (decoded === undefined) throw new ToolError(l10n.t('"{0}" looks like a binary file; only text files can be read.', file.display));

    const lines = decoded.text.split(/\r\n|\r|\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    const total = lines.length;
    if (startLine > total) throw new ToolError(l10n.t('"{0}" has {1} lines; startLine {2} is past the end.', file.display, total, startLine));
    const wantedEnd = Math.min(endLine ?? total, total);
    const budget = Math.max(1, limits.maxResultChars - Math.min(FRAME_CHARS, Math.floor(limits.maxResultChars / 2)));

    const shown: string[] = [];
    let used = 0;
    let cutLine: string | undefined;
    for (let n = startLine; n <= wantedEnd && shown.length < limits.maxReadLines; n++) {
      const text = lines[n - 1]!;
      if (used + text.length + 1 > budget) {
        // A single line longer than the whole budget (minified code) is shown cut, and said so.
        if (shown.length === 0) {
          shown.push(text.slice(0, budget));
          // not UI text: read by the model
          cutLine = `[line ${n} is ${text.length} characters long; only its first ${budget} are shown]`;
        }
        break;
      }
      shown.push(text);
      used += text.length + 1;
    }
    const shownEnd = startLine + shown.length - 1;
    // not UI text: read by the model
    const encoding = decoded.encoding === 'utf-8' ? '' : `, decoded as ${decoded.encoding}`;
    // not UI text: read by the model
    const notes = [
      cutLine,
      shownEnd < wantedEnd
        ? `[lines ${shownEnd + 1}-${wantedEnd} not shown (${wantedEnd - shownEnd} lines); to read on, call read_file with startLine=${shownEnd + 1}` +
          `${endLine === undefined ? '' : ` and endLine=${wantedEnd}`}]`
        : undefined,
    ].filter((note): note is string => note !== undefined);
    return {
      // not UI text: read by the model
      text: [`${file.display} (lines ${startLine}-${shownEnd} of ${total}${encoding})`, ...shown, ...notes].join('\n'),
      summary: l10n.t('lines {0}-{1} of {2}', startLine, shownEnd, total),
    };
  },
});
