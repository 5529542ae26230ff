/**
 * The replacement code out of the model's answer.
 * - Fenced blocks (also the last one while it still streams, unclosed): the first block that differs
 *   from the selection, so an answer that quotes the old code before the new one proposes the new;
 *   a fence indented inside a list item is de-indented by the fence's own indentation.
 * - No fence: the answer without leading chatter lines ("Here is the code:") and without trailing
 *   prose paragraphs ("This uses const instead.").
 */
const FENCE_OPEN = /^([ \t]*)(```+|~~~+)[^\n]*$/;

interface FencedBlock {
  body: string;
  closed: boolean;
}

function fencedBlocks(answer: string): FencedBlock[] {
  const lines = answer.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]);
    if (!open) continue;
    const [, indent, marker] = open;
    const close = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) body.push(lines[j++]);
    blocks.push({ body: body.map((line) => dedent(line, indent.length)).join('\n'), closed: j < lines.length });
    i = j;
  }
  return blocks;
}

/** Removes up to `width` leading blanks: the list item's indentation, never the code's own. */
function dedent(line: string, width: number): string {
  let cut = 0;
  while (cut < width && (line[cut] === ' ' || line[cut] === '\t')) cut++;
  return line.slice(cut);
}

const sameCode = (a: string, b: string) => a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

/** `selection` is the code the answer replaces: a block that only repeats it is not the proposal. */
export function extractCode(answer: string, selection?: string): string {
  const blocks = fencedBlocks(answer);
  if (blocks.length > 0) {
    const differing = selection === undefined ? undefined : blocks.find((block) => !sameCode(block.body, selection));
    return (differing ?? blocks[0]).body;
  }
  return stripTrailingProse(stripChatter(answer));
}

/** Answers without a fence sometimes open with "Here is the refactored code:". */
function stripChatter(answer: string): string {
  const lines = answer.replace(/^\s*\n/, '').split('\n');
  while (lines.length > 1 && /^(here('s| is| are)|sure|certainly|below)\b.*:\s*$/i.test(lines[0].trim())) lines.shift();
  return lines.join('\n').replace(/\s+$/, '');
}

/**
 * A line of prose: starts with a letter, has at least three words, ends like a sentence, and holds
 * none of the characters lines of code end or open blocks with.
 */
const PROSE_LINE = /^[A-Za-z][^;{}=<>]*\s\S+\s[^;{}=<>]*[.!?:]$/;

/** Drops paragraphs of prose after the code (only after a blank line, so a code line is never cut). */
function stripTrailingProse(code: string): string {
  for (;;) {
    const breaks = [...code.matchAll(/\n[ \t]*\n/g)];
    const last = breaks.at(-1);
    if (last === undefined) return code;
    const tail = code.slice(last.index + last[0].length);
    if (!tail.split('\n').every((line) => PROSE_LINE.test(line.trim()))) return code;
    code = code.slice(0, last.index).replace(/\s+$/, '');
  }
}

/**
 * Ends the code as the selection ends: with its trailing line break (which models tend to drop), or
 * without one when the selection has none (a fence's trailing blank line is not a change).
 */
export function fitReplacement(original: string, code: string): string {
  const newline = /\r?\n$/.exec(original)?.[0];
  const body = code.replace(/(\r?\n)+$/, '');
  return newline ? body + newline : body;
}
