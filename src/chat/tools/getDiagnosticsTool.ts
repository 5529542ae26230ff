/**
 * `get_diagnostics`: the editor's problems (errors first), for one file or the whole workspace.
 * Excluded content never arrives this way: a problem on an excluded file, or whose related
 * information points at one, is left out, and quoted literals in messages are masked
 * (diagnosticLiterals.ts).
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { maskQuotedLiterals } from '../../platform/diagnosticLiterals';
import { capText, defineTool } from './tool';
import { type DiagnosticEntry, type DiagnosticSeverity } from './workspaceAccess';

const SEVERITY_RANK: Record<DiagnosticSeverity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function bySeverityThenPlace(a: DiagnosticEntry, b: DiagnosticEntry): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column;
}

export const getDiagnosticsTool = defineTool({
  name: 'get_diagnostics',
  // not UI text: the tool as the model reads it
  description:
    'List the problems (errors, warnings) the editor reports, for one file or, without a path, for the whole workspace. ' +
    'Each line is "path:line:column severity: message [source]".',
  // not UI text: the tool as the model reads it
  schema: z.object({
    path: z.string().min(1).max(4096).optional().describe('File path relative to the workspace root. Omit for all files.'),
  }),
  summarize: ({ path }) => path ?? l10n.t('workspace'),
  run: async ({ path }, { sandbox, access, limits }) => {
    const file = path === undefined ? undefined : await sandbox.resolve(path);
    const entries = access
      .diagnostics(file?.absPath)
      .filter((entry) => sandbox.rootOf(entry.path) !== undefined && ![entry.path, ...(entry.relatedPaths ?? [])].some((path) => sandbox.isExcluded(path)))
      .sort(bySeverityThenPlace);
    const shown = entries.slice(0, limits.maxDiagnostics);
    const lines = shown.map((entry) => {
      const source = entry.source === undefined ? '' : ` [${entry.source}]`;
      return `${sandbox.display(entry.path)}:${entry.line}:${entry.column} ${entry.severity}: ${maskQuotedLiterals(entry.message)}${source}`;
    });
    // not UI text: read by the model
    if (entries.length > shown.length) lines.push(`[... ${entries.length - shown.length} more problems not shown]`);
    // not UI text: read by the model
    const scope = file?.display ?? 'the workspace';
    // not UI text: read by the model
    const header = entries.length === 0 ? `No problems reported for ${scope}.` : `${entries.length} problems in ${scope}:`;
    const errors = entries.filter((entry) => entry.severity === 'error').length;
    return {
      text: capText([header, ...lines].join('\n'), limits.maxResultChars),
      summary: l10n.t('{0} problems ({1} errors)', entries.length, errors),
    };
  },
});
