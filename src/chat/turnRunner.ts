/**
 * Runs one assistant answer: sends the conversation, streams reasoning and content to the panel,
 * runs the model's tool calls in the sandbox and sends their results back, round after round, up to
 * the tool-round cap. It never throws: a stop or an error ends the answer with what arrived so far
 * kept in the returned entry, marked `stopped` or carrying the error and its action.
 */
import * as l10n from '@vscode/l10n';
import { AbortError, isGrokError } from '../provider/errors';
import { cutReason } from '../platform/cutAnswer';
import { MAX_OUTPUT_TOKENS } from '../provider/models';
import { addUsage, ZERO_USAGE } from '../provider/usageSchema';
import { type ChatMessage, type GenerateRequest, type GenerateResult, type RetryNotice, type StreamEvent, type ToolCall, type Usage } from '../provider/types';
import { fitConversation } from './contextBudget';
import { ContextTooLongError, toErrorView } from './errorView';
import { type AnswerStep, type AssistantEntry, type Entry, type StoredToolCall } from './historySchema';
import { type ChatStreamEvent } from './protocol';
import { type WorkspaceTools } from './tools/workspaceTools';
import { STEP_SEPARATOR, toolCallView, usageView } from './transcriptView';
import { toWireMessages } from './wireMessages';

/** What the chat needs of the provider (GrokCodeFast1Provider has it). */
export interface ChatModel {
  streamEvents(request: GenerateRequest): AsyncIterable<StreamEvent>;
}

export type TurnTools = Pick<WorkspaceTools, 'available' | 'definitions' | 'describeCall' | 'run'>;

export interface TurnSettings {
  maxTokens?: number;
  temperature?: number | null;
  /** Rounds of tool calls allowed in one answer; 0 offers no tools. */
  maxToolRounds: number;
  /** The model's context window in tokens (ModelFacts.contextWindow); older turns are left out to stay within it. */
  contextWindow?: number;
}

export interface TurnOptions {
  conversationId: string;
  /** The conversation so far, ending with the user entry to answer. */
  entries: readonly Entry[];
  answerId: string;
  model: ChatModel;
  tools?: TurnTools;
  settings: TurnSettings;
  signal: AbortSignal;
  now: () => number;
  /** Live events for the panel (deltas, tool calls, usage); `done`/`error` are the caller's to send. */
  onEvent: (event: ChatStreamEvent) => void;
  /** Called after each finished step, so the caller can save the answer so far. */
  onStep?: (entry: AssistantEntry) => void;
  /** The instruction files' system message (instructionFiles.ts), when the workspace has any in use. */
  instructions?: string;
  /** Told before the provider retries a request by itself (a 429's wait), for the panel's countdown. */
  onRetry?: (notice: RetryNotice) => void;
  /** Told each request's estimated input cost (USD) before it is sent, for the panel's estimate notice. */
  onEstimate?: (inputUsd: number) => void;
}

function isEmptyStep(step: AnswerStep): boolean {
  return step.content === '' && (step.reasoning ?? '') === '' && (step.toolCalls ?? []).length === 0;
}

// not UI text: the tool result the model reads
export const TOOL_LIMIT_RESULT = 'Error: no more tool calls are allowed in this answer. Answer with what you have.';

