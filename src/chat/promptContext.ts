/**
 * Builds the user message sent to the model: the attached context (selections, files) and the
 * active editor's path and language in a <context> block, then what the user typed. The result is
 * stored with the entry and resent unchanged on later turns.
 */
import { type LineRange } from './protocol';

export interface Attachment {
  kind: 'selection' | 'file';
  /** Workspace-relative where possible. */
  path?: string;
  language?: string;
  /** 0-based inclusive, for a selection. */
  range?: LineRange;
  content: string;
}

export interface ActiveEditorInfo {
  path: string;
  language: string;
}

/** A fence longer than any run of backticks in the content, so the content cannot close it. */
function fenced(content: string, language: string | undefined): string {
  const longestRun = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}${language ?? ''}\n${content}${content.endsWith('\n') ? '' : '\n'}${fence}`;
}

// not UI text: the context block the model reads
function describe(attachment: Attachment): string {
  const where = attachment.path ?? 'an untitled editor';
  const lines = attachment.range === undefined ? '' : `, lines ${attachment.range.startLine + 1}-${attachment.range.endLine + 1}`;
  const language = attachment.language === undefined ? '' : ` (${attachment.language})`;
  return attachment.kind === 'selection' ? `Selection from ${where}${lines}${language}:` : `File ${where}${language}:`;
}

export function composePrompt(text: string, attachments: readonly Attachment[], activeEditor?: ActiveEditorInfo): string {
  const blocks: string[] = [];
  // not UI text: read by the model
  if (activeEditor !== undefined) blocks.push(`Active editor: ${activeEditor.path} (${activeEditor.language})`);
  for (const attachment of attachments) blocks.push(`${describe(attachment)}\n${fenced(attachment.content, attachment.language)}`);
  if (blocks.length === 0) return text;
  return `<context>\n${blocks.join('\n\n')}\n</context>\n\n${text}`;
}
