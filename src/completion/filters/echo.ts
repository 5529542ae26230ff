/**
 * Strips what the answer restates of the text before the cursor: lines that state the same as the
 * last lines of the prefix (sameStatement.ts: a missing `;` is no difference), up to the cursor's
 * line (the model echoed the prefix, or the whole file), and then the cursor's line up to the
 * cursor (`const x = fo` + `const x = foo(1);` gives `o(1);`) or the member access or call the
 * cursor is in (`return this.ite` + `this.items.length;` gives `ms.length;`). Lines that may be
 * such an echo are held back until a line shows whether the echo reached the cursor (in repetitive
 * text, as long as it can go on). Lines that stop short of the cursor, or hold only closers and
 * blank lines not followed by the cursor's line restated, were code, and go on unchanged. A line
 * at another indentation than the prefix line it reads like is other code (Python's
 * `return False` one block out), unless the model wrote it with no indentation at all.
 */
import { type CursorSurroundings, indentWidth } from '../cursor';
import { statementKey } from '../sameStatement';
import type { LineStage } from './lineStage';

/** An echo made only of `}` or `end` lines is not told apart from code: it is let through. */
const MIN_MEANINGFUL_CHARS = 4;
/** A shorter line start (`/`, `x`) often begins its own continuation (`/` + `/ comment`): not a restatement. */
const MIN_RESTATED_CHARS = 2;

function meaningful(line: string): boolean {
  return /\w/.test(line) && line.replace(/\s/g, '').length >= MIN_MEANINGFUL_CHARS;
}

/** A member access or call chain ending at the cursor, starting where a name starts: `this.ite`, `obj.run(`. */
const CHAIN_AT_END = /[A-Za-z_$][\w$]*(?:(?:\?\.|\.|::|->)[\w$]*)*[([]?$/;
const CHAIN_SEPARATOR = /\?\.|\.|::|->/g;

/**
 * What an answer may restate of the cursor's line, longest first: the line up to the cursor (its
 * indentation aside), the chain of names ending at the cursor, and that chain from each of its
 * names on (`this.items.le`, `items.le`, `le`). Parts shorter than MIN_RESTATED_CHARS are left out.
 */
export function restatableParts(linePrefix: string): string[] {
  const typed = linePrefix.trimStart();
  const parts = typed.length >= MIN_RESTATED_CHARS ? [typed] : [];
  const chain = CHAIN_AT_END.exec(linePrefix);
  if (chain === null || /[\w$]/.test(linePrefix[chain.index - 1] ?? '')) return parts;
  const starts = [0, ...[...chain[0].matchAll(CHAIN_SEPARATOR)].map((m) => (m.index ?? 0) + m[0].length)];
  for (const start of starts) {
    const part = chain[0].slice(start);
    if (part.length >= MIN_RESTATED_CHARS && /\w/.test(part) && !parts.includes(part)) parts.push(part);
  }
  return parts;
}

interface PrefixLine {
  key: string;
  indent: number;
}

export function echo(cursor: CursorSurroundings): LineStage {
  const typed = cursor.linePrefix.trimStart();
  const restatable = restatableParts(cursor.linePrefix).filter((part) => part !== typed);
  let prefixLines: PrefixLine[] | undefined;
  /** Start indexes in `prefixLines` where the held lines stand, line for line. */
  let candidates: number[] = [];
  let held: string[] = [];
  let index = 0;
  /** Where an echo could have ended while the held lines still matched the prefix further on. */
  let lastEchoEnd: number | undefined;

  /**
   * The line without the cursor's line restated (after an echo of the lines above, even a short
   * one), or without the chain of names the cursor is in restated, when more follows it.
   */
  const withoutRestatedLine = (line: string, afterEcho = false): string => {
    const trimmed = line.trimStart();
    const long = typed.length >= (afterEcho ? 1 : MIN_RESTATED_CHARS);
    if (long && trimmed.startsWith(typed)) return trimmed.slice(typed.length);
    const part = restatable.find((p) => trimmed.length > p.length && trimmed.startsWith(p));
    return part === undefined ? line : trimmed.slice(part.length);
  };
  const lines = (): PrefixLine[] => {
    // The complete lines before the cursor's line; split once, only when an answer comes.
    prefixLines ??= cursor.window.prefix
      .split('\n')
      .slice(0, -1)
      .map((l) => ({ key: statementKey(l), indent: indentWidth(l) }));
    return prefixLines;
  };
  /** Prefix lines the answer's `line` reads as: the same statement at their indentation (or at none). */
  const matching = (line: string): ((at: number) => boolean) => {
    const key = statementKey(line);
    const own = indentWidth(line);
    const atCursor = indentWidth(cursor.linePrefix + line);
    return (at) => {
      const prefixLine = lines()[at];
      return prefixLine !== undefined && prefixLine.key === key && (own === 0 || own === prefixLine.indent || atCursor === prefixLine.indent);
    };
  };

  /**
   * Short lines (`i = 2`, `}`, a docstring's `0.5` and `"""`) restated character for character,
   * indentation included, as the prefix's last lines: an echo, not code that happens to read so.
   */
  const verbatim = (lines: readonly string[]): boolean => {
    const end = cursor.window.prefix.length - cursor.linePrefix.length - 1;
    const last = cursor.window.prefix.slice(0, Math.max(end, 0)).split('\n').slice(-lines.length);
    return lines.some((line) => line.trim() !== '') && last.length === lines.length && last.every((line, k) => line.trimEnd() === lines[k].trimEnd());
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
        const matches = matching(line);
        candidates = lines().flatMap((_, at) => (matches(at) ? [at] : []));
        if (candidates.length === 0) return [withoutRestatedLine(line)];
        held = [line];
        return [];
      }
      if (held.length === 0) return [line];
      const all = lines();
      // The held lines are the prefix's last lines: this line stands where the cursor's line does.
      // Closers and blank lines alone are an echo only when the cursor's line comes next, restated.
      const restates = typed !== '' && line.trimStart().startsWith(typed);
      const echoEndsHere = candidates.includes(all.length - held.length) && (held.some(meaningful) || restates || verbatim(held));
      const matches = matching(line);
      candidates = candidates.filter((at) => at + i < all.length && matches(at + i));
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
      const echoedOnly = candidates.includes(lines().length - held.length) && (held.some(meaningful) || verbatim(held));
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