export async function runTurn(options: TurnOptions): Promise<AssistantEntry> {
  const { model, tools, settings, signal, now, onEvent } = options;
  const started = now();
  const entry: AssistantEntry = { role: 'assistant', id: options.answerId, createdAt: started, steps: [] };
  const toolsOffered = tools !== undefined && tools.available && settings.maxToolRounds > 0;
  let firstTokenAt: number | undefined;
  let usage: Usage | undefined;
  let toolRounds = 0;
  // The panel shows an answer's steps as one message: separate them as the snapshot will.
  const shown = { content: false, reasoning: false };

  const emitDelta = (kind: 'content' | 'reasoning', text: string, stepHasText: boolean) => {
    firstTokenAt ??= now();
    const separator = shown[kind] && !stepHasText ? STEP_SEPARATOR : '';
    shown[kind] = true;
    onEvent({ kind: kind === 'content' ? 'contentDelta' : 'reasoningDelta', text: separator + text });
  };
  const finish = (): AssistantEntry => {
    entry.steps = entry.steps.filter((step) => !isEmptyStep(step));
    entry.latencyMs = now() - started;
    entry.timeToFirstTokenMs = firstTokenAt === undefined ? null : firstTokenAt - started;
    if (usage !== undefined) entry.usage = usage;
    return entry;
  };

  try {
    for (;;) {
      const request = buildRequest(options, entry, toolsOffered, toolRounds < settings.maxToolRounds);
      const step: AnswerStep = { content: '' };
      entry.steps.push(step);
      const announced: ToolCall[] = [];
      let result: GenerateResult | undefined;
      for await (const event of model.streamEvents(request)) {
        if (signal.aborted) throw new AbortError();
        if (event.type === 'reasoning') {
          emitDelta('reasoning', event.text, (step.reasoning ?? '') !== '');
          step.reasoning = (step.reasoning ?? '') + event.text;
        } else if (event.type === 'content') {
          emitDelta('content', event.text, step.content !== '');
          step.content += event.text;
        } else if (event.type === 'tool_call') {
          announced.push(event.call);
        } else if (event.type === 'done') {
          result = event.result;
        }
      }
      if (signal.aborted) throw new AbortError();
      if (result === undefined) throw new Error(l10n.t('The answer ended before the model finished it.'));

      // The finished result is what the server produced: keep it exactly, for the cache prefix.
      step.content = result.content;
      if (result.reasoning !== '') step.reasoning = result.reasoning;
      if (result.reasoningItems?.length) step.reasoningItems = result.reasoningItems;
      usage = addUsage(usage ?? ZERO_USAGE, result.usage);
      const view = usageView({ ...entry, usage, latencyMs: now() - started, timeToFirstTokenMs: firstTokenAt === undefined ? null : firstTokenAt - started });
      if (view !== undefined) onEvent({ kind: 'usage', usage: view });

      const calls = result.toolCalls.length > 0 ? result.toolCalls : announced;
      const cut = cutReason(result.finishReason);
      if (cut !== undefined) entry.cut = { reason: cut, maxTokens: settings.maxTokens ?? MAX_OUTPUT_TOKENS };
      if (calls.length === 0) break;
      step.toolCalls = calls.map((call): StoredToolCall => ({ ...call, argsSummary: tools?.describeCall(call) ?? '' }));
      if (!toolsOffered || toolRounds >= settings.maxToolRounds) {
        for (const call of step.toolCalls) Object.assign(call, { result: TOOL_LIMIT_RESULT, ok: false, resultSummary: l10n.t('tool limit reached') });
        entry.error = {
          code: 'tool_limit',
          message: l10n.t('The model asked for more tool calls than allowed (grokCodeFast.chat.maxToolRounds = {0}).', settings.maxToolRounds),
          action: 'none',
        };
        break;
      }
      toolRounds++;
      for (const call of step.toolCalls) {
        onEvent({ kind: 'toolCall', call: toolCallView(call, 'running') });
        // A tool that ignores the signal (a read that never returns) must not keep the turn alive after Stop.
        const run = await untilAborted(tools!.run(call, signal), signal);
        Object.assign(call, { result: run.content, ok: run.ok, argsSummary: run.argsSummary, resultSummary: run.resultSummary });
        onEvent({ kind: 'toolCall', call: toolCallView(call, run.ok ? 'done' : 'error') });
      }
      options.onStep?.(entry);
    }
  } catch (error) {
    if (signal.aborted || (isGrokError(error) && error.code === 'aborted')) entry.stopped = true;
    else entry.error = toErrorView(error);
  }
  return finish();
}

/** `work`'s result, or an AbortError as soon as `signal` aborts, whichever comes first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new AbortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The conversation's messages, within the model's context when its window is known. */
function messagesFor(entries: readonly Entry[], settings: TurnSettings, instructions: string | undefined): ChatMessage[] {
  if (settings.contextWindow === undefined) return toWireMessages(entries, instructions);
  const limits = { contextWindow: settings.contextWindow, maxOutputTokens: settings.maxTokens ?? MAX_OUTPUT_TOKENS };
  const fitted = fitConversation(entries, limits, instructions);
  if (!fitted.fits) throw new ContextTooLongError(fitted.tokens, settings.contextWindow);
  return fitted.messages;
}

function buildRequest(options: TurnOptions, answer: AssistantEntry, toolsOffered: boolean, toolsAllowed: boolean): GenerateRequest {
  const { settings } = options;
  return {
    messages: messagesFor([...options.entries, answer], settings, options.instructions),
    metadata: { feature: 'chat', conversationId: options.conversationId },
    options: {
      signal: options.signal,
      ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
      ...(options.onEstimate === undefined ? {} : { onEstimate: options.onEstimate }),
      ...(settings.maxTokens === undefined ? {} : { maxTokens: settings.maxTokens }),
      ...(settings.temperature === undefined || settings.temperature === null ? {} : { temperature: settings.temperature }),
      // The tool list stays in every request of the conversation (it is part of the cached prefix);
      // once the rounds are used up the model is told not to call them.
      ...(toolsOffered ? { tools: options.tools!.definitions, toolChoice: toolsAllowed ? 'auto' : 'none' } : {}),
    },
  };
}
