/**
 * Step 6: the model's content stream, filtered line by line as it arrives. `push` returns true as
 * soon as the completion is decided, so the caller can abort the HTTP stream right there.
 *
 * Each complete line goes through the stages first (the prompt's tags, a prose preamble, an echo
 * of the prefix: they drop, rewrite or hold lines), then through the line filters, which decide
 * where the completion ends.
 */
import type { CursorSurroundings } from './cursor';
import { blockEnd } from './filters/blockEnd';
import { degenerateRepetition, repeatsDegenerately } from './filters/degenerateRepetition';
import { echo, restatableParts } from './filters/echo';
import type { LineFilter, LineFilterFactory } from './filters/lineFilter';
import type { LineStage } from './filters/lineStage';
import { markdownFences } from './filters/markdownFences';
import { leadingBreak } from './filters/leadingBreak';
import { isSentence, preamble } from './filters/preamble';
import { promptTags } from './filters/promptTags';
import { repeatedLines } from './filters/repeatedLines';
import { repeatsSuffix } from './filters/repeatsSuffix';

/** Loops and repeats of the suffix first, then where the completion ends. */
const LINE_FILTERS: readonly LineFilterFactory[] = [markdownFences, degenerateRepetition, repeatedLines, repeatsSuffix, blockEnd];

/** The start of a first line that may still become a sentence of a preamble ("Here is"). */
const MAY_BE_SENTENCE = /^[A-Z][a-z]*(['’][a-z]*)?[,!:]?\s+[a-z]/;

export interface StreamEnd {
  /**
   * The model was cut off (`finish_reason` `length` or `content_filter`): the unterminated last
   * line is half a line, and is dropped.
   */
  cut: boolean;
}

export class CompletionStreamFilter {
  private readonly stages: LineStage[];
  private readonly filters: LineFilter[];
  private readonly kept: string[] = [];
  /** What an answer may restate of the cursor's line (the line, the member access at its end). */
  private readonly restatable: readonly string[];
  private partialLine = '';
  private decided = false;
  /** The answer's last line, without a line break after it, is being judged. */
  private judgingLastLine = false;
  /** The last kept line had a line break after it in the answer. */
  private lastKeptEnded = false;

  constructor(cursor: CursorSurroundings) {
    this.stages = [promptTags(), preamble(), echo(cursor), leadingBreak(cursor)];
    this.filters = LINE_FILTERS.map((create) => create(cursor));
    this.restatable = restatableParts(cursor.linePrefix);
  }

  /**
   * Feeds a content chunk; true once the completion is decided (later chunks are ignored). A line
   * that degenerates into one short unit repeated over and over ends the completion before it as
   * soon as the repetition shows, without waiting for the line to end (degenerateRepetition.ts).
   */
  push(chunk: string): boolean {
    if (this.decided) return true;
    this.partialLine += chunk;
    let newline = this.partialLine.indexOf('\n');
    while (newline >= 0 && !this.decided) {
      const line = this.partialLine.slice(0, newline);
      this.partialLine = this.partialLine.slice(newline + 1);
      this.accept(line.replace(/\r$/, ''), 0);
      newline = this.partialLine.indexOf('\n');
    }
    if (!this.decided && repeatsDegenerately(this.partialLine)) this.finish({ cut: true });
    return this.decided;
  }

  /** The stream ended: the unterminated last line is a line too, unless the answer was cut. */
  finish(end: StreamEnd = { cut: false }): void {
    if (this.decided) return;
    const last = this.partialLine.replace(/\r$/, '');
    this.partialLine = '';
    this.judgingLastLine = last !== '' && !end.cut;
    if (this.judgingLastLine) this.accept(last, 0);
    for (let i = 0; i < this.stages.length && !this.decided; i++) {
      for (const line of this.stages[i].flush()) this.accept(line, i + 1);
    }
    this.decided = true;
  }

  /** How many lines were let through: `text()` changes only when this does. */
  get keptLines(): number {
    return this.kept.length;
  }

  /** The completion as decided so far. */
  text(): string {
    return this.kept.join('\n');
  }

  /**
   * The completion with the line break that followed its last line in the answer, if one did: at
   * the start of a line with code after the cursor that break pushes the code down (postprocess.ts).
   */
  answer(): string {
    return this.kept.length > 0 && this.lastKeptEnded ? `${this.text()}\n` : this.text();
  }

  /**
   * What the completion will start with, including the line still arriving, for matching against
   * what the user typed meanwhile. Nothing while a stage holds lines back, and no first line that
   * may turn out to be a fence, a tag, a sentence or the cursor's line restated.
   */
  pending(): string {
    const kept = this.text();
    if (this.decided || this.stages.some((stage) => stage.holding)) return kept;
    const line = this.partialLine.replace(/\r$/, '');
    if (this.kept.length > 0) return `${kept}\n${line}`;
    const start = line.trimStart();
    const restating = this.restatable.some((part) => start.startsWith(part) || part.startsWith(start));
    const unsure = /^[`<]/.test(start) || MAY_BE_SENTENCE.test(start) || isSentence(line) || restating;
    return unsure ? '' : line;
  }

  /** A line from stage `from` on: the remaining stages, then the line filters. */
  private accept(line: string, from: number): void {
    let lines = [line];
    for (let i = from; i < this.stages.length; i++) lines = lines.flatMap((l) => this.stages[i].push(l));
    for (const next of lines) if (!this.decided) this.judge(next);
    if (this.stages.some((stage) => stage.ended)) this.decided = true;
  }

  private judge(line: string): void {
    let stopAfter = false;
    for (const filter of this.filters) {
      const verdict = filter(line, this.kept);
      if (verdict === 'keep') continue;
      if (verdict === 'keep-and-stop') {
        stopAfter = true;
        continue;
      }
      if (verdict === 'skip') return;
      if (verdict !== 'stop') this.kept.splice(this.kept.length - verdict.dropAndStop, verdict.dropAndStop);
      this.decided = true;
      return;
    }
    this.kept.push(line);
    // Lines released when the last line is judged (held ones, the last line itself) end with it.
    this.lastKeptEnded = !this.judgingLastLine;
    if (stopAfter) this.decided = true;
  }
}
