/**
 * `search_text`: a plain scan of the workspace's text files, stopped by a result cap, a file count, a
 * byte budget and a time budget, whichever comes first. Excluded files and files whose links lead
 * outside the workspace are skipped like any other refused path.
 *
 * The model writes the regular expressions, so they run on RE2 (re2js), whose matching time is linear
 * in the line: no pattern can backtrack for seconds (`(a+)+$`, `^(\w+\s?)+$`). What RE2 cannot run in
 * linear time (backreferences, lookaround) is refused with a clear result. The scan also yields to the
 * event loop every SLICE_CHARS characters, so a big file never holds the extension host.
 */
import * as l10n from '@vscode/l10n';
import type * as Re2js from 're2js';
import * as z from 'zod';
import { capText, decodeText, defineTool, DEFAULT_TOOL_LIMITS } from './tool';
import { ToolError } from './toolError';

/** Only this much of a line is searched and shown: minified files have megabyte lines. */
const SEARCHED_LINE_CHARS = 2000;
const SHOWN_LINE_CHARS = 200;
/** Characters scanned between two yields to the event loop (tens of milliseconds of RE2 at most). */
const SLICE_CHARS = 64 * 1024;

/** `\k<name>` not preceded by another backslash (an even run of them is literal backslashes). */
const NAMED_BACKREFERENCE = /(?:^|[^\\])(?:\\\\)*\\k</;

let re2js: typeof Re2js | undefined;

/** re2js is loaded at the first regular-expression search; the release build ships it as dist/re2js.js. */
function linearEngine(): typeof Re2js.RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  re2js ??= require('re2js') as typeof Re2js;
  return re2js.RE2JS;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A JavaScript pattern as RE2 runs it, or a ToolError saying why it cannot run. */
function compileLinear(query: string, ignoreCase: boolean): Re2js.RE2JS {
  try {
    // Compiling (not running) a JavaScript RegExp only tells a malformed pattern from an unsupported one.
    new RegExp(query);
  } catch (error) {
    throw new ToolError(l10n.t('Invalid regular expression: {0}', (error as Error).message));
  }
  const unsupported = (reason: string) =>
    new ToolError(
      l10n.t(
        'Pattern too slow or unsupported: {0}. search_text runs regular expressions in linear time (RE2 syntax), so backreferences and lookahead/lookbehind are not available; search for a simpler pattern.',
        reason,
      ),
    );
  // RE2 would read a named backreference as the letters "k<name>": refuse it rather than search for something else.
  if (NAMED_BACKREFERENCE.test(query)) throw unsupported(l10n.t('a named backreference (\\k<name>)'));
  try {
    const RE2JS = linearEngine();
    return RE2JS.compile(RE2JS.translateRegExp(query), ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    throw unsupported((error as Error).message);
  }
}

/** ripgrep's smart case: a query with no capital letter ignores case. */
function buildMatcher(query: string, isRegex: boolean): (line: string) => boolean {
  const ignoreCase = query === query.toLowerCase();
  if (!isRegex) {
    if (!ignoreCase) return (line) => line.includes(query);
    return (line) => line.toLowerCase().includes(query);
  }
  const pattern = compileLinear(query, ignoreCase);
  return (line) => pattern.test(line);
}

export const searchTextTool = defineTool({
  name: 'search_text',
  // not UI text: the tool as the model reads it
  description:
    'Search the text files of the workspace for a string or a regular expression (JavaScript syntax without ' +
    'backreferences or lookaround: it runs in linear time); ' +
    'lower-case queries ignore case. Returns "path:line: text" lines. Narrow it with a glob such as "src/**/*.ts".',
  // not UI text: the tool as the model reads it
  schema: z.object({
    query: z.string().min(1).max(500).describe('The text or regular expression to find.'),
    isRegex: z.boolean().optional().describe('Treat the query as a regular expression. Default false.'),
    glob: z.string().min(1).max(500).optional().describe('Only files matching this glob, relative to the workspace root. Default all files.'),
    maxResults: z.number().int().min(1).max(DEFAULT_TOOL_LIMITS.maxSearchResults).optional()
      .describe(`How many matching lines to return at most. Default ${DEFAULT_TOOL_LIMITS.defaultSearchResults}.`),
  }),
  summarize: ({ query, isRegex, glob }) => glob === undefined ? (isRegex ? `/${query}/` : JSON.stringify(query)) : l10n.t('{0} in {1}', isRegex ? `/${query}/` : JSON.stringify(query), glob),
  run: async ({ query, isRegex = false, glob, maxResults }, { sandbox, access, limits, now, signal }) => {
    if (sandbox.roots.length === 0) throw new ToolError(l10n.t('No workspace folder is open (or the workspace is in Restricted Mode), so nothing can be searched.'));
    const matches = buildMatcher(query, isRegex);
    const wanted = Math.min(maxResults ?? limits.defaultSearchResults, limits.maxSearchResults);
    const started = now();
    const files = await access.findFiles(glob ?? '**/*', limits.maxSearchFiles);
    const hits: string[] = [];
    const hitFiles = new Set<string>();
    let bytes = 0;
    // not UI text: read by the model
    let stoppedBy = files.length >= limits.maxSearchFiles ? `only the first ${limits.maxSearchFiles} files were searched` : '';

    scan: for (const absPath of files) {
      if (signal?.aborted) throw new ToolError(l10n.t('The search was cancelled.'));
      if (now() - started > limits.searchTimeMs) {
        // not UI text: read by the model
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
        // not UI text: read by the model
        stoppedBy = `the ${limits.maxSearchBytes}-byte read budget ran out`;
        break;
      }
      const text = decodeText(await access.readFile(file.realPath).catch(() => new Uint8Array([0])));
      if (text === undefined) continue;
      const lines = text.split(/\r?\n/);
      let sliceChars = 0;
      for (let index = 0; index < lines.length; index++) {
        const line = lines[index]!.slice(0, SEARCHED_LINE_CHARS);
        sliceChars += line.length;
        if (sliceChars > SLICE_CHARS) {
          sliceChars = 0;
          await yieldToEventLoop();
          if (signal?.aborted) throw new ToolError(l10n.t('The search was cancelled.'));
          if (now() - started > limits.searchTimeMs) {
            // not UI text: read by the model
            stoppedBy = `the ${limits.searchTimeMs} ms time budget ran out`;
            break scan;
          }
        }
        if (!matches(line)) continue;
        if (hits.length === wanted) {
          // not UI text: read by the model
          stoppedBy = `the limit of ${wanted} results was reached`;
          break scan;
        }
        hits.push(`${file.display}:${index + 1}: ${line.trim().slice(0, SHOWN_LINE_CHARS)}`);
        hitFiles.add(file.display);
      }
    }

    // not UI text: read by the model
    const header = hits.length === 0 ? `No matches for ${JSON.stringify(query)}.` : `${hits.length} matches in ${hitFiles.size} files:`;
    // not UI text: read by the model
    const footer = stoppedBy === '' ? [] : [`[search stopped early: ${stoppedBy}]`];
    return {
      text: capText([header, ...hits, ...footer].join('\n'), limits.maxResultChars),
      summary: stoppedBy === '' ? l10n.t('{0} matches', hits.length) : l10n.t('{0} matches (stopped early)', hits.length),
    };
  },
});
