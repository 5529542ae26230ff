/**
 * An incremental parser for `text/event-stream` bodies. Bytes may arrive split anywhere (inside a
 * line, a CRLF pair or a multi-byte UTF-8 character); `push` returns the `data` of every event
 * completed so far. Comments (`:`), other fields and keep-alive blank lines are skipped; `data:`
 * works with or without the space; CR, LF and CRLF all end a line.
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private line = '';
  private dataLines: string[] = [];
  private afterCarriageReturn = false;

  push(bytes: Uint8Array): string[] {
    return this.consume(this.decoder.decode(bytes, { stream: true }));
  }

  /** Flushes the end of the body; a last event without its blank line still counts. */
  end(): string[] {
    const events = this.consume(this.decoder.decode());
    if (this.line !== '') this.takeLine(this.line, events);
    this.line = '';
    this.dispatch(events);
    return events;
  }

  private consume(text: string): string[] {
    const events: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 && this.afterCarriageReturn && i === start && this.line === '') {
        // The LF of a CRLF whose CR ended the previous piece.
        this.afterCarriageReturn = false;
        start = i + 1;
        continue;
      }
      this.afterCarriageReturn = false;
      if (ch !== 10 && ch !== 13) continue;
      this.takeLine(this.line + text.slice(start, i), events);
      this.line = '';
      if (ch === 13) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else {
          this.afterCarriageReturn = true;
        }
      }
      start = i + 1;
    }
    this.line += text.slice(start);
    return events;
  }

  private takeLine(line: string, events: string[]): void {
    if (line === '') {
      this.dispatch(events);
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'data') return;
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    this.dataLines.push(value);
  }

  private dispatch(events: string[]): void {
    if (this.dataLines.length > 0) events.push(this.dataLines.join('\n'));
    this.dataLines = [];
  }
}
