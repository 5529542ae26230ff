/**
 * Strips what the answer restates of the text before the cursor: lines equal (indentation aside)
 * to the last lines of the prefix, up to the cursor's line (the model echoed the prefix, or the
 * whole file), and then the cursor's line up to the cursor (`const x = fo` + `const x = foo(1);`
 * gives `o(1);`). Lines that may be such an echo are held back until a line shows whether the
 * echo reached the cursor (in repetitive text, as long as it can go on). Lines that stop short of
 * the cursor, or hold only closers and blank lines not followed by the cursor's line restated, were
 * code, and go on unchanged.
 */
import type { CursorSurroundings } from '../cursor';
import type { LineStage } from './lineStage';

/** An echo made only of `}` or `end` lines is not told apart from code: it is let through. */
const MIN_MEANINGFUL_CHARS = 4;
/** A shorter line start (`/`, `x`) often begins its own continuation (`/` + `/ comment`): not a restatement. */
const MIN_RESTATED_CHARS = 2;

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
  /** Where an echo could have ended while the held lines still matched the prefix further on. */
  let lastEchoEnd: number | undefined;

  /** The line without the cursor's line restated; after an echo of the lines above, even a short one. */
  const withoutRestatedLine = (line: string, afterEcho = false): string => {
    const trimmed = line.trimStart();
    const long = typed.length >= (afterEcho ? 1 : MIN_RESTATED_CHARS);
    return long && trimmed.startsWith(typed) ? trimmed.slice(typed.length) : line;
  };
  const lines = (): string[] => {
    // The complete lines before the cursor's line, trimmed; split once, only when an answer comes.
    prefixLines ??= cursor.window.prefix.split('\n').slice(0, -1).map((l) => l.trim());
    return prefixLines;
  };

  /** The held lines up to `echoEnd` were the echo; the line there restates the cursor's line. */
  const afterEcho = (echoEnd: number): string[] => [withoutRestatedLine(held[echoEnd], true), ...held.slice(echoEnd + 1)];
  const reset = (): void => {
    held = [];
    candidates = [];
    lastEchoEnd = undefined;
  };

  return {
    push(line) {
      const i = index++;
      if (i === 0) {
        const trimmed = line.trim();
        candidates = lines().flatMap((l, at) => (l === trimmed ? [at] : []));
        if (candidates.length === 0) return [withoutRestatedLine(line)];
        held = [line];
        return [];
      }
      if (held.length === 0) return [line];
      const all = lines();
      // The held lines are the prefix's last lines: this line stands where the cursor's line does.
      // Closers and blank lines alone are an echo only when the cursor's line comes next, restated.
      const restates = typed !== '' && line.trimStart().startsWith(typed);
      const echoEndsHere = candidates.includes(all.length - held.length) && (held.some(meaningful) || restates);
      const trimmed = line.trim();
      candidates = candidates.filter((at) => at + i < all.length && all[at + i] === trimmed);
      held.push(line);
      // Repetitive text (a table, a run of similar lines) may echo further: hold on while it can.
      if (candidates.length > 0) {
        if (echoEndsHere) lastEchoEnd = i;
        return [];
      }
      const echoEnd = echoEndsHere ? i : lastEchoEnd;
      const released = echoEnd === undefined ? [withoutRestatedLine(held[0]), ...held.slice(1)] : afterEcho(echoEnd);
      reset();
      return released;
    },
    flush() {
      if (held.length === 0) return [];
      // An answer that only echoes the prefix adds nothing.
      const echoedOnly = candidates.includes(lines().length - held.length) && held.some(meaningful);
      const released = echoedOnly ? [] : lastEchoEnd !== undefined ? afterEcho(lastEchoEnd) : [withoutRestatedLine(held[0]), ...held.slice(1)];
      reset();
      return released;
    },
    get holding() {
      return held.length > 0;
    },
    ended: false,
  };
}
