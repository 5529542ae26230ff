/**
 * An incremental parser for `text/event-stream` bodies. Bytes may arrive split anywhere (inside a
 * line, a CRLF pair or a multi-byte UTF-8 character); `push` returns the `data` of every event
 * completed so far. Comments (`:`), other fields and keep-alive blank lines are skipped; `data:`
 * works with or without the space; CR, LF and CRLF all end a line.
 *
 * Each read is decoded once (Node's StringDecoder: a fraction of TextDecoder's cost, and it keeps a
 * character split between reads for the next one) and scanned with `indexOf`, not char by char:
 * this runs for every token of every answer.
 */
import { StringDecoder } from 'node:string_decoder';

const LF = 10;
const SPACE = 32;
const BYTE_ORDER_MARK = 0xfeff;

export class SseParser {
  private readonly decoder = new StringDecoder('utf8');
  private atStart = true;
  /** The start of a line whose end has not arrived yet. */
  private partialLine = '';
  /** The data of the event being read; undefined until its first `data` line. */
  private data: string | undefined;
  private afterCarriageReturn = false;

  push(bytes: Uint8Array): string[] {
    return this.consume(this.decoder.write(bytes));
  }

  /** Flushes the end of the body; a last event without its blank line still counts. */
  end(): string[] {
    const events = this.consume(this.decoder.end());
    if (this.partialLine !== '') this.takeLine(this.partialLine, 0, this.partialLine.length, events);
    this.partialLine = '';
    this.dispatch(events);
    return events;
  }

  private consume(text: string): string[] {
    const events: string[] = [];
    const length = text.length;
    let start = 0;
    if (this.atStart && length > 0) {
      this.atStart = false;
      if (text.charCodeAt(0) === BYTE_ORDER_MARK) start = 1; // Ignored at the very start, as the standard says.
    }
    if (this.afterCarriageReturn && length > 0) {
      // The LF of a CRLF whose CR ended the previous piece.
      this.afterCarriageReturn = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    // Next LF and CR at or after `start` (-1: none left); each is searched again only once passed.
    let nextLf = text.indexOf('\n', start);
    let nextCr = text.indexOf('\r', start);
    for (;;) {
      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
      const end = nextCr === -1 || (nextLf !== -1 && nextLf < nextCr) ? nextLf : nextCr;
      if (end === -1) break;
      if (this.partialLine === '') {
        this.takeLine(text, start, end, events);
      } else {
        const line = this.partialLine + text.slice(start, end);
        this.partialLine = '';
        this.takeLine(line, 0, line.length, events);
      }
      start = end + 1;
      if (end === nextCr) {
        if (start === length) this.afterCarriageReturn = true;
        else if (text.charCodeAt(start) === LF) start++;
      }
    }
    if (start < length) this.partialLine += text.slice(start);
    return events;
  }

  /** The line `text[start, end)`: a blank line ends the event, a `data` line adds to it. */
  private takeLine(text: string, start: number, end: number, events: string[]): void {
    if (start === end) {
      this.dispatch(events);
      return;
    }
    let value: string;
    if (text.startsWith('data:', start)) {
      const valueStart = start + 5 < end && text.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5;
      value = text.slice(valueStart, end);
    } else if (end - start === 4 && text.startsWith('data', start)) {
      value = '';
    } else {
      return; // A comment or another field.
    }
    this.data = this.data === undefined ? value : `${this.data}\n${value}`;
  }

  private dispatch(events: string[]): void {
    if (this.data !== undefined) events.push(this.data);
    this.data = undefined;
  }
}
