/**
 * The one convention for the lines a selection covers, shared by the chat's chips and the selection
 * actions' prompts: 0-based and inclusive, and a selection ending at column 0 of a later line does not
 * include that line (what selecting whole lines with the mouse or Shift+Down gives). So the /explain
 * chip and the question it asks name the same lines.
 */

/** A position as VS Code gives it (0-based line and character). */
export interface LinePosition {
  line: number;
  character: number;
}

/** The 0-based, inclusive lines from `start` to `end`. */
export function selectedLines(start: LinePosition, end: LinePosition): { startLine: number; endLine: number } {
  const endLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return { startLine: start.line, endLine };
}
