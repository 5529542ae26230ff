/**
 * `search_text`: a plain scan of the workspace's text files (no ripgrep), stopped by a result cap, a
 * file count, a byte budget and a time budget, whichever comes first. Excluded files and files whose
 * links lead outside the workspace are skipped like any other refused path.
 */
import * as z from 'zod';
import { capText, decodeText, defineTool, DEFAULT_TOOL_LIMITS } from './tool';
import { ToolError } from './toolError';

/** Only this much of a line is searched and shown: minified files have megabyte lines. */
const SEARCHED_LINE_CHARS = 2000;
const SHOWN_LINE_CHARS = 200;

/** ripgrep's smart case: a query with no capital letter ignores case. */
function buildMatcher(query: string, isRegex: boolean): (line: string) => boolean {
  const flags = query === query.toLowerCase() ? 'i' : '';
  if (!isRegex) {
    if (flags === '') return (line) => line.includes(query);
    return (line) => line.toLowerCase().includes(query);
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(query, flags);
  } catch (error) {
    throw new ToolError(`Invalid regular expression: ${(error as Error).message}`);
  }
  return (line) => pattern.test(line);
}

export const searchTextTool = defineTool({
  name: 'search_text',
  description:
    'Search the text files of the workspace for a string or a regular expression (JavaScript syntax); ' +
    'lower-case queries ignore case. Returns "path:line: text" lines. Narrow it with a glob such as "src/**/*.ts".',
  schema: z.object({
    query: z.string().min(1).max(500).describe('The text or regular expression to find.'),
    isRegex: z.boolean().optional().describe('Treat the query as a regular expression. Default false.'),
    glob: z.string().min(1).max(500).optional().describe('Only files matching this glob, relative to the workspace root. Default all files.'),
    maxResults: z.number().int().min(1).max(DEFAULT_TOOL_LIMITS.maxSearchResults).optional()
      .describe(`How many matching lines to return at most. Default ${DEFAULT_TOOL_LIMITS.defaultSearchResults}.`),
  }),
  summarize: ({ query, isRegex, glob }) => `${isRegex ? `/${query}/` : JSON.stringify(query)}${glob === undefined ? '' : ` in ${glob}`}`,
  run: async ({ query, isRegex = false, glob, maxResults }, { sandbox, access, limits, now, signal }) => {
    if (sandbox.roots.length === 0) throw new ToolError('No workspace folder is open (or the workspace is in Restricted Mode), so nothing can be searched.');
    const matches = buildMatcher(query, isRegex);
    const wanted = Math.min(maxResults ?? limits.defaultSearchResults, limits.maxSearchResults);
    const started = now();
    const files = await access.findFiles(glob ?? '**/*', limits.maxSearchFiles);
    const hits: string[] = [];
    const hitFiles = new Set<string>();
    let bytes = 0;
    let stoppedBy = files.length >= limits.maxSearchFiles ? `only the first ${limits.maxSearchFiles} files were searched` : '';

    scan: for (const absPath of files) {
      if (signal?.aborted) throw new ToolError('The search was cancelled.');
      if (now() - started > limits.searchTimeMs) {
        stoppedBy = `the ${limits.searchTimeMs} ms time budget ran out`;
        break;
      }
      if (sandbox.isExcluded(absPath)) continue;
      const file = await sandbox.resolve(absPath).catch(() => undefined);
      if (file === undefined) continue;
      const stat = await access.stat(file.realPath).catch(() => undefined);
      if (stat?.kind !== 'file' || stat.size > limits.maxSearchFileBytes) continue;
      bytes += stat.size;
      if (bytes > limits.maxSearchBytes) {
        stoppedBy = `the ${limits.maxSearchBytes}-byte read budget ran out`;
        break;
      }
      const text = decodeText(await access.readFile(file.realPath).catch(() => new Uint8Array([0])));
      if (text === undefined) continue;
      const lines = text.split(/\r?\n/);
      for (let index = 0; index < lines.length; index++) {
        const line = lines[index]!.slice(0, SEARCHED_LINE_CHARS);
        if (!matches(line)) continue;
        if (hits.length === wanted) {
          stoppedBy = `the limit of ${wanted} results was reached`;
          break scan;
        }
        hits.push(`${file.display}:${index + 1}: ${line.trim().slice(0, SHOWN_LINE_CHARS)}`);
        hitFiles.add(file.display);
      }
    }

    const header = hits.length === 0 ? `No matches for ${JSON.stringify(query)}.` : `${hits.length} matches in ${hitFiles.size} files:`;
    const footer = stoppedBy === '' ? [] : [`[search stopped early: ${stoppedBy}]`];
    return {
      text: capText([header, ...hits, ...footer].join('\n'), limits.maxResultChars),
      summary: `${hits.length} matches${stoppedBy === '' ? '' : ' (stopped early)'}`,
    };
  },
});
