/**
 * An answer that starts on the next line (its first line is blank) keeps that break, also when the
 * model wrote the lines after it relative to the cursor's line instead of at column 0 of the file
 * (`  foo();█` + `\nbar();`): when the first line with code has no indentation at all while the
 * cursor's line is indented, and neither closes a block (`}`, `end`, `else`) nor starts a definition
 * of its own (`def`, `class`, `function`), every line gets the
 * cursor's line's indentation, so that the block-end filter does not read it as leaving the block.
 */
import type { CursorSurroundings } from '../cursor';
import { CLOSES_BLOCK } from '../indentation';
import type { LineStage } from './lineStage';

/** Lines that go on a block at the indentation of the line that opened it. */
const CONTINUES_OPENER = /^\s*(else|elif|except|finally|catch|case|default)\b/;
/** Lines that start a definition of their own at column 0: leaving the block is meant. */
const TOP_LEVEL = /^(@|(async\s+)?def\b|class\b|function\b|fn\b|func\b|export\b|import\b|from\b|#)/;

export function leadingBreak(cursor: CursorSurroundings): LineStage {
  const indent = /^[ \t]*/.exec(cursor.linePrefix)?.[0] ?? '';
  let index = 0;
  let shift: string | undefined;
  return {
    push(line) {
      const i = index++;
      if (i === 0 || indent === '' || cursor.linePrefix.trim() === '') {
        if (i === 0 && line.trim() !== '') shift = '';
        return [line];
      }
      if (shift === undefined && line.trim() !== '') {
        const relative = !/^[ \t]/.test(line) && !CLOSES_BLOCK.test(line) && !CONTINUES_OPENER.test(line) && !TOP_LEVEL.test(line);
        shift = relative ? indent : '';
      }
      return [line.trim() === '' || shift === undefined ? line : shift + line];
    },
    flush: () => [],
    holding: false,
    ended: false,
  };
}
