/**
 * Placeholders: comments that stand for code the model left out (`// ... existing code ...`,
 * `# rest unchanged`, `/* ... *\/`), as Copilot's, Cursor's and aider's users report models write
 * them. Written into a file literally they delete the code they stand for, so Apply never does that.
 * No `vscode` import.
 */

/** A comment's start in a line: `//`, `#`, `/*`, `<!--`, `--` (SQL, Lua, Haskell) or `;;`. */
const COMMENT = /(?:^|\s|[{(;,])(\/\/+|#+|\/\*+|<!--|--|;;)\s*(.*)$/;
const ELLIPSIS = /^(\.{3,}|…)|(\.{3,}|…)$/;
const WORDS =
  /\b(unchanged|existing (code|logic|implementation|methods|functions|fields|imports)|rest of (the )?(code|file|function|class|method|module|implementation|body)|remains? the same|same as before|as before|(code|lines) omitted|omitted for brevity|other (methods|functions|fields) here|previous code)\b/i;

/** The comment's text without its markers, or undefined when the line has no comment. */
function commentText(line: string): string | undefined {
  const match = COMMENT.exec(line);
  if (match === null) return undefined;
  return match[2]!.replace(/(\*+\/|-->)\s*$/, '').trim();
}

/** True when the line holds a comment that stands for left-out code. */
export function isPlaceholderLine(line: string): boolean {
  const text = commentText(line);
  if (text === undefined) return false;
  if (text === '') return false;
  return ELLIPSIS.test(text) || WORDS.test(text);
}

/** The first placeholder line of `code`, trimmed, or undefined. */
export function findPlaceholder(code: string): string | undefined {
  return code.split(/\r?\n/).find(isPlaceholderLine)?.trim();
}
