/** Host messages for the browser tests, typed by the protocol so a protocol change breaks them loudly. */
import type { ChatStatus, ChatStreamEvent, StateMessage, ToWebviewMessage, TranscriptMessage } from '../../src/chat/protocol';

export const READY_STATUS: ChatStatus = { hasKey: true, hasConsent: true, model: 'grok-code-fast-1', busy: false };

export function state(messages: TranscriptMessage[], overrides: Partial<StateMessage> = {}): StateMessage {
  return {
    type: 'state',
    conversations: [{ id: 'c1', title: 'Debounce helper', updatedAt: Date.now() - 120_000 }],
    active: { id: 'c1', title: 'Debounce helper', messages },
    status: READY_STATUS,
    ...overrides,
  };
}

export function stream(messageId: string, event: ChatStreamEvent, conversationId = 'c1'): ToWebviewMessage {
  return { type: 'stream', conversationId, messageId, event };
}

export const user = (id: string, content: string): TranscriptMessage => ({ id, role: 'user', content });
export const assistant = (id: string, content: string, extra: Partial<TranscriptMessage> = {}): TranscriptMessage => ({
  id,
  role: 'assistant',
  content,
  ...extra,
});

/** Splits text into chunks of a few characters, like a model's token deltas. */
export function deltas(text: string, size = 3): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}
