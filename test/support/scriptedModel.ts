/**
 * A fake chat model for tests: each request plays the next script. A script step is a stream event,
 * a number (advance the shared clock by that many ms), 'hang' (wait until the request is aborted)
 * or an Error (thrown there). Requests are recorded as JSON copies (without the signal).
 */
import { AbortError } from '../../src/provider/errors';
import { type GenerateRequest, type GenerateResult, type StreamEvent, type ToolCall, type Usage } from '../../src/provider/types';
import { type ChatModel } from '../../src/chat/turnRunner';

export type ScriptStep = StreamEvent | number | 'hang' | Error;

export class TestClock {
  constructor(public time = 1_000_000) {}
  readonly now = () => this.time;
}

export class ScriptedModel implements ChatModel {
  readonly requests: GenerateRequest[] = [];
  readonly signals: AbortSignal[] = [];

  constructor(
    private readonly scripts: ScriptStep[][],
    private readonly clock = new TestClock(),
  ) {}

  async *streamEvents(request: GenerateRequest): AsyncIterable<StreamEvent> {
    const { signal, ...options } = request.options ?? {};
    this.requests.push(JSON.parse(JSON.stringify({ ...request, options })));
    if (signal !== undefined) this.signals.push(signal);
    const script = this.scripts.shift();
    if (script === undefined) throw new Error('ScriptedModel: no script left for this request');
    for (const step of script) {
      if (typeof step === 'number') this.clock.time += step;
      else if (step instanceof Error) throw step;
      else if (step === 'hang') {
        await new Promise<void>((_, reject) => {
          if (signal?.aborted) reject(new AbortError());
          signal?.addEventListener('abort', () => reject(new AbortError()));
        });
      } else yield step;
    }
  }
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
export function response(parts: { reasoning?: string; content?: string; toolCalls?: ToolCall[]; usage?: Usage; delayMs?: number }): ScriptStep[] {
  const words = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];
  const result: GenerateResult = {
    content: parts.content ?? '',
    reasoning: parts.reasoning ?? '',
    toolCalls: parts.toolCalls ?? [],
    finishReason: (parts.toolCalls ?? []).length > 0 ? 'tool_calls' : 'stop',
    model: 'grok-code-fast-1',
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
