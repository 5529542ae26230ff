/**
 * Line endings of proposed code: models answer with LF whatever the file uses, so code is brought to
 * the document's line ending before it is compared or applied, and a file never ends up with mixed
 * endings. No `vscode` import (unit-tested in plain Node).
 */

export type LineEnding = '\n' | '\r\n';

/** `text` with every line break (LF, CRLF or a lone CR) written as `eol`. */
export function withLineEnding(text: string, eol: LineEnding): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}
