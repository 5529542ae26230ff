/** The `state` message: the conversation list, the open conversation (with the answer in progress), status, chips and draft. */
import { type Conversation, type ConversationIndex } from './historySchema';
import { type Chip, PROTOCOL_LIMITS, type StateMessage, type TranscriptMessage } from './protocol';
import { hasVisibleContent, toTranscript } from './transcriptView';

export interface SnapshotInput {
  conversations: ConversationIndex;
  active: Conversation | undefined;
  /** The answer being streamed into `active`, if any. */
  live: TranscriptMessage | undefined;
  status: { hasKey: boolean; hasConsent: boolean; notice: string; model: string; busy: boolean };
  chips: Chip[];
  draft: string;
  /** Workspace-relative paths of the instruction files in use. */
  instructions?: readonly string[];
}

export function stateSnapshot(input: SnapshotInput): StateMessage {
  const { active, live, status } = input;
  const messages = active === undefined ? [] : toTranscript(active.entries);
  if (live !== undefined && hasVisibleContent(live)) messages.push(live);
  return {
    type: 'state',
    conversations: input.conversations.slice(0, PROTOCOL_LIMITS.conversations).map(({ id, title, updatedAt }) => ({ id, title: title.slice(0, PROTOCOL_LIMITS.title), updatedAt })),
    active: active === undefined ? null : { id: active.id, title: active.title.slice(0, PROTOCOL_LIMITS.title), messages: messages.slice(-PROTOCOL_LIMITS.messages) },
    status: {
      hasKey: status.hasKey,
      hasConsent: status.hasConsent,
      ...(status.hasConsent ? {} : { consentNotice: status.notice.slice(0, PROTOCOL_LIMITS.notice) }),
      model: status.model.slice(0, PROTOCOL_LIMITS.language),
      busy: status.busy,
    },
    chips: input.chips,
    draft: input.draft.slice(0, PROTOCOL_LIMITS.text),
    ...(input.instructions === undefined || input.instructions.length === 0
      ? {}
      : { instructions: input.instructions.slice(0, PROTOCOL_LIMITS.chips).map((path) => ({ path: path.slice(0, PROTOCOL_LIMITS.path) })) }),
  };
}
