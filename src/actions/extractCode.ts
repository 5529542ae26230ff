/**
 * The replacement code out of the model's answer: the content of the first fenced block when there is
 * one (also while it is still streaming and unclosed), else the answer without leading chatter lines.
 */
const FENCE = /^[ \t]*(```+|~~~+)[^\n]*\n/m;

export function extractCode(answer: string): string {
  const open = FENCE.exec(answer);
  if (open) {
    const marker = open[1];
    const body = answer.slice(open.index + open[0].length);
    const close = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'm').exec(body);
    return close ? body.slice(0, close.index).replace(/\n$/, '') : body;
  }
  return stripChatter(answer);
}

/** Answers without a fence sometimes open with "Here is the refactored code:". */
function stripChatter(answer: string): string {
  const lines = answer.replace(/^\s*\n/, '').split('\n');
  while (lines.length > 1 && /^(here('s| is| are)|sure|certainly|below)\b.*:\s*$/i.test(lines[0].trim())) lines.shift();
  return lines.join('\n').replace(/\s+$/, '');
}

/** Keeps the selection's trailing line break, which models tend to drop. */
export function fitReplacement(original: string, code: string): string {
  const newline = /\r?\n$/.exec(original)?.[0];
  return newline && !code.endsWith('\n') ? code + newline : code;
}
