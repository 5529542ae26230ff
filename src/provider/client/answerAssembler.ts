/**
 * What both wire formats' assemblers share: the answer's text and reasoning as they arrive (kept
 * apart and joined once at the end, so a long answer is not re-copied per token), the served model,
 * usage, tool calls emitted once, and the whole answer at the end. An answer with neither text nor
 * tool calls is an error, retryable once if nothing of it reached the caller, unless the request
 * accepts an empty answer (ghost text: the model had nothing to suggest).
 */
import * as l10n from '@vscode/l10n';
import { ApiError, type PartialAnswer } from '../errors';
import { type ModelPricing } from '../models';
import { type FinishReason, type GenerateResult, type StreamEvent, type ToolCall, type Usage } from '../types';
import { safeModelId } from '../identifiers';
import { RetryableFailure } from './retry';

/** The ApiError message for an answer with neither text nor tool calls (xAI sometimes ends a stream so). */
export const EMPTY_ANSWER_MESSAGE = l10n.t('The model returned an empty answer (no text and no tool calls).');

/** The result but for the request's timings; `usage` is undefined when the server sent none. */
export type AssembledAnswer = Omit<GenerateResult, 'usage' | 'metadata'> & { usage?: Usage };

/** The answer stopped before the model finished it: the output limit or a content filter cut it. */
export function isCut(reason: FinishReason): boolean {
  return reason === 'length' || reason === 'content_filter';
}

export abstract class AnswerAssembler<T> {
  private readonly content: string[] = [];
  private readonly reasoning: string[] = [];
  private callsEmitted = false;
  protected usage: Usage | undefined;
  protected model: string;

  /** `pricingFor` gets the model that served the request (the answer's `model`): billing follows it. */
  constructor(
    requestedModel: string,
    private readonly pricingFor: (servedModel: string) => ModelPricing | undefined,
  ) {
    this.model = requestedModel;
  }

  /**
   * Takes the answer's `model` as the served model, bounded like a requested one (identifiers.ts):
   * a server's 300-character or `=HYPERLINK(…)` name is recorded and shown as `unrecognized-model`.
   */
  protected served(model: string): void {
    this.model = safeModelId(model);
  }

  /** The events these wire items (one network read's) carry, in order. */
  accept(items: readonly T[]): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const item of items) this.acceptOne(item, events);
    return events;
  }

  /** The text and reasoning received so far (for an error that ends the stream). */
  partial(): PartialAnswer {
    return { content: this.content.join(''), reasoning: this.reasoning.join('') };
  }

  /** What the server billed for this attempt so far (also from a failed or empty one); undefined when it said nothing. */
  billed(): Usage | undefined {
    return this.usage;
  }

  /**
   * The events still owed at the end of the stream (tool calls not yet emitted), then the whole
   * answer. The usage event is the provider's: a request's usage sums all its attempts. With
   * `emptyIsAnswer`, an answer that stopped with no text and no calls is returned as it is.
   */
  finish(emptyIsAnswer = false): { events: StreamEvent[]; answer: AssembledAnswer } {
    const events: StreamEvent[] = [];
    this.emitToolCalls(events);
    const calls = this.toolCalls();
    const finishReason = this.finishReason(calls.length > 0);
    const answer: AssembledAnswer = {
      content: this.content.join(''),
      reasoning: this.reasoning.join(''),
      toolCalls: isCut(finishReason) ? [] : calls,
      finishReason,
      model: this.model,
      usage: this.usage,
      ...this.extras(),
    };
    // A cut answer whose only output was a call it may not run is still an answer: the surface says it was cut.
    if (answer.content === '' && calls.length === 0) {
      if (answer.finishReason === 'length') {
        throw new ApiError(l10n.t('The model used all its output tokens before answering. Raise maxTokens or shorten the request.'));
      }
      if (emptyIsAnswer && answer.finishReason === 'stop') return { events, answer };
      throw new RetryableFailure(new ApiError(EMPTY_ANSWER_MESSAGE), { once: true });
    }
    return { events, answer };
  }

  /** The prices of the model that served the request, as far as the answer has told it. */
  protected get pricing(): ModelPricing | undefined {
    return this.pricingFor(this.model);
  }

  protected abstract acceptOne(item: T, events: StreamEvent[]): void;
  protected abstract toolCalls(): ToolCall[];
  protected abstract finishReason(hasToolCalls: boolean): FinishReason;

  /** Fields only one wire format has. */
  protected extras(): Partial<AssembledAnswer> {
    return {};
  }

  protected addContent(text: string | null | undefined, events: StreamEvent[]): void {
    if (!text) return;
    this.content.push(text);
    events.push({ type: 'content', text });
  }

  protected addReasoning(text: string | null | undefined, events: StreamEvent[]): void {
    if (!text) return;
    this.reasoning.push(text);
    events.push({ type: 'reasoning', text });
  }

  /**
   * Emits the tool calls, once: when the answer finishes or at the end of the stream. Never for an
   * answer cut by the output limit or a content filter: its calls may be cut too (a path ending in
   * the middle), and running them acts on what the model did not finish.
   */
  protected emitToolCalls(events: StreamEvent[]): void {
    if (this.callsEmitted) return;
    const calls = this.toolCalls();
    if (calls.length === 0 || isCut(this.finishReason(true))) return;
    this.callsEmitted = true;
    for (const call of calls) events.push({ type: 'tool_call', call });
  }
}
