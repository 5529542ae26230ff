/** Stored entries -> the transcript the webview shows, clipped to the protocol's bounds. */
import * as l10n from '@vscode/l10n';
import { describeCut } from '../platform/cutAnswer';
import { type AssistantEntry, type Entry, type StoredToolCall } from './historySchema';
import { PROTOCOL_LIMITS, type ToolCallView, type TranscriptMessage, type UsageView } from './protocol';

const L = PROTOCOL_LIMITS;

/** Steps of one answer are shown as one message, separated like paragraphs. */
export const STEP_SEPARATOR = '\n\n';

export function toolCallView(call: StoredToolCall, status: ToolCallView['status']): ToolCallView {
  return {
    id: call.id.slice(0, L.id) || 'call',
    name: call.name.slice(0, L.label),
    argsSummary: call.argsSummary.slice(0, L.summary),
    status,
    ...(call.resultSummary === undefined ? {} : { resultSummary: call.resultSummary.slice(0, L.summary) }),
  };
}

function storedCallView(call: StoredToolCall): ToolCallView {
  if (call.result === undefined) return toolCallView({ ...call, resultSummary: l10n.t('not run') }, 'error');
  return toolCallView(call, call.ok === false ? 'error' : 'done');
}

export function usageView(entry: AssistantEntry): UsageView | undefined {
  if (entry.usage === undefined) return undefined;
  const { promptTokens, completionTokens, reasoningTokens, cachedTokens, costUsd } = entry.usage;
  return {
    promptTokens,
    completionTokens,
    reasoningTokens,
    cachedTokens,
    costUsd,
    latencyMs: entry.latencyMs ?? 0,
    timeToFirstTokenMs: entry.timeToFirstTokenMs ?? null,
  };
}

function joined(parts: Array<string | undefined>): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join(STEP_SEPARATOR).slice(0, L.text);
}

function assistantMessage(entry: AssistantEntry): TranscriptMessage {
  const reasoning = joined(entry.steps.map((step) => step.reasoning));
  const toolCalls = entry.steps.flatMap((step) => step.toolCalls ?? []).slice(-L.toolCalls).map(storedCallView);
  const usage = usageView(entry);
  return {
    id: entry.id,
    role: 'assistant',
    content: joined(entry.steps.map((step) => step.content)),
    createdAt: entry.createdAt,
    ...(reasoning === '' ? {} : { reasoning }),
    ...(toolCalls.length === 0 ? {} : { toolCalls }),
    ...(usage === undefined ? {} : { usage }),
    ...(entry.error === undefined ? {} : { error: entry.error }),
    ...(entry.stopped ? { stopped: true } : {}),
    ...(entry.cut === undefined ? {} : { cut: describeCut(entry.cut.reason, entry.cut.maxTokens) }),
  };
}

export function toTranscript(entries: readonly Entry[]): TranscriptMessage[] {
  return entries.slice(-L.messages).map((entry) =>
    entry.role === 'user'
      ? { id: entry.id, role: 'user', content: entry.text.slice(0, L.text), chips: entry.chips.slice(0, L.chips), createdAt: entry.createdAt }
      : assistantMessage(entry),
  );
}

export function hasVisibleContent(message: TranscriptMessage): boolean {
  return message.content !== '' || (message.reasoning ?? '') !== '' || (message.toolCalls ?? []).length > 0;
}
