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
const LINE_FILTERS: readonly LineFilterFactory[] = [markdownFences, chatter, repeatedLines, repeatsSuffix, blockEnd];

export class CompletionStreamFilter {
  private readonly filters: LineFilter[];
  private readonly kept: string[] = [];
  private partialLine = '';
  private decided = false;

  constructor(cursor: CursorSurroundings) {
    this.filters = LINE_FILTERS.map((create) => create(cursor));
  }

  /** Feeds a content chunk; true once the completion is decided (later chunks are ignored). */
  push(chunk: string): boolean {
    if (this.decided) return true;
    this.partialLine += chunk;
    let newline = this.partialLine.indexOf('\n');
    while (newline >= 0 && !this.decided) {
      const line = this.partialLine.slice(0, newline);
      this.partialLine = this.partialLine.slice(newline + 1);
      this.accept(line);
      newline = this.partialLine.indexOf('\n');
    }
    return this.decided;
  }

  /** The stream ended: the unterminated last line is a line too. */
  finish(): void {
    if (this.decided) return;
    if (this.partialLine !== '') this.accept(this.partialLine);
    this.partialLine = '';
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
   * What the completion will start with, including the line still arriving, for matching against
   * what the user typed meanwhile. A first line that may turn out to be a fence or chatter is left out.
   */
  pending(): string {
    const kept = this.text();
    if (this.decided) return kept;
    const line = this.partialLine.replace(/\r$/, '');
    if (this.kept.length === 0) return line.trimStart().startsWith('`') || looksLikeChatter(line) ? '' : line;
    return `${kept}\n${line}`;
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
      this.decided = true;
      return;
    }
    this.kept.push(line);
    if (stopAfter) this.decided = true;
  }
}
