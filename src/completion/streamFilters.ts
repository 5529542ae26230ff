/**
 * Step 6: the model's content stream, filtered line by line as it arrives. `push` returns true as
 * soon as the completion is decided, so the caller can abort the HTTP stream right there.
 */
import type { CursorSurroundings } from './cursor';
import { blockEnd } from './filters/blockEnd';
import { chatter, looksLikeChatter } from './filters/chatter';
import type { LineFilter, LineFilterFactory } from './filters/lineFilter';
import { markdownFences } from './filters/markdownFences';
import { repeatedLines } from './filters/repeatedLines';
import { repeatsSuffix } from './filters/repeatsSuffix';

/** Preamble first (fences, chatter), then loops and repeats of the suffix, then where the completion ends. */
export const DEFAULT_LINE_FILTERS: readonly LineFilterFactory[] = [markdownFences, chatter, repeatedLines, repeatsSuffix, blockEnd];

export class CompletionStreamFilter {
  private readonly filters: LineFilter[];
  private readonly kept: string[] = [];
  private partialLine = '';
  private decidedFlag = false;

  constructor(cursor: CursorSurroundings, factories: readonly LineFilterFactory[] = DEFAULT_LINE_FILTERS) {
    this.filters = factories.map((create) => create(cursor));
  }

  get decided(): boolean {
    return this.decidedFlag;
  }

  /** Feeds a content chunk; true once the completion is decided (later chunks are ignored). */
  push(chunk: string): boolean {
    if (this.decidedFlag) return true;
    this.partialLine += chunk;
    let newline = this.partialLine.indexOf('\n');
    while (newline >= 0 && !this.decidedFlag) {
      const line = this.partialLine.slice(0, newline);
      this.partialLine = this.partialLine.slice(newline + 1);
      this.accept(line);
      newline = this.partialLine.indexOf('\n');
    }
    return this.decidedFlag;
  }

  /** The stream ended: the unterminated last line is a line too. */
  finish(): void {
    if (this.decidedFlag) return;
    if (this.partialLine !== '') this.accept(this.partialLine);
    this.partialLine = '';
    this.decidedFlag = true;
  }

  /** The completion as decided so far. */
  text(): string {
    return this.kept.join('\n');
  }

  /**
   * What the completion will start with, including the line still arriving, for matching against
   * what the user typed meanwhile. A first line that may turn out to be a fence or chatter is left out.
   */
  pending(): string {
    const decided = this.text();
    if (this.decidedFlag) return decided;
    const line = this.partialLine.replace(/\r$/, '');
    if (this.kept.length === 0) return line.trimStart().startsWith('`') || looksLikeChatter(line) ? '' : line;
    return `${decided}\n${line}`;
  }

  private accept(rawLine: string): void {
    const line = rawLine.replace(/\r$/, '');
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
      this.decidedFlag = true;
      return;
    }
    this.kept.push(line);
    if (stopAfter) this.decidedFlag = true;
  }
}
