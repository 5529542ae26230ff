/**
 * The text types of the `vscode` API the soak's workbench hands the extension, modelled for real:
 * positions, ranges and a document whose text changes through edits, as VS Code's do (offsets in
 * UTF-16 code units, lines split at \n with \r kept out of line text, version bumped per edit).
 */
import * as path from 'node:path';

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  translate(lineDelta: number | { lineDelta?: number; characterDelta?: number } = 0, characterDelta = 0): Position {
    if (typeof lineDelta === 'object') return new Position(this.line + (lineDelta.lineDelta ?? 0), this.character + (lineDelta.characterDelta ?? 0));
    return new Position(this.line + lineDelta, this.character + characterDelta);
  }
  with(line: number | { line?: number; character?: number } = this.line, character = this.character): Position {
    if (typeof line === 'object') return new Position(line.line ?? this.line, line.character ?? this.character);
    return new Position(line, character);
  }
  compareTo(other: Position): number {
    return this.line === other.line ? this.character - other.character : this.line - other.line;
  }
  isBefore(other: Position): boolean {
    return this.compareTo(other) < 0;
  }
  isBeforeOrEqual(other: Position): boolean {
    return this.compareTo(other) <= 0;
  }
  isAfter(other: Position): boolean {
    return this.compareTo(other) > 0;
  }
  isAfterOrEqual(other: Position): boolean {
    return this.compareTo(other) >= 0;
  }
  isEqual(other: Position): boolean {
    return this.compareTo(other) === 0;
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    const a = typeof start === 'number' ? new Position(start, end as number) : start;
    const b = typeof start === 'number' ? new Position(endLine ?? 0, endCharacter ?? 0) : (end as Position);
    [this.start, this.end] = a.isAfter(b) ? [b, a] : [a, b];
  }
  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }
  get isSingleLine(): boolean {
    return this.start.line === this.end.line;
  }
  contains(value: Position | Range): boolean {
    return value instanceof Range ? this.contains(value.start) && this.contains(value.end) : value.isAfterOrEqual(this.start) && value.isBeforeOrEqual(this.end);
  }
  isEqual(other: Range): boolean {
    return this.start.isEqual(other.start) && this.end.isEqual(other.end);
  }
  with(start: Position = this.start, end: Position = this.end): Range {
    return new Range(start, end);
  }
  intersection(other: Range): Range | undefined {
    const start = this.start.isAfter(other.start) ? this.start : other.start;
    const end = this.end.isBefore(other.end) ? this.end : other.end;
    return start.isAfter(end) ? undefined : new Range(start, end);
  }
  union(other: Range): Range {
    return new Range(this.start.isBefore(other.start) ? this.start : other.start, this.end.isAfter(other.end) ? this.end : other.end);
  }
}

export class Selection extends Range {
  constructor(
    readonly anchor: Position,
    readonly active: Position,
  ) {
    super(anchor, active);
  }
  get isReversed(): boolean {
    return this.anchor.isAfter(this.active);
  }
}

export interface DocumentUri {
  readonly scheme: string;
  readonly path: string;
  readonly fsPath: string;
  toString(): string;
}

export const EOL_LF = 1;
export const EOL_CRLF = 2;

/** A `vscode.TextDocument` over a string; `apply` is how the workbench changes it. */
export class TextDocumentModel {
  version = 1;
  isClosed = false;
  isDirty = false;
  readonly isUntitled = false;
  private lineStarts: number[] = [0];

  constructor(
    readonly uri: DocumentUri,
    readonly languageId: string,
    private text: string,
  ) {
    this.index();
  }

  get fileName(): string {
    return this.uri.fsPath;
  }
  get eol(): number {
    return this.text.includes('\r\n') ? EOL_CRLF : EOL_LF;
  }
  get lineCount(): number {
    return this.lineStarts.length;
  }
  get baseName(): string {
    return path.basename(this.uri.path);
  }

  getText(range?: Range): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }
  offsetAt(position: Position): number {
    const line = Math.min(Math.max(position.line, 0), this.lineCount - 1);
    const start = this.lineStarts[line];
    const end = line + 1 < this.lineCount ? this.lineStarts[line + 1] : this.text.length;
    return Math.min(start + Math.max(position.character, 0), end);
  }
  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let low = 0;
    let high = this.lineCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return new Position(low, clamped - this.lineStarts[low]);
  }
  lineAt(lineOrPosition: number | Position): { lineNumber: number; text: string; range: Range; rangeIncludingLineBreak: Range; firstNonWhitespaceCharacterIndex: number; isEmptyOrWhitespace: boolean } {
    const line = typeof lineOrPosition === 'number' ? lineOrPosition : lineOrPosition.line;
    if (line < 0 || line >= this.lineCount) throw new Error(`Illegal value for line: ${line}`);
    const start = this.lineStarts[line];
    const next = line + 1 < this.lineCount ? this.lineStarts[line + 1] : this.text.length;
    const text = this.text.slice(start, next).replace(/\r?\n$/, '');
    const indent = /^\s*/.exec(text)?.[0].length ?? 0;
    return {
      lineNumber: line,
      text,
      range: new Range(line, 0, line, text.length),
      rangeIncludingLineBreak: new Range(new Position(line, 0), this.positionAt(next)),
      firstNonWhitespaceCharacterIndex: indent,
      isEmptyOrWhitespace: indent === text.length,
    };
  }
  validatePosition(position: Position): Position {
    return this.positionAt(this.offsetAt(position));
  }
  validateRange(range: Range): Range {
    return new Range(this.validatePosition(range.start), this.validatePosition(range.end));
  }
  getWordRangeAtPosition(position: Position): Range | undefined {
    const line = this.lineAt(position.line).text;
    const word = /[\w$]+/g;
    for (let match = word.exec(line); match; match = word.exec(line)) {
      if (match.index <= position.character && position.character <= match.index + match[0].length) return new Range(position.line, match.index, position.line, match.index + match[0].length);
    }
    return undefined;
  }
  async save(): Promise<boolean> {
    this.isDirty = false;
    return true;
  }

  /** Replaces `range` by `text`; returns the change as `onDidChangeTextDocument` reports it. */
  apply(range: Range, text: string): { range: Range; rangeOffset: number; rangeLength: number; text: string } {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    this.text = this.text.slice(0, start) + text + this.text.slice(end);
    this.version += 1;
    this.isDirty = true;
    this.index();
    return { range, rangeOffset: start, rangeLength: end - start, text };
  }

  private index(): void {
    this.lineStarts = [0];
    for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }
}
