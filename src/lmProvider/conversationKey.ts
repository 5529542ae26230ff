/**
 * A cache key per conversation for xAI's prompt cache (`x-grok-conv-id`). VS Code's provider API
 * gives no conversation id, but every request of one conversation starts with the same messages:
 * the key is a hash of the model and everything up to and including the first user message. Two
 * conversations that start alike share a key, which is harmless: they share that prefix too.
 */
import { createHash } from 'node:crypto';
import { type ChatMessage } from '../provider/types';

export function conversationKey(model: string, messages: readonly ChatMessage[]): string {
  const firstUser = messages.findIndex((message) => message.role === 'user');
  const opening = firstUser === -1 ? messages : messages.slice(0, firstUser + 1);
  const hash = createHash('sha256').update(model).update('\0').update(JSON.stringify(opening)).digest('hex');
  return `vscode-chat-${hash.slice(0, 32)}`;
}
