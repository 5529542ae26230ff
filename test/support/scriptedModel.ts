/**
 * The one fake model of the unit tests (chat turns and inline completions): each request plays a
 * script of steps on the shared FakeClock. A step is a stream event; a number (that many ms pass at
 * once, `clock.tick`); `{ sleepMs }` (wait that long on the clock's timers, cancelled by the
 * request's signal: the test moves time with `clock.advance`); 'hang' (wait until the request is
 * aborted); or an Error (thrown there). Requests are recorded as JSON copies without the signal;
 * the signals and the content delivered are kept per request.
 */
import { AbortError } from '../../src/provider/errors';
import { type FinishReason, type GenerateRequest, type GenerateResult, type ReasoningItem, type StreamEvent, type ToolCall, type Usage } from '../../src/provider/types';
import { ZERO_USAGE } from '../../src/provider/usageSchema';
import { FakeClock } from './fakeClock';

export type ScriptStep = StreamEvent | number | { sleepMs: number } | 'hang' | Error;

/** The scripts in request order, or a function giving request `index`'s script. */
export type Scripts = ScriptStep[][] | ((request: GenerateRequest, index: number) => ScriptStep[]);

export class ScriptedModel {
  readonly requests: GenerateRequest[] = [];
  /** Each request's abort signal (undefined when it had none), by request index. */
  readonly signals: (AbortSignal | undefined)[] = [];
  /** The content texts actually yielded, by request index. */
  readonly delivered: string[][] = [];

  constructor(
    private readonly scripts: Scripts,
    private readonly clock = new FakeClock(1_000_000),
  ) {}

  signal(index: number): AbortSignal | undefined {
    return this.signals[index];
  }

  async *streamEvents(request: GenerateRequest): AsyncIterable<StreamEvent> {
    const index = this.requests.length;
    const { signal, ...options } = request.options ?? {};
    this.requests.push(JSON.parse(JSON.stringify({ ...request, options })));
    this.signals.push(signal);
    this.delivered.push([]);
    const script = typeof this.scripts === 'function' ? this.scripts(request, index) : this.scripts.shift();
    if (script === undefined) throw new Error('ScriptedModel: no script left for this request');
    for (const step of script) {
      if (typeof step === 'number') this.clock.tick(step);
      else if (step instanceof Error) throw step;
      else if (step === 'hang') await hang(signal);
      else if ('sleepMs' in step) await this.clock.sleep(step.sleepMs, signal);
      else {
        if (step.type === 'content') this.delivered[index].push(step.text);
        yield step;
      }
    }
  }
}

function hang(signal: AbortSignal | undefined): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(new AbortError());
    signal?.addEventListener('abort', () => reject(new AbortError()));
  });
}

export interface ScriptedAnswer {
  /** Clock ms before the first content chunk (the model's reasoning time). */
  latencyMs: number;
  chunks: string[];
  /** Clock ms between chunks; default 5. */
  chunkGapMs?: number;
  /** Ends the stream with a `done` event carrying this finish reason, as the provider does. */
  finishReason?: FinishReason;
}

/**
 * A streamed completion: reasoning first, `latencyMs` on the clock before the first chunk, then the chunks `chunkGapMs` apart,
 * and a `done` event when `finishReason` is given.
 */
export function streamedChunks(parts: ScriptedAnswer): ScriptStep[] {
  const { latencyMs, chunks, chunkGapMs = 5, finishReason } = parts;
  const steps: ScriptStep[] = [
    { type: 'reasoning', text: 'thinking' },
    { sleepMs: latencyMs },
    ...chunks.flatMap((text, i): ScriptStep[] => [...(i > 0 ? [{ sleepMs: chunkGapMs }] : []), { type: 'content', text }]),
  ];
  if (finishReason === undefined) return steps;
  const result = { content: chunks.join(''), reasoning: 'thinking', toolCalls: [], finishReason, model: 'scripted', usage: ZERO_USAGE };
  return [...steps, { type: 'done', result: { ...result, metadata: { requestId: 'scripted', latencyMs, timeToFirstTokenMs: latencyMs } } }];
}

export function usage(promptTokens: number, completionTokens: number, extra: Partial<Usage> = {}): Usage {
  const reasoningTokens = extra.reasoningTokens ?? 0;
  return {
    promptTokens,
    completionTokens,
    reasoningTokens,
    cachedTokens: extra.cachedTokens ?? 0,
    totalTokens: promptTokens + completionTokens + reasoningTokens,
    costUsd: extra.costUsd ?? 0.001,
  };
}

/** The events of one complete response: reasoning and content in word-sized deltas, tool calls, done. */
export function response(parts: {
  reasoning?: string;
  /** The Responses API's reasoning items of the answer. */
  reasoningItems?: ReasoningItem[];
  content?: string;
  toolCalls?: ToolCall[];
  usage?: Usage;
  delayMs?: number;
  finishReason?: FinishReason;
}): ScriptStep[] {
  const words = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];
  const result: GenerateResult = {
    content: parts.content ?? '',
    reasoning: parts.reasoning ?? '',
    toolCalls: parts.toolCalls ?? [],
    finishReason: parts.finishReason ?? ((parts.toolCalls ?? []).length > 0 ? 'tool_calls' : 'stop'),
    model: 'grok-code-fast-1',
    ...(parts.reasoningItems ? { reasoningItems: parts.reasoningItems } : {}),
    usage: parts.usage ?? usage(100, 10),
    metadata: { requestId: 'req', latencyMs: 1, timeToFirstTokenMs: 1 },
  };
  return [
    parts.delayMs ?? 0,
    ...words(parts.reasoning ?? '').map((text): StreamEvent => ({ type: 'reasoning', text })),
    ...words(parts.content ?? '').map((text): StreamEvent => ({ type: 'content', text })),
    ...(parts.toolCalls ?? []).map((call): StreamEvent => ({ type: 'tool_call', call })),
    { type: 'usage', usage: result.usage },
    { type: 'done', result },
  ];
}
