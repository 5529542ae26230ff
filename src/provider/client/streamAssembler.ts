/**
 * Turns Chat Completions chunks into the core's stream events and, at the end, the whole answer
 * (the shared part is answerAssembler.ts). Tool calls are
 * assembled by `index` and `id` together, whether they arrive whole (xAI) or with `arguments` in
 * fragments (other OpenAI-compatible servers): a new id on an index in use starts a new call (some
 * gateways send every whole call as index 0), and a fragment without an index follows the last id
 * seen. Each call is emitted once, when the answer finishes.
 */
import { type FinishReason, type StreamEvent, type ToolCall } from '../types';
import { AnswerAssembler } from './answerAssembler';
import { usageFromWire } from './usage';
import { type ChatChunk, type WireToolCallDelta, type WireUsage } from './wire';


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

/** A usage object with at least one count: one of nulls only says nothing yet. */
function hasCounts(usage: WireUsage): boolean {
  return usage.prompt_tokens != null || usage.completion_tokens != null || usage.cost_in_usd_ticks != null;
}

export class StreamAssembler extends AnswerAssembler<ChatChunk> {
  /** In the order they started. */
  private readonly calls: PartialToolCall[] = [];
  /** The call each wire index currently names. */
  private readonly callAtIndex = new Map<number, PartialToolCall>();
  /** The call of the last id seen: where a fragment without an index goes. */
  private lastCall: PartialToolCall | undefined;
  private rawFinish: string | undefined;

  protected acceptOne(chunk: ChatChunk, events: StreamEvent[]): void {
    if (chunk.model) this.served(chunk.model);
    if (chunk.usage && hasCounts(chunk.usage)) this.usage = usageFromWire(chunk.usage, this.pricing);
    const choice = firstChoice(chunk);
    if (!choice) return;
    const delta = choice.delta;
    if (delta) {
      this.addReasoning(delta.reasoning_content, events);
      this.addContent(delta.content, events);
      if (delta.tool_calls) for (const fragment of delta.tool_calls) this.mergeToolCall(fragment);
    }
    if (choice.finish_reason != null) {
      this.rawFinish = choice.finish_reason;
      this.emitToolCalls(events);
    }
  }

  private mergeToolCall(fragment: WireToolCallDelta): void {
    const call = this.callFor(fragment);
    if (fragment.id) {
      call.id = fragment.id;
      this.lastCall = call;
    }
    if (fragment.function?.name) call.name += fragment.function.name;
    if (fragment.function?.arguments) call.arguments += fragment.function.arguments;
  }

  /** The call a fragment adds to, started when it is new. */
  private callFor(fragment: WireToolCallDelta): PartialToolCall {
    const { index, id } = fragment;
    if (index != null) {
      const current = this.callAtIndex.get(index);
      if (current && !(id && current.id && id !== current.id)) return current;
      const started = this.start();
      this.callAtIndex.set(index, started);
      return started;
    }
    if (id) return this.calls.find((call) => call.id === id) ?? this.start();
    return this.lastCall ?? this.calls[this.calls.length - 1] ?? this.start();
  }

  private start(): PartialToolCall {
    const call: PartialToolCall = { name: '', arguments: '' };
    this.calls.push(call);
    return call;
  }

  protected toolCalls(): ToolCall[] {
    return this.calls.map((call, position) => ({ id: call.id ?? `call_${position}`, name: call.name, arguments: call.arguments }));
  }

  protected finishReason(hasToolCalls: boolean): FinishReason {
    const raw = this.rawFinish as FinishReason | undefined;
    if (raw && FINISH_REASONS.includes(raw)) return raw;
    return hasToolCalls ? 'tool_calls' : 'unknown';
  }
}
