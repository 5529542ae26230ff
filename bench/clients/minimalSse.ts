/**
 * The least an event-stream reader can do: split on blank lines, take the `data:` line, JSON.parse
 * it, pull out the content (`choices[0].delta.content` on Chat Completions, the `delta` of a
 * `response.output_text.delta` event on the Responses API). No validation, no comment or CR handling
 * beyond what the fake server sends: the floor the provider's parser is measured against.
 */
interface MinimalChunk {
  choices?: { delta?: { content?: string | null } }[];
}

interface MinimalResponsesEvent {
  type?: string;
  delta?: string;
}

/** The content of one event's JSON, per wire format. */
export type ContentPicker = (json: unknown) => string | null | undefined;

export const chatContent: ContentPicker = (json) => (json as MinimalChunk).choices?.[0]?.delta?.content;

export const responsesContent: ContentPicker = (json) => {
  const event = json as MinimalResponsesEvent;
  return event.type === 'response.output_text.delta' ? event.delta : undefined;
};

export class MinimalSseReader {
  private readonly decoder = new TextDecoder();
  private buffer = '';

  constructor(private readonly pick: ContentPicker = chatContent) {}

  /** Content deltas completed by these bytes; `done` once `[DONE]` arrived. */
  push(bytes: Uint8Array): { contents: string[]; done: boolean } {
    this.buffer += this.decoder.decode(bytes, { stream: true });
    const contents: string[] = [];
    let done = false;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const event = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const dataAt = event.startsWith('data:') ? 0 : event.indexOf('\ndata:') + 1;
      if (dataAt === 0 && !event.startsWith('data:')) continue;
      const data = event.slice(dataAt + 5).trim();
      if (data === '[DONE]') {
        done = true;
        continue;
      }
      const content = this.pick(JSON.parse(data));
      if (content) contents.push(content);
    }
    return { contents, done };
  }
}
