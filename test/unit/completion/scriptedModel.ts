/** A CompletionModel for tests: answers each request with scripted chunks on a virtual clock, and records what it was sent. */
import type { CompletionModel } from '../../../src/completion/types';
import type { FinishReason, GenerateRequest, StreamEvent } from '../../../src/provider/types';
import { ZERO_USAGE } from '../../../src/provider/usageSchema';
import type { VirtualClock } from '../../../bench/inline/virtualClock';

export interface ScriptedAnswer {
  /** Clock ms before the first content chunk (the model's reasoning time). */
  latencyMs: number;
  chunks: string[];
  /** Clock ms between chunks. */
  chunkGapMs?: number;
  /** Ends the stream with a `done` event carrying this finish reason, as the provider does. */
  finishReason?: FinishReason;
}

export class ScriptedModel implements CompletionModel {
  readonly requests: GenerateRequest[] = [];
  /** Chunks actually delivered, per request. */
  readonly delivered: string[][] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly answer: (request: GenerateRequest, index: number) => ScriptedAnswer,
  ) {}

  signal(index: number): AbortSignal | undefined {
    return this.requests[index]?.options?.signal;
  }

  async *streamEvents(request: GenerateRequest): AsyncIterable<StreamEvent> {
    const index = this.requests.length;
    this.requests.push(request);
    this.delivered.push([]);
    const { latencyMs, chunks, chunkGapMs = 5, finishReason } = this.answer(request, index);
    const signal = request.options?.signal;
    yield { type: 'reasoning', text: 'thinking' };
    await this.clock.sleep(latencyMs, signal);
    for (const [i, text] of chunks.entries()) {
      if (i > 0) await this.clock.sleep(chunkGapMs, signal);
      this.delivered[index].push(text);
      yield { type: 'content', text };
    }
    if (finishReason === undefined) return;
    const result = { content: chunks.join(''), reasoning: 'thinking', toolCalls: [], finishReason, model: 'scripted', usage: ZERO_USAGE };
    yield { type: 'done', result: { ...result, metadata: { requestId: `scripted-${index}`, latencyMs, timeToFirstTokenMs: latencyMs } } };
  }
}
