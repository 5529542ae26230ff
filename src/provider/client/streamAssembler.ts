/**
 * Turns wire chunks into the core's stream events and, at the end, the whole answer. Tool calls are
 * assembled by `index` whether they arrive whole (xAI) or with `arguments` in fragments (other
 * OpenAI-compatible servers), and each is emitted once, when the answer finishes. An answer with
 * neither text nor tool calls is an error, retryable once if nothing of it reached the caller.
 */
import { ApiError } from '../errors';
import { type FinishReason, type GenerateResult, type StreamEvent, type ToolCall, type Usage } from '../types';
import { RetryableFailure } from './retry';
import { type ModelPricing } from '../models';
import { usageFromWire } from './usage';
import { type ChatChunk, type WireToolCallDelta } from './wire';

/** The ApiError message for an answer with neither text nor tool calls (xAI sometimes ends a stream so). */
export const EMPTY_ANSWER_MESSAGE = 'The model returned an empty answer (no text and no tool calls).';

/** The result but for the request's timings; `usage` is undefined when the server sent none. */
export type AssembledAnswer = Omit<GenerateResult, 'usage' | 'metadata'> & { usage?: Usage };

const FINISH_REASONS: readonly FinishReason[] = ['stop', 'length', 'tool_calls', 'content_filter'];

type WireChoice = NonNullable<ChatChunk['choices']>[number];

/** The choice of index 0 (a missing index counts as 0); servers stream one choice. */
function firstChoice(chunk: ChatChunk): WireChoice | undefined {
  const choices = chunk.choices;
  if (!choices) return undefined;
  for (const choice of choices) if ((choice.index ?? 0) === 0) return choice;
  return undefined;
}

interface PartialToolCall {
  id?: string;
  name: string;
  arguments: string;
}

export class StreamAssembler {
  /** Deltas kept apart and joined once at the end: no re-copying of a long answer per token. */
  private readonly content: string[] = [];
  private readonly reasoning: string[] = [];
  private readonly calls = new Map<number, PartialToolCall>();
  private rawFinish: string | undefined;
  private callsEmitted = false;
  private usage: Usage | undefined;
  private model: string;

  constructor(
    requestedModel: string,
    private readonly pricing: ModelPricing | undefined,
  ) {
    this.model = requestedModel;
  }

  /** The events these chunks (one network read's) carry, in order. */
  accept(chunks: readonly ChatChunk[]): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const chunk of chunks) this.acceptOne(chunk, events);
    return events;
  }

  private acceptOne(chunk: ChatChunk, events: StreamEvent[]): void {
    if (chunk.model) this.model = chunk.model;
    if (chunk.usage) this.usage = usageFromWire(chunk.usage, this.pricing);
    const choice = firstChoice(chunk);
    if (!choice) return;
    const delta = choice.delta;
    if (delta) {
      if (delta.reasoning_content) {
        this.reasoning.push(delta.reasoning_content);
        events.push({ type: 'reasoning', text: delta.reasoning_content });
      }
      if (delta.content) {
        this.content.push(delta.content);
        events.push({ type: 'content', text: delta.content });
      }
      if (delta.tool_calls) for (const fragment of delta.tool_calls) this.mergeToolCall(fragment);
    }
    if (choice.finish_reason) {
      this.rawFinish = choice.finish_reason;
      this.emitToolCalls(events);
    }
  }

  /**
   * The events still owed at the end of the stream (tool calls not yet emitted, usage), then the
   * whole answer. Usage waits for the end so an empty answer can still be retried unseen.
   */
  finish(): { events: StreamEvent[]; answer: AssembledAnswer } {
    const events: StreamEvent[] = [];
    this.emitToolCalls(events);
    if (this.usage) events.push({ type: 'usage', usage: this.usage });
    const toolCalls = this.toolCalls();
    const answer: AssembledAnswer = {
      content: this.content.join(''),
      reasoning: this.reasoning.join(''),
      toolCalls,
      finishReason: this.finishReason(toolCalls.length > 0),
      model: this.model,
      usage: this.usage,
    };
    if (answer.content === '' && toolCalls.length === 0) {
      if (answer.finishReason === 'length') {
        throw new ApiError('The model used all its output tokens before answering. Raise maxTokens or shorten the request.');
      }
      throw new RetryableFailure(new ApiError(EMPTY_ANSWER_MESSAGE), { once: true });
    }
    return { events, answer };
  }

  private mergeToolCall(fragment: WireToolCallDelta): void {
    const index = fragment.index ?? this.indexWithoutOne(fragment);
    const call = this.calls.get(index) ?? { name: '', arguments: '' };
    if (fragment.id) call.id = fragment.id;
    if (fragment.function?.name) call.name += fragment.function.name;
    if (fragment.function?.arguments) call.arguments += fragment.function.arguments;
    this.calls.set(index, call);
  }

  /** A fragment without `index`: a new call when it brings a new id, else the latest call. */
  private indexWithoutOne(fragment: WireToolCallDelta): number {
    const latest = this.calls.size - 1;
    const isNew = latest < 0 || (fragment.id != null && fragment.id !== this.calls.get(latest)?.id);
    return isNew ? this.calls.size : latest;
  }

  private toolCalls(): ToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({ id: call.id ?? `call_${index}`, name: call.name, arguments: call.arguments }));
  }

  private emitToolCalls(events: StreamEvent[]): void {
    if (this.callsEmitted || this.calls.size === 0) return;
    this.callsEmitted = true;
    for (const call of this.toolCalls()) events.push({ type: 'tool_call', call });
  }

  private finishReason(hasToolCalls: boolean): FinishReason {
    const raw = this.rawFinish as FinishReason | undefined;
    if (raw && FINISH_REASONS.includes(raw)) return raw;
    return hasToolCalls ? 'tool_calls' : 'unknown';
  }
}
