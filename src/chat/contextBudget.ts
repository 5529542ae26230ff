/**
 * Keeps a conversation within the model's context window (ModelFacts.contextWindow from the
 * registry): the oldest turns (a question with its answer) are left out first, and a short note of
 * what they asked takes their place; the turn being answered is never cut. When that turn alone does
 * not fit, nothing is sent and the user is offered a new chat with a summary.
 *
 * Tokens are estimated from characters (about 3 a token, on the safe side of the ~4 of English and
 * ~3.5 of code), so a request judged to fit does not meet the server's "maximum prompt length" 400.
 */
import { type ChatMessage } from '../provider/types';
import { type Entry } from './historySchema';
import { toWireMessages } from './wireMessages';

const CHARS_PER_TOKEN = 3;
/** Room for the tool definitions and the wire format around the messages. */
const OVERHEAD_TOKENS = 2000;
const NOTE_QUESTION_CHARS = 200;

export interface ContextLimits {
  /** The model's context window in tokens (ModelFacts.contextWindow). */
  contextWindow: number;
  /** Tokens kept free for the answer (the request's max_tokens). */
  maxOutputTokens: number;
}

export type FittedConversation =
  | { fits: true; messages: ChatMessage[]; droppedTurns: number }
  | { fits: false; tokens: number; limit: number };

export function estimateTokens(messages: readonly ChatMessage[]): number {
  let chars = 0;
  for (const message of messages) {
    chars += message.content.length;
    if (message.role === 'assistant') {
      chars += message.reasoning?.length ?? 0;
      for (const call of message.toolCalls ?? []) chars += call.name.length + call.arguments.length;
    }
  }
  return Math.ceil(chars / CHARS_PER_TOKEN) + OVERHEAD_TOKENS;
}

/** Splits entries into turns, each starting at a user entry. */
function turnsOf(entries: readonly Entry[]): Entry[][] {
  const turns: Entry[][] = [];
  for (const entry of entries) {
    if (entry.role === 'user' || turns.length === 0) turns.push([entry]);
    else turns.at(-1)!.push(entry);
  }
  return turns;
}

function firstLine(text: string, max: number): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** What stands in for the left-out turns: the questions they asked, so the model knows they existed. */
function leftOutNote(turns: Entry[][]): ChatMessage {
  const questions = turns.flatMap((turn) => turn.filter((e) => e.role === 'user').map((e) => `- ${firstLine(e.text, NOTE_QUESTION_CHARS)}`));
  return {
    role: 'user',
    // not UI text: a note to the model
    content: `[${turns.length} earlier exchange(s) of this chat were left out to fit the model's context. The user had asked:\n${questions.join('\n')}]`,
  };
}

/**
 * The messages to send for `entries` (the last turn being answered), within `limits`; `instructions`
 * (the workspace's instruction files) stay with the system text, never dropped.
 */
export function fitConversation(entries: readonly Entry[], limits: ContextLimits, instructions?: string): FittedConversation {
  const limit = limits.contextWindow - limits.maxOutputTokens;
  const all = toWireMessages(entries, instructions);
  if (estimateTokens(all) <= limit) return { fits: true, messages: all, droppedTurns: 0 };
  const turns = turnsOf(entries);
  const current = turns.at(-1) ?? [];
  const alone = estimateTokens(toWireMessages(current, instructions));
  if (alone > limit) return { fits: false, tokens: alone, limit };
  // Leave out whole turns, oldest first, until the rest fits beside the note.
  for (let dropped = 1; dropped < turns.length; dropped++) {
    const messages = withNote(toWireMessages(turns.slice(dropped).flat(), instructions), leftOutNote(turns.slice(0, dropped)));
    if (estimateTokens(messages) <= limit) return { fits: true, messages, droppedTurns: dropped };
  }
  return { fits: true, messages: toWireMessages(current, instructions), droppedTurns: turns.length - 1 };
}

/** The note of what was left out goes right after the system messages. */
function withNote(messages: ChatMessage[], note: ChatMessage): ChatMessage[] {
  const firstTurn = messages.findIndex((message) => message.role !== 'system');
  return [...messages.slice(0, firstTurn), note, ...messages.slice(firstTurn)];
}
