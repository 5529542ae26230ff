/** @-mention suggestions: workspace files whose path contains the query (any case), excluded files left out. */
import * as path from 'node:path';
import { type ChatEditorHost } from './chatEditorHost';
import { type FileSuggestion, PROTOCOL_LIMITS } from './protocol';
import { type WorkspaceTools } from './tools/workspaceTools';

export const MAX_MENTION_SUGGESTIONS = 30;

/** A glob matching paths that contain `query`: letters in both cases, glob syntax taken literally. */
export function mentionGlob(query: string): string {
  const literal = [...query.trim().replace(/\\/g, '/')]
    .map((char) => {
      const lower = char.toLowerCase();
      const upper = char.toUpperCase();
      if (lower !== upper) return `[${lower}${upper}]`;
      return /[*?[\]{}()!@+,]/.test(char) ? `[${char}]` : char;
    })
    .join('');
  return literal === '' ? '**/*' : `**/*${literal}*`;
}

export async function findMentionSuggestions(
  query: string,
  editor: Pick<ChatEditorHost, 'findFiles'>,
  tools: Pick<WorkspaceTools, 'isExcluded' | 'displayPath'>,
): Promise<FileSuggestion[]> {
  // Ask for more than shown: some are dropped by the exclude globs.
  const found = await editor.findFiles(mentionGlob(query), MAX_MENTION_SUGGESTIONS * 2);
  return found
    .filter((absPath) => !tools.isExcluded(absPath))
    .slice(0, MAX_MENTION_SUGGESTIONS)
    .map((absPath) => ({ path: tools.displayPath(absPath).slice(0, PROTOCOL_LIMITS.path), label: path.basename(absPath).slice(0, PROTOCOL_LIMITS.label) }));
}
