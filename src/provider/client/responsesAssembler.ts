/**
 * Turns Responses API events into the core's stream events and, at the end, the whole answer, with
 * the same contract as the Chat Completions assembler (streamAssembler.ts). Text and reasoning come
 * as deltas; a tool call is keyed by its item id (`item_id` on its argument deltas) and its
 * `call_id` is the id a tool result answers, its arguments arriving as deltas or whole; reasoning
 * items are kept to be sent back next turn. `response.incomplete` finishes with `length` (or
 * `content_filter`). Usage: `output_tokens` includes reasoning, so completion tokens are
 * `output_tokens - reasoning_tokens`, as the core counts them.
 */
import { type PartialAnswer } from '../errors';
import { type ModelPricing } from '../models';
import { type FinishReason, type ReasoningItem, type StreamEvent, type ToolCall, type Usage } from '../types';
import { rejectEmpty, type AssembledAnswer } from './streamAssembler';
import { usageFromWire } from './usage';
import { type ResponseObject, type ResponsesEvent, type ResponsesOutputItem, type ResponsesUsage } from './responsesWire';

interface PartialCall {
  callId?: string;
  name: string;
  arguments: string;
  /** True once the whole arguments arrived (`.done` or the finished item): later deltas are not added. */
  whole: boolean;
}

function usageOf(wire: ResponsesUsage, pricing: ModelPricing | undefined): Usage | undefined {
  if (wire.input_tokens == null && wire.output_tokens == null && wire.cost_in_usd_ticks == null) return undefined;
  const reasoning = wire.output_tokens_details?.reasoning_tokens ?? 0;
  const output = wire.output_tokens ?? 0;
  return usageFromWire(
    {
      prompt_tokens: wire.input_tokens,
      completion_tokens: Math.max(0, output - reasoning),
      total_tokens: wire.total_tokens,
      prompt_tokens_details: { cached_tokens: wire.input_tokens_details?.cached_tokens },
      completion_tokens_details: { reasoning_tokens: reasoning },
      cost_in_usd_ticks: wire.cost_in_usd_ticks,
    },
    pricing,
  );
}

function finishOf(response: ResponseObject | null | undefined, type: string): FinishReason | undefined {
  if (type === 'response.incomplete' || response?.status === 'incomplete') {
    return response?.incomplete_details?.reason === 'content_filter' ? 'content_filter' : 'length';
  }
  if (type === 'response.completed') return 'stop';
  return undefined;
}

export class ResponsesAssembler {
  private readonly content: string[] = [];
  private readonly reasoning: string[] = [];
  /** By item id, in the order they started. */
  private readonly calls = new Map<string, PartialCall>();
  private readonly reasoningItems: ReasoningItem[] = [];
  private finishedAs: FinishReason | undefined;
  private callsEmitted = false;
  private usage: Usage | undefined;
  private model: string;

  constructor(
    requestedModel: string,
    private readonly pricing: ModelPricing | undefined,
  ) {
    this.model = requestedModel;
  }

