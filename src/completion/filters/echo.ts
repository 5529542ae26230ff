/**
 * Strips what the answer restates of the text before the cursor: lines equal (indentation aside)
 * to the last lines of the prefix, up to the cursor's line (the model echoed the prefix, or the
 * whole file), and then the cursor's line up to the cursor (`const x = fo` + `const x = foo(1);`
 * gives `o(1);`). Lines that may be such an echo are held back until a line shows whether the
 * echo reached the cursor; an echo that stops short of it was code, and goes on unchanged.
 */
import type { CursorSurroundings } from '../cursor';
import type { LineStage } from './lineStage';

/** An echo made only of `}` or `end` lines is not told apart from code: it is let through. */
const MIN_MEANINGFUL_CHARS = 4;

function meaningful(line: string): boolean {
  return /\w/.test(line) && line.replace(/\s/g, '').length >= MIN_MEANINGFUL_CHARS;
}

export function echo(cursor: CursorSurroundings): LineStage {
  const typed = cursor.linePrefix.trimStart();
  let prefixLines: string[] | undefined;
  /** Start indexes in `prefixLines` where the held lines stand, line for line. */
  let candidates: number[] = [];
  let held: string[] = [];
  let index = 0;

  /** The answer's first line without the cursor's line restated. */
  const withoutRestatedLine = (line: string): string => {
    const trimmed = line.trimStart();
    return typed !== '' && trimmed.startsWith(typed) ? trimmed.slice(typed.length) : line;
  };
  const lines = (): string[] => {
    // The complete lines before the cursor's line, trimmed; split once, only when an answer comes.
    prefixLines ??= cursor.window.prefix.split('\n').slice(0, -1).map((l) => l.trim());
    return prefixLines;
  };

  return {
    push(line) {
      const i = index++;
      if (i === 0) {
        const all = lines();
        const trimmed = line.trim();
        candidates = meaningful(line) ? all.flatMap((l, at) => (l === trimmed ? [at] : [])) : [];
        if (candidates.length === 0) return [withoutRestatedLine(line)];
        held = [line];
        return [];
      }
      if (held.length === 0) return [line];
      const all = lines();
      // The held lines are the prefix's last lines: this line stands where the cursor's line does.
      if (candidates.includes(all.length - held.length)) {
        held = [];
        candidates = [];
        return [withoutRestatedLine(line)];
      }
      const trimmed = line.trim();
      candidates = candidates.filter((at) => at + i < all.length && all[at + i] === trimmed);
      if (candidates.length > 0) {
        held.push(line);
        return [];
      }
      const released = [withoutRestatedLine(held[0]), ...held.slice(1), line];
      held = [];
      return released;
    },
    flush() {
      if (held.length === 0) return [];
      // An answer that only echoes the prefix adds nothing.
      const released = candidates.includes(lines().length - held.length) ? [] : [withoutRestatedLine(held[0]), ...held.slice(1)];
      held = [];
      candidates = [];
      return released;
    },
    get holding() {
      return held.length > 0;
    },
    ended: false,
  };
}
