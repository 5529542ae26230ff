/**
 * Where a streaming markdown answer's finished blocks end. A block is finished once a blank line
 * outside any fenced code block is followed by a line that starts a new top-level block (no
 * indentation, so not a list item's continuation): nothing after that point can change how the text
 * before it renders. No DOM (the chat webview bundles it; unit-tested in plain Node).
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * The offset (≥ `from`) up to which `source` holds finished blocks. `from` must itself be such a
 * boundary (0 or an earlier result), so the scan starts outside a fence and costs only the new text.
 */
export function finishedBlocksEnd(source: string, from: number): number {
  let boundary = from;
  let fence: { char: string; length: number } | undefined;
  let afterBlank = false;
  let lineStart = from;
  for (;;) {
    const lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) {
      // The line still being written: its first character already says whether a new block starts.
      return fence === undefined && afterBlank && /^\S/.test(source.slice(lineStart)) ? lineStart : boundary;
    }
    const line = source.slice(lineStart, lineEnd).replace(/\r$/, '');
    const marker = FENCE.exec(line);
    if (fence !== undefined) {
      if (marker && marker[1]![0] === fence.char && marker[1]!.length >= fence.length && marker[2]!.trim() === '') fence = undefined;
    } else if (line.trim() === '') {
      afterBlank = true;
    } else {
      if (afterBlank && !/^\s/.test(line)) boundary = lineStart;
      afterBlank = false;
      if (marker && !(marker[1]![0] === '`' && marker[2]!.includes('`'))) fence = { char: marker[1]![0]!, length: marker[1]!.length };
    }
    lineStart = lineEnd + 1;
  }
}
