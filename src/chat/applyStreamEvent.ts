/**
 * How a stream event changes the message in progress, the same on both sides: the host keeps a live
 * copy for mid-stream snapshots, the webview renders it. Pure, types only from the protocol, so the
 * webview bundles it without the host's code.
 */
import type { ChatStreamEvent, TranscriptMessage } from './protocol';

/**
 * Deltas append; a tool call is added, or replaces the call with its id; usage and an error are set;
 * `waiting` sets or clears the wait's words, which any output, the end or an error clears too.
 */
export function applyStreamEvent(message: TranscriptMessage, event: ChatStreamEvent): void {
  if (event.kind === 'waiting' && event.text !== '') message.waiting = event.text;
  else delete message.waiting;
  switch (event.kind) {
    case 'reasoningDelta':
      message.reasoning = (message.reasoning ?? '') + event.text;
      break;
    case 'contentDelta':
      message.content += event.text;
      break;
    case 'toolCall': {
      const calls = message.toolCalls ?? [];
      const known = calls.some((call) => call.id === event.call.id);
      message.toolCalls = known ? calls.map((call) => (call.id === event.call.id ? event.call : call)) : [...calls, event.call];
      break;
    }
    case 'usage':
      message.usage = event.usage;
      break;
    case 'error':
      message.error = event.error;
      break;
    case 'done':
    case 'waiting':
      break;
  }
}
