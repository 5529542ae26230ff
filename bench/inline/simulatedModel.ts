/**
 * The model the replay talks to, on the virtual clock. It reads the prompt the pipeline built (the
 * file between `<file>` and `</file>` with the hole marker), finds the cursor in the true file, and
 * after `latencyMs` (its reasoning time: one reasoning event, then silence) streams its answer as
 * content in 4-character chunks every 5 ms (about grok-code-fast-1's 190 tokens/s).
 *
 * What it answers:
 * - `oracle`: the file's true continuation: the rest of the line when the cursor is inside
 *   auto-closed brackets; otherwise the rest of the line and the following lines up to the end of
 *   the block: the body of a block the line opens, or the line's siblings up to a dedent (the
 *   closing bracket line included), at most 12 lines.
 * - `realistic`: that same true continuation 35% of the time; otherwise a plausible wrong one: the
 *   true continuation with its first identifier swapped for another identifier of the file (or, if
 *   it has none, another line of the file). Seeded by position: the same position gets the same answer.
 */
import { HOLE } from '../../src/completion/prompt';
import type { CompletionModel } from '../../src/completion/types';
import type { GenerateRequest, StreamEvent } from '../../src/provider/types';
import { hashString, randomAt } from './rng';
import type { FakeClock } from '../../test/support/fakeClock';

export type ModelKind = 'oracle' | 'realistic';

export const REALISTIC_HIT_RATE = 0.35;
const CHUNK_CHARS = 4;
const CHUNK_GAP_MS = 5;
const MAX_BLOCK_LINES = 12;

export class SimulatedModel implements CompletionModel {
  requests = 0;
  /** Requests cancelled before their answer began: paid for, never seen. */
  cancelledBeforeAnswer = 0;
  /** Requests answered with nothing (the model had nothing to suggest): one request each, not an error. */
  emptyAnswers = 0;
  private readonly identifiers: string[];
  private readonly lines: string[];
  private readonly fileSeed: number;

  constructor(
    private readonly fileText: string,
    private readonly clock: FakeClock,
    private readonly latencyMs: number,
    private readonly kind: ModelKind,
    private readonly seed: number,
  ) {
    this.identifiers = [...new Set(fileText.match(/[A-Za-z_]\w{2,}/g) ?? [])];
    this.lines = fileText.split('\n').filter((line) => line.trim() !== '');
    this.fileSeed = hashString(fileText.slice(0, 200));
  }

  async *streamEvents(request: GenerateRequest): AsyncIterable<StreamEvent> {
    this.requests++;
    const signal = request.options?.signal;
    const { prefix, suffix } = holeOf(request);
    const answer = this.answerAt(this.fileText.indexOf(prefix) + prefix.length, suffix);
    yield { type: 'reasoning', text: 'Completing the code at the hole.' };
    try {
      await this.clock.sleep(this.latencyMs, signal);
    } catch (error) {
      this.cancelledBeforeAnswer++;
      throw error;
    }
    if (answer === '') this.emptyAnswers++;
    for (let i = 0; i < answer.length; i += CHUNK_CHARS) {
      if (i > 0) await this.clock.sleep(CHUNK_GAP_MS, signal);
      yield { type: 'content', text: answer.slice(i, i + CHUNK_CHARS) };
    }
  }

  private answerAt(position: number, suffix: string): string {
    const truth = trueContinuation(this.fileText, position, suffix);
    if (this.kind === 'oracle') return truth;
    const random = randomAt(this.seed, this.fileSeed, position);
    if (random() < REALISTIC_HIT_RATE) return truth;
    const identifier = /[A-Za-z_]\w*/.exec(truth);
    if (identifier === null || this.identifiers.length < 2) return this.lines[Math.floor(random() * this.lines.length)].trim();
    let other = identifier[0];
    while (other === identifier[0]) other = this.identifiers[Math.floor(random() * this.identifiers.length)];
    return truth.slice(0, identifier.index) + other + truth.slice(identifier.index + identifier[0].length);
  }
}

function holeOf(request: GenerateRequest): { prefix: string; suffix: string } {
  const user = request.messages?.find((m) => m.role === 'user')?.content ?? '';
  const start = user.indexOf('\n<file>\n') + '\n<file>\n'.length;
  const end = user.lastIndexOf('\n</file>\n');
  const file = user.slice(start, end);
  const hole = file.indexOf(HOLE);
  return { prefix: file.slice(0, hole), suffix: file.slice(hole + HOLE.length) };
}

function trueContinuation(text: string, position: number, suffix: string): string {
  const lineEnd = text.indexOf('\n', position);
  const restOfLine = text.slice(position, lineEnd < 0 ? text.length : lineEnd);
  if (lineEnd < 0 || suffix.split('\n')[0].trim() !== '') return restOfLine;
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  const cursorLine = text.slice(lineStart, lineEnd);
  // On a blank line, the block is the one the next code line belongs to.
  const indent = cursorLine.trim() === '' ? indentOf(/^\n*([ \t]*)/.exec(text.slice(lineEnd))?.[1] ?? '') : indentOf(cursorLine);
  // A line that opens a block ends with its body; any other line with its siblings.
  const opensBlock = /[{([:]\s*$/.test(cursorLine);
  const lines = [restOfLine];
  let at = lineEnd + 1;
  while (at < text.length && lines.length <= MAX_BLOCK_LINES) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    if (line.trim() !== '' && (indentOf(line) < indent || (opensBlock && indentOf(line) === indent))) {
      if (/^\s*[)\]}]/.test(line)) lines.push(line);
      break;
    }
    lines.push(line);
    if (end < 0) break;
    at = end + 1;
  }
  return lines.join('\n');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
