/**
 * The least an OpenAI-style event-stream reader can do: split on blank lines, take `data:` lines,
 * JSON.parse them, pull out `choices[0].delta.content`. No validation, no comment or CR handling
 * beyond what the fake server sends: the floor the provider's parser is measured against.
 */
interface MinimalChunk {
  choices?: { delta?: { content?: string | null } }[];
}

export class MinimalSseReader {
  private readonly decoder = new TextDecoder();
  private buffer = '';

  /** Content deltas completed by these bytes; `done` once `[DONE]` arrived. */
  push(bytes: Uint8Array): { contents: string[]; done: boolean } {
    this.buffer += this.decoder.decode(bytes, { stream: true });
    const contents: string[] = [];
    let done = false;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const event = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      if (!event.startsWith('data:')) continue;
      const data = event.slice(5).trim();
      if (data === '[DONE]') {
        done = true;
        continue;
      }
      const content = (JSON.parse(data) as MinimalChunk).choices?.[0]?.delta?.content;
      if (content) contents.push(content);
    }
    return { contents, done };
  }
}
