/**
 * The chat panel's message protocol, shared by the extension host (src/chat) and the webview
 * (src/webview/chat). Every message crossing the boundary is parsed with these schemas on the
 * receiving side; anything that does not parse is dropped. Strings and arrays are bounded so a bad
 * message cannot exhaust memory. No `vscode` import: the webview bundles this file.
 *
 * A turn, as the webview expects it: on `send` the host answers with a `state` (the user message in
 * the transcript, `status.busy: true`), then `stream` events for the new assistant message id
 * (deltas, tool calls, `usage`, then `done` or `error`), then a final `state` holding the finished
 * message (`busy: false`). The webview shows the user's text at once and keeps DOM nodes of messages
 * whose content did not change, so repeated snapshots are cheap.
 */
// zod/mini: the same validation as `zod` at a fraction of the webview bundle size (~20 KB, not ~95 KB).
import * as z from 'zod/mini';
import { parseOrUndefined } from '../platform/parseOrUndefined';
import { SLASH_COMMAND_NAMES } from './slashCommands';

/** Upper bounds shared by both sides (characters or items). */
export const PROTOCOL_LIMITS = {
  id: 200,
  title: 300,
  label: 300,
  path: 4096,
  language: 100,
  /** One message body, a draft, or a code block: ~32k output tokens fit with room to spare. */
  text: 1_000_000,
  summary: 4000,
  notice: 20_000,
  query: 500,
  chips: 50,
  conversations: 1000,
  messages: 2000,
  toolCalls: 100,
  suggestions: 100,
} as const;

const L = PROTOCOL_LIMITS;
const id = z.string().check(z.minLength(1), z.maxLength(L.id));
const text = z.string().check(z.maxLength(L.text));
const count = z.int().check(z.nonnegative());

// ---- shared shapes -------------------------------------------------------------------------------

/** A 0-based, inclusive line range in a file. */
export const LineRangeSchema = z.object({ startLine: count, endLine: count });

/** A piece of editor context attached to the next message. */
export const ChipSchema = z.object({
  id,
  kind: z.enum(['selection', 'file']),
  label: z.string().check(z.maxLength(L.label)),
  path: z.optional(z.string().check(z.maxLength(L.path))),
  language: z.optional(z.string().check(z.maxLength(L.language))),
  range: z.optional(LineRangeSchema),
});

export const ToolCallViewSchema = z.object({
  id,
  name: z.string().check(z.maxLength(L.label)),
  /** Human-readable arguments, e.g. `src/app.ts` or `"TODO" in **\/*.ts`. */
  argsSummary: z.string().check(z.maxLength(L.summary)),
  status: z.enum(['running', 'done', 'error']),
  resultSummary: z.optional(z.string().check(z.maxLength(L.summary))),
});

export const UsageViewSchema = z.object({
  promptTokens: count,
  completionTokens: count,
  reasoningTokens: count,
  cachedTokens: count,
  costUsd: z.number().check(z.nonnegative()),
  latencyMs: z.number().check(z.nonnegative()),
  timeToFirstTokenMs: z.nullable(z.number().check(z.nonnegative())),
});

/** What the user can do about an error; the webview shows the matching button. */
export const ErrorActionSchema = z.enum(['setApiKey', 'retry', 'consent', 'newChatWithSummary', 'openConsole', 'none']);

/** An https address (the server's billing console for `openConsole`). */
const httpsUrl = z.string().check(z.maxLength(2048), z.regex(/^https:\/\/[^\s]+$/));

export const ErrorViewSchema = z.object({
  /** The provider's stable error code (`rate_limited`, `unauthorized`, `network_error`, ...). */
  code: z.string().check(z.maxLength(64)),
  message: z.string().check(z.maxLength(L.summary)),
  /** Seconds; with `action: 'retry'` the webview counts down and sends `retry` by itself while its answer is the last one. */
  retryAfter: z.optional(z.number().check(z.nonnegative(), z.maximum(86_400))),
  action: ErrorActionSchema,
  /** With `action: 'openConsole'`: the console address the server gave. */
  url: z.optional(httpsUrl),
});

