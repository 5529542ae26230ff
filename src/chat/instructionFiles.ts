/**
 * The workspace's instruction files, as Copilot and other agents read them: `AGENTS.md`,
 * `.github/copilot-instructions.md` and `.grok/instructions.md` at a workspace folder's root. Their
 * text goes to the model as a second system message (after the fixed system prompt, so the cached
 * prefix stays the same while the files do); a file under `grokCodeFast.exclude` is never read.
 */
import { type ChatEditorHost } from './chatEditorHost';

export const INSTRUCTION_FILES = ['AGENTS.md', '.github/copilot-instructions.md', '.grok/instructions.md'] as const;

/** Characters kept of one file: instructions are short; a huge file must not crowd out the conversation. */
export const MAX_INSTRUCTION_CHARS = 20_000;
const MAX_FILES = 20;

export interface InstructionFile {
  /** Workspace-relative, as the chip shows it. */
  path: string;
  text: string;
}

interface InstructionTools {
  isExcluded(absPath: string): boolean;
  displayPath(absPath: string): string;
}

function rank(absPath: string): number {
  const normalized = absPath.replace(/\\/g, '/');
  const index = INSTRUCTION_FILES.findIndex((name) => normalized.endsWith(`/${name}`));
  return index === -1 ? INSTRUCTION_FILES.length : index;
}

/** The instruction files found at the workspace roots, in INSTRUCTION_FILES order, excluded ones left out. */
export async function findInstructionFiles(editor: Pick<ChatEditorHost, 'findFiles' | 'readTextFile'>, tools: InstructionTools): Promise<InstructionFile[]> {
  const found = await editor.findFiles(`{${INSTRUCTION_FILES.join(',')}}`, MAX_FILES);
  const allowed = found.filter((absPath) => !tools.isExcluded(absPath)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const files: InstructionFile[] = [];
  for (const absPath of allowed) {
    const document = await editor.readTextFile(absPath).catch(() => undefined);
    const text = document?.text.trim() ?? '';
    if (text !== '') files.push({ path: tools.displayPath(absPath), text: text.slice(0, MAX_INSTRUCTION_CHARS) });
  }
  return files;
}

/** The system message carrying the files; undefined when there are none. */
export function instructionsMessage(files: readonly InstructionFile[]): string | undefined {
  if (files.length === 0) return undefined;
  // not UI text: read by the model
  const blocks = files.map((file) => `<instructions file="${file.path}">\n${file.text}\n</instructions>`);
  // not UI text: read by the model
  return ['The user keeps instructions for this workspace in these files. Follow them unless they conflict with the rules above.', ...blocks].join('\n\n');
}
