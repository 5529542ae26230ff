/**
 * Joins the text deltas of one network read into one stream event, so the panel gets a message per
 * read instead of one per token. The provider hands a read's events out in microtasks, so deltas held
 * until the next macrotask (setImmediate) are that read's. Deltas of one kind in a row are joined;
 * any other event, or `flush`, posts the held text first, so the order is kept.
 */
import { type ChatStreamEvent } from './protocol';

type Delta = Extract<ChatStreamEvent, { kind: 'contentDelta' | 'reasoningDelta' }>;

export class DeltaCoalescer {
  private held: Delta | undefined;
  private timer: ReturnType<typeof setImmediate> | undefined;

  constructor(private readonly post: (event: ChatStreamEvent) => void) {}

  push(event: ChatStreamEvent): void {
    if (event.kind !== 'contentDelta' && event.kind !== 'reasoningDelta') {
      this.flush();
      this.post(event);
      return;
    }
    if (this.held?.kind === event.kind) {
      this.held.text += event.text;
      return;
    }
    this.flush();
    this.held = { ...event };
    this.timer = setImmediate(() => this.flush());
  }

  /** Posts the held text now (before a snapshot that already holds it, or the end of the answer). */
  flush(): void {
    if (this.timer !== undefined) clearImmediate(this.timer);
    this.timer = undefined;
    const held = this.held;
    this.held = undefined;
    if (held !== undefined) this.post(held);
  }
}
