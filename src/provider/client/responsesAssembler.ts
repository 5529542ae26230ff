/**
 * Turns Responses API events into the core's stream events and, at the end, the whole answer, with
 * the same contract as the Chat Completions assembler (the shared part is answerAssembler.ts). Text and reasoning come
 * as deltas; a tool call is keyed by its item id (`item_id` on its argument deltas) and its
 * `call_id` is the id a tool result answers, its arguments arriving as deltas or whole; reasoning
 * items are kept to be sent back next turn. `response.incomplete` finishes with `length` (or
 * `content_filter`). Usage: `output_tokens` includes reasoning, so completion tokens are
 * `output_tokens - reasoning_tokens`, as the core counts them.
 */
import { type ModelPricing } from '../models';
import { type FinishReason, type ReasoningItem, type StreamEvent, type ToolCall, type Usage } from '../types';
import { AnswerAssembler, type AssembledAnswer } from './answerAssembler';
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

export class ResponsesAssembler extends AnswerAssembler<ResponsesEvent> {
  /** By item id, in the order they started. */
  private readonly calls = new Map<string, PartialCall>();
  private readonly reasoningItems: ReasoningItem[] = [];
  private finishedAs: FinishReason | undefined;

  protected acceptOne(event: ResponsesEvent, events: StreamEvent[]): void {
    switch (event.type) {
      case 'response.output_text.delta':
        this.addContent(event.delta, events);
        return;
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        this.addReasoning(event.delta, events);
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
    if (response.model) this.served(response.model);
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

  protected finishReason(hasToolCalls: boolean): FinishReason {
    if (this.finishedAs === undefined) return hasToolCalls ? 'tool_calls' : 'unknown';
    return this.finishedAs === 'stop' && hasToolCalls ? 'tool_calls' : this.finishedAs;
  }

  protected override extras(): Partial<AssembledAnswer> {
    return this.reasoningItems.length > 0 ? { reasoningItems: this.reasoningItems } : {};
  }

  protected toolCalls(): ToolCall[] {
    return [...this.calls.entries()].map(([itemId, call]) => ({ id: call.callId ?? itemId, name: call.name, arguments: call.arguments }));
  }
}