  accept(wireEvents: readonly ResponsesEvent[]): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const event of wireEvents) this.acceptOne(event, events);
    return events;
  }

  private acceptOne(event: ResponsesEvent, events: StreamEvent[]): void {
    switch (event.type) {
      case 'response.output_text.delta':
        if (event.delta) {
          this.content.push(event.delta);
          events.push({ type: 'content', text: event.delta });
        }
        return;
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        if (event.delta) {
          this.reasoning.push(event.delta);
          events.push({ type: 'reasoning', text: event.delta });
        }
        return;
      case 'response.output_item.added':
        if (event.item) this.itemStarted(event.item);
        return;
      case 'response.function_call_arguments.delta': {
        const call = event.item_id ? this.callOf(event.item_id) : this.lastCall();
        if (call && !call.whole && event.delta) call.arguments += event.delta;
        return;
      }
      case 'response.function_call_arguments.done': {
        const call = event.item_id ? this.callOf(event.item_id) : this.lastCall();
        if (call && event.arguments != null) {
          call.arguments = event.arguments;
          call.whole = true;
        }
        if (call && event.name) call.name = event.name;
        return;
      }
      case 'response.output_item.done':
        if (event.item) this.itemDone(event.item);
        return;
      default:
        if (event.response) this.takeResponse(event.response, event.type, events);
    }
  }

  private callOf(itemId: string): PartialCall {
    let call = this.calls.get(itemId);
    if (!call) {
      call = { name: '', arguments: '', whole: false };
      this.calls.set(itemId, call);
    }
    return call;
  }

  private lastCall(): PartialCall | undefined {
    let last: PartialCall | undefined;
    for (const call of this.calls.values()) last = call;
    return last;
  }

  private itemStarted(item: ResponsesOutputItem): void {
    if (item.type !== 'function_call') return;
    const call = this.callOf(item.id ?? item.call_id ?? `item_${this.calls.size}`);
    if (item.call_id) call.callId = item.call_id;
    if (item.name) call.name = item.name;
    if (item.arguments) call.arguments = item.arguments;
  }

  private itemDone(item: ResponsesOutputItem): void {
    if (item.type === 'function_call') {
      this.itemStarted(item);
      const call = this.callOf(item.id ?? item.call_id ?? `item_${this.calls.size - 1}`);
      if (item.arguments != null) {
        call.arguments = item.arguments;
        call.whole = true;
      }
    } else if (item.type === 'reasoning' && item.id) {
      const summary = (item.summary ?? []).map((part) => part.text ?? '').join('');
      this.reasoningItems.push({ id: item.id, summary, ...(item.encrypted_content && { encryptedContent: item.encrypted_content }) });
    }
  }

  private takeResponse(response: ResponseObject, type: string, events: StreamEvent[]): void {
    if (response.model) this.model = response.model;
    if (response.usage) this.usage = usageOf(response.usage, this.pricing) ?? this.usage;
    const finish = finishOf(response, type);
    if (finish === undefined) return;
    this.finishedAs = finish;
    // Items the stream never announced (a server that sends only the final snapshot).
    for (const item of response.output ?? []) if (item.type === 'function_call' || (item.type === 'reasoning' && !this.hasReasoningItem(item.id))) this.itemDone(item);
    this.emitToolCalls(events);
  }

  private hasReasoningItem(id: string | null | undefined): boolean {
    return this.reasoningItems.some((item) => item.id === id);
  }

  partial(): PartialAnswer {
    return { content: this.content.join(''), reasoning: this.reasoning.join('') };
  }

  /** As StreamAssembler.finish: owed events, then the whole answer; an empty answer throws. */
  finish(): { events: StreamEvent[]; answer: AssembledAnswer } {
    const events: StreamEvent[] = [];
    this.emitToolCalls(events);
    if (this.usage) events.push({ type: 'usage', usage: this.usage });
    const toolCalls = this.toolCalls();
    const finish = this.finishedAs === 'stop' && toolCalls.length > 0 ? 'tool_calls' : (this.finishedAs ?? (toolCalls.length > 0 ? 'tool_calls' : 'unknown'));
    const answer: AssembledAnswer = {
      content: this.content.join(''),
      reasoning: this.reasoning.join(''),
      toolCalls,
      finishReason: finish,
      model: this.model,
      usage: this.usage,
      ...(this.reasoningItems.length > 0 && { reasoningItems: this.reasoningItems }),
    };
    rejectEmpty(answer);
    return { events, answer };
  }

  private toolCalls(): ToolCall[] {
    return [...this.calls.entries()].map(([itemId, call]) => ({ id: call.callId ?? itemId, name: call.name, arguments: call.arguments }));
  }

  private emitToolCalls(events: StreamEvent[]): void {
    if (this.callsEmitted || this.calls.size === 0) return;
    this.callsEmitted = true;
    for (const call of this.toolCalls()) events.push({ type: 'tool_call', call });
  }
}