export const TranscriptMessageSchema = z.object({
  id,
  role: z.enum(['user', 'assistant']),
  content: text,
  reasoning: z.optional(text),
  chips: z.optional(z.array(ChipSchema).check(z.maxLength(L.chips))),
  toolCalls: z.optional(z.array(ToolCallViewSchema).check(z.maxLength(L.toolCalls))),
  usage: z.optional(UsageViewSchema),
  /** While an answer waits without data: why ("rate-limited, retrying in 7 s", "no data for 6 s…"). Never saved. */
  waiting: z.optional(z.string().check(z.maxLength(L.label))),
  /** Set on an assistant message that ended in an error; the partial content is kept. */
  error: z.optional(ErrorViewSchema),
  /** True when the user stopped the answer before it finished. */
  stopped: z.optional(z.boolean()),
  /** Why the server cut the answer before its end, e.g. "it reached the output limit of 32,000 tokens". */
  cut: z.optional(z.string().check(z.maxLength(L.summary))),
  /** Epoch milliseconds. */
  createdAt: z.optional(z.number().check(z.nonnegative())),
});

export const ConversationSummarySchema = z.object({
  id,
  title: z.string().check(z.maxLength(L.title)),
  /** Epoch milliseconds. */
  updatedAt: z.number().check(z.nonnegative()),
});

export const ActiveConversationSchema = z.object({
  id,
  title: z.string().check(z.maxLength(L.title)),
  messages: z.array(TranscriptMessageSchema).check(z.maxLength(L.messages)),
});

export const ChatStatusSchema = z.object({
  hasKey: z.boolean(),
  hasConsent: z.boolean(),
  /** The data-use notice shown until the user consents. */
  consentNotice: z.optional(z.string().check(z.maxLength(L.notice))),
  model: z.string().check(z.maxLength(L.language)),
  /** True while an answer is being generated. */
  busy: z.boolean(),
});

/** Events of the assistant turn in progress, addressed by `messageId`. */
export const ChatStreamEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reasoningDelta'), text }),
  z.object({ kind: z.literal('contentDelta'), text }),
  z.object({ kind: z.literal('toolCall'), call: ToolCallViewSchema }),
  z.object({ kind: z.literal('usage'), usage: UsageViewSchema }),
  z.object({ kind: z.literal('done') }),
  z.object({ kind: z.literal('error'), error: ErrorViewSchema }),
  /** Why the answer waits; '' when it no longer does. Any model output ends the wait as well. */
  z.object({ kind: z.literal('waiting'), text: z.string().check(z.maxLength(L.label)) }),
]);

export const FileSuggestionSchema = z.object({
  path: z.string().check(z.maxLength(L.path)),
  /** Short display name, e.g. the base name; the path is shown beside it. */
  label: z.string().check(z.maxLength(L.label)),
});

// ---- host -> webview ----------------------------------------------------------------------------

/** The full snapshot: sent on `ready`, at the start and end of a turn, and whenever the conversation changes. */
export const StateMessageSchema = z.object({
  type: z.literal('state'),
  conversations: z.array(ConversationSummarySchema).check(z.maxLength(L.conversations)),
  active: z.nullable(ActiveConversationSchema),
  status: ChatStatusSchema,
  chips: z.optional(z.array(ChipSchema).check(z.maxLength(L.chips))),
  /** The host's copy of the draft, used when the webview has none of its own (window restart). */
  draft: z.optional(text),
  /** Instruction files (AGENTS.md, …) that go along with every message, shown as removable chips. */
  instructions: z.optional(z.array(z.object({ path: z.string().check(z.maxLength(L.path)) })).check(z.maxLength(L.chips))),
});

export const ToWebviewMessageSchema = z.discriminatedUnion('type', [
  StateMessageSchema,
  /** One event of an in-progress assistant message; an unknown `messageId` starts a new message. */
  z.object({ type: z.literal('stream'), conversationId: id, messageId: id, event: ChatStreamEventSchema }),
  z.object({ type: z.literal('contextChips'), chips: z.array(ChipSchema).check(z.maxLength(L.chips)) }),
  z.object({
    type: z.literal('fileSuggestions'),
    query: z.string().check(z.maxLength(L.query)),
    items: z.array(FileSuggestionSchema).check(z.maxLength(L.suggestions)),
  }),
  z.object({ type: z.literal('focusInput') }),
  /** Puts text into the composer (e.g. from "Ask Grok…"), replacing the draft. */
  z.object({ type: z.literal('prefill'), text }),
]);

