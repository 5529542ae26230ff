/**
 * One request on either wire format behind one shape: the request body built from the core's
 * request, and per attempt the core's events a network read at a time plus the assembled answer.
 * The provider picks the format from its `wireApi` setting and sees nothing else of it.
 */
import { type PartialAnswer } from '../errors';
import { type ModelPricing } from '../models';
import { buildChatRequestBody, type BodySettings } from '../prompt';
import { buildResponsesRequestBody } from '../responsesPrompt';
import { type GenerateRequest, type StreamEvent, type Usage } from '../types';
import { ResponsesAssembler } from './responsesAssembler';
import { type ResponsesInputItem, type ResponsesRequestBody } from './responsesWire';
import { type AssembledAnswer } from './answerAssembler';
import { StreamAssembler } from './streamAssembler';
import { type ChatRequestBody, wireMessageText } from './wire';
import { type StreamOptions, type XaiClient } from './xaiClient';

export type WireApi = 'responses' | 'chat-completions';

export type WireRequest = { api: 'chat-completions'; body: ChatRequestBody } | { api: 'responses'; body: ResponsesRequestBody };

export function buildWireRequest(api: WireApi, request: GenerateRequest, settings: BodySettings & { conversationId?: string }): WireRequest {
  return api === 'responses'
    ? { api, body: buildResponsesRequestBody(request, settings) }
    : { api, body: buildChatRequestBody(request, settings) };
}

/** The prompt's text, for estimates before the server counts tokens. */
export function promptTextOf(request: WireRequest): string {
  if (request.api === 'chat-completions') return request.body.messages.map(wireMessageText).join('\n');
  return request.body.input.map(inputItemText).join('\n');
}

function inputItemText(item: ResponsesInputItem): string {
  if ('content' in item) return typeof item.content === 'string' ? item.content : item.content.map((part) => (part.type === 'input_text' ? part.text : '')).join('');
  if ('output' in item) return JSON.stringify(item.output);
  return 'arguments' in item ? item.arguments : '';
}

export interface AnswerAttempt {
  /** The core's events of each network read that carried any (never an empty batch). */
  events: AsyncGenerator<StreamEvent[]>;
  /** What arrived so far, for an error that ends the stream. */
  partial(): PartialAnswer;
  /** The usage the server reported for this attempt, whether it ends in an answer or an error. */
  billed(): Usage | undefined;
  /** The events still owed and the whole answer; throws for an empty one unless `emptyIsAnswer`. */
  finish(emptyIsAnswer?: boolean): { events: StreamEvent[]; answer: AssembledAnswer };
}

interface Assembler<T> {
  accept(items: readonly T[]): StreamEvent[];
  partial(): PartialAnswer;
  billed(): Usage | undefined;
  finish(emptyIsAnswer?: boolean): { events: StreamEvent[]; answer: AssembledAnswer };
}

async function* eventsOf<T>(batches: AsyncGenerator<T[]>, assembler: Assembler<T>): AsyncGenerator<StreamEvent[]> {
  for await (const items of batches) {
    const events = assembler.accept(items);
    if (events.length > 0) yield events;
  }
}

function attemptOf<T>(batches: AsyncGenerator<T[]>, assembler: Assembler<T>): AnswerAttempt {
  return { events: eventsOf(batches, assembler), partial: () => assembler.partial(), billed: () => assembler.billed(), finish: (emptyIsAnswer) => assembler.finish(emptyIsAnswer) };
}

export function startAttempt(
  client: XaiClient,
  request: WireRequest,
  model: { id: string; pricingFor: (servedModel: string) => ModelPricing | undefined },
  options: StreamOptions,
): AnswerAttempt {
  return request.api === 'responses'
    ? attemptOf(client.streamResponses(request.body, options), new ResponsesAssembler(model.id, model.pricingFor))
    : attemptOf(client.streamChat(request.body, options), new StreamAssembler(model.id, model.pricingFor));
}
