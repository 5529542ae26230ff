/**
 * The promise about `grokCodeFast.exclude` in VS Code's own chat. There VS Code, not this extension,
 * runs the tools (its own `read_file` reads `.env` happily) and builds the attachments, so the
 * provider screens what it is handed before anything is sent:
 * - a tool result whose call's arguments name an excluded path (any string argument, at any depth,
 *   resolved against the workspace folders; a `file:` URI too) is replaced by a short refusal;
 * - an attachment or reference in a message's text that names an excluded file (an XML-like element
 *   with a `filePath`/`path`/`file`/`uri`/`href` attribute, or a code block whose first line is a
 *   `filepath:` comment) keeps its name but loses its content.
 * What names no file (a tool that does not say which file it read, pasted text) cannot be recognised;
 * the consent notice says so. No `vscode` here.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExcludeMatcher, isExcludedUnder } from '../platform/excludeMatcher';
import { type RequestMessage } from './requestMessages';
import { classifyPart } from './requestParts';

export const REFUSED_TOOL_RESULT =
  // not UI text: read by the model
  'Refused by Grok Code Fast: this tool call named a file matching grokCodeFast.exclude, so its result is not sent to the model.';
// not UI text: read by the model
export const REFUSED_ATTACHMENT = '[left out by Grok Code Fast: this file matches grokCodeFast.exclude]';

/** Longer strings, or ones with a line break, are contents, not paths. */
const MAX_PATH_LENGTH = 1024;
/** How deep a tool call's arguments are searched for paths. */
const MAX_ARGUMENT_DEPTH = 8;

/** `vscode.LanguageModelChatMessageRole.Assistant`. */
const ASSISTANT = 2;

export interface WorkspacePaths {
  /** Absolute paths of the `file:` workspace folders. */
  roots: readonly string[];
  excluded: ExcludeMatcher;
}

/** True when `text`, read as a path (absolute, `file:` URI, or relative to a workspace folder), names an excluded file. */
export function namesExcludedPath(text: string, workspace: WorkspacePaths): boolean {
  let written = text.trim();
  if (written === '' || written.length > MAX_PATH_LENGTH || /[\r\n\0]/.test(written)) return false;
  if (/^file:/i.test(written)) {
    try {
      written = fileURLToPath(written);
    } catch {
      return false;
    }
  }
  const candidates = path.isAbsolute(written) ? [path.resolve(written)] : workspace.roots.map((root) => path.resolve(root, written));
  return candidates.some((absPath) => isExcludedUnder(workspace.excluded, workspace.roots, absPath));
}

function argumentsNameExcluded(value: unknown, workspace: WorkspacePaths, depth = 0): boolean {
  if (typeof value === 'string') return namesExcludedPath(value, workspace);
  if (depth >= MAX_ARGUMENT_DEPTH || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((item) => argumentsNameExcluded(item, workspace, depth + 1));
}

/** The opening tag of an element whose attributes may name a file: `<attachment id="x" filePath="/w/.env">`. */
const FILE_ELEMENT_OPENING = /<([A-Za-z][\w-]*)\b([^<>]*\b(?:filePath|path|file|uri|href)\s*=[^<>]*)>/gi;
const FILE_ATTRIBUTE = /\b(?:filePath|path|file|uri|href)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/** The head of a fenced code block whose first line names its file: ```` ```env ```` then `# filepath: /w/.env`. */
const FILEPATH_BLOCK_HEAD = /```[^\n`]*\n[ \t]*(?:\/\/|#|--|;|<!--|\/\*)[ \t]*filepath:[ \t]*([^\n]*?)[ \t]*(?:-->|\*\/)?[ \t]*\n/gi;

interface Block {
  /** Where the content starts and ends (the end is where the closing text begins). */
  contentStart: number;
  contentEnd: number;
  named: string[];
}

/**
 * Blocks from each `opening` match to the first `closing(match)` after it. The search for a closing
 * text is remembered per closing text, so unclosed openings cost one scan in all, not one each.
 */
function blocksIn(text: string, opening: RegExp, closing: (match: RegExpMatchArray) => string, named: (match: RegExpMatchArray) => string[]): Block[] {
  const blocks: Block[] = [];
  const found = new Map<string, number>();
  let from = 0;
  for (const match of text.matchAll(opening)) {
    const contentStart = match.index + match[0].length;
    if (match.index < from) continue;
    const close = closing(match);
    let at = found.get(close);
    if (at === undefined || (at !== -1 && at < contentStart)) {
      at = text.indexOf(close, contentStart);
      found.set(close, at);
    }
    if (at === -1) continue;
    blocks.push({ contentStart, contentEnd: at, named: named(match) });
    from = at + close.length;
  }
  return blocks;
}

function withContentReplaced(text: string, blocks: readonly Block[], workspace: WorkspacePaths): string {
  let out = '';
  let from = 0;
  for (const block of blocks) {
    if (!block.named.some((name) => namesExcludedPath(name, workspace))) continue;
    out += text.slice(from, block.contentStart) + REFUSED_ATTACHMENT;
    from = block.contentEnd;
  }
  return out + text.slice(from);
}

/** `text` with the content of every attachment that names an excluded file replaced by REFUSED_ATTACHMENT. */
export function screenAttachments(text: string, workspace: WorkspacePaths): string {
  const elements = blocksIn(
    text,
    FILE_ELEMENT_OPENING,
    (match) => `</${match[1]}>`,
    (match) => [...(match[2] ?? '').matchAll(FILE_ATTRIBUTE)].map((attribute) => attribute[1] ?? attribute[2] ?? ''),
  );
  const screened = withContentReplaced(text, elements, workspace);
  return withContentReplaced(screened, blocksIn(screened, FILEPATH_BLOCK_HEAD, () => '```', (match) => [match[1] ?? '']), workspace);
}

function screenText(part: unknown, workspace: WorkspacePaths): unknown {
  const classified = classifyPart(part);
  if (classified.kind !== 'text') return part;
  const screened = screenAttachments(classified.text, workspace);
  return screened === classified.text ? part : { value: screened };
}

/**
 * `messages` with excluded content taken out (see the file comment). Parts it changes become plain
 * objects of the same shape (`{ value }`, `{ callId, content }`), which requestParts recognises.
 */
export function screenExcludedContent(messages: readonly RequestMessage[], workspace: WorkspacePaths): RequestMessage[] {
  const refusedCalls = new Set<string>();
  for (const message of messages) {
    if (message.role !== ASSISTANT) continue;
    for (const raw of message.content) {
      const part = classifyPart(raw);
      if (part.kind === 'toolCall' && argumentsNameExcluded(part.input, workspace)) refusedCalls.add(part.callId);
    }
  }
  return messages.map((message) => ({
    role: message.role,
    content: message.content.map((raw) => {
      const part = classifyPart(raw);
      if (part.kind === 'toolResult') {
        return refusedCalls.has(part.callId)
          ? { callId: part.callId, content: [{ value: REFUSED_TOOL_RESULT }] }
          : { callId: part.callId, content: part.content.map((inner) => screenText(inner, workspace)) };
      }
      return screenText(raw, workspace);
    }),
  }));
}