// ---- webview -> host ----------------------------------------------------------------------------

const code = text;
const language = z.optional(z.string().check(z.maxLength(L.language)));

export const FromWebviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('send'), text, chips: z.array(ChipSchema).check(z.maxLength(L.chips)) }),
  z.object({ type: z.literal('stop') }),
  /** Answers the last question again; `messageId` names the answer it replaces, which must still be the last one. */
  z.object({ type: z.literal('regenerate'), messageId: id }),
  z.object({ type: z.literal('newChat') }),
  /** A new chat whose composer holds a summary of the active one (the way out of a context overflow). */
  z.object({ type: z.literal('newChatWithSummary') }),
  z.object({ type: z.literal('openConversation'), id }),
  z.object({ type: z.literal('deleteConversation'), id }),
  z.object({ type: z.literal('consent'), granted: z.boolean() }),
  z.object({ type: z.literal('setApiKey') }),
  /** Retries the failed answer `messageId` (a countdown's or the Retry button's); refused unless it is still the last one. */
  z.object({ type: z.literal('retry'), messageId: id }),
  /** Opens an error's console address; the host opens only an address one of its errors gave. */
  z.object({ type: z.literal('openConsole'), url: httpsUrl }),
  z.object({ type: z.literal('copy'), text }),
  z.object({ type: z.literal('insertCode'), code }),
  z.object({ type: z.literal('applyCode'), code, language }),
  z.object({ type: z.literal('newFile'), code, language }),
  z.object({ type: z.literal('addSelection') }),
  z.object({ type: z.literal('addFile') }),
  z.object({ type: z.literal('removeChip'), id }),
  z.object({ type: z.literal('mentionQuery'), query: z.string().check(z.maxLength(L.query)) }),
  z.object({ type: z.literal('mentionPick'), path: z.string().check(z.minLength(1), z.maxLength(L.path)) }),
  z.object({ type: z.literal('draft'), text }),
  /** `/fix` and friends: run that selection action on the editor's selection. */
  z.object({ type: z.literal('slashCommand'), command: z.enum(SLASH_COMMAND_NAMES) }),
  /** Stops sending that instruction file with the messages (for this session of the panel). */
  z.object({ type: z.literal('removeInstructions'), path: z.string().check(z.minLength(1), z.maxLength(L.path)) }),
]);

export type LineRange = z.infer<typeof LineRangeSchema>;
export type Chip = z.infer<typeof ChipSchema>;
export type ToolCallView = z.infer<typeof ToolCallViewSchema>;
export type UsageView = z.infer<typeof UsageViewSchema>;
export type ErrorAction = z.infer<typeof ErrorActionSchema>;
export type ErrorView = z.infer<typeof ErrorViewSchema>;
export type TranscriptMessage = z.infer<typeof TranscriptMessageSchema>;
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;
export type ActiveConversation = z.infer<typeof ActiveConversationSchema>;
export type ChatStatus = z.infer<typeof ChatStatusSchema>;
export type ChatStreamEvent = z.infer<typeof ChatStreamEventSchema>;
export type FileSuggestion = z.infer<typeof FileSuggestionSchema>;
export type ToWebviewMessage = z.infer<typeof ToWebviewMessageSchema>;
export type FromWebviewMessage = z.infer<typeof FromWebviewMessageSchema>;
export type StateMessage = z.infer<typeof StateMessageSchema>;

/** Parses a message for the webview; undefined when it is not a valid protocol message. */
export const parseToWebview = (value: unknown): ToWebviewMessage | undefined => parseOrUndefined(ToWebviewMessageSchema, value);

/** Parses a message from the webview; undefined when it is not a valid protocol message. */
export const parseFromWebview = (value: unknown): FromWebviewMessage | undefined => parseOrUndefined(FromWebviewMessageSchema, value);
