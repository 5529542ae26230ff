/**
 * What the chat keeps per workspace, as zod schemas: everything read back from storage is parsed
 * with these. A conversation is a list of entries: a user entry keeps the text the user wrote and,
 * separately, the exact prompt sent (with the attached context), and an assistant entry keeps every
 * step of its answer (reasoning, content, tool calls and their results) exactly as exchanged, so the
 * next turn can resend the earlier ones byte for byte.
 */
import * as z from 'zod';
import { UsageSchema } from '../provider/usageSchema';
import { ChipSchema, ErrorViewSchema } from './protocol';

const count = z.number().int().nonnegative();

export const StoredToolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The arguments as the JSON text the model produced. */
  arguments: z.string(),
  /** The `tool` message content sent back; absent while the call has not run. */
  result: z.string().optional(),
  ok: z.boolean().optional(),
  argsSummary: z.string(),
  resultSummary: z.string().optional(),
});

/** A Responses API reasoning item, kept as it came so the next turn sends it back (the prompt cache holds). */
const ReasoningItemSchema = z.object({ id: z.string(), summary: z.string(), encryptedContent: z.string().optional(), model: z.string().optional() });

/** One model response inside an answer: tool-call rounds produce several. */
export const AnswerStepSchema = z.object({
  content: z.string(),
  reasoning: z.string().optional(),
  reasoningItems: z.array(ReasoningItemSchema).optional(),
  toolCalls: z.array(StoredToolCallSchema).optional(),
});

/** A context chip as kept by the host: the protocol's chip (`path` is the display path) plus the file and the captured text. */
export const ContextChipSchema = z.object({ ...ChipSchema.shape, absPath: z.string().optional(), content: z.string() });

export const UserEntrySchema = z.object({
  role: z.literal('user'),
  id: z.string(),
  createdAt: count,
  /** What the user typed, shown in the transcript. */
  text: z.string(),
  chips: z.array(ChipSchema),
  /** The exact user message sent to the model: context blocks and the text. */
  prompt: z.string(),
});

export const AssistantEntrySchema = z.object({
  role: z.literal('assistant'),
  id: z.string(),
  createdAt: count,
  steps: z.array(AnswerStepSchema),
  /** Summed over the steps that finished. */
  usage: UsageSchema.optional(),
  latencyMs: z.number().nonnegative().optional(),
  timeToFirstTokenMs: z.number().nonnegative().nullable().optional(),
  error: z.optional(ErrorViewSchema),
  stopped: z.boolean().optional(),
  /** The server ended the answer before the model finished it (finish_reason `length` or `content_filter`). */
  cut: z.object({ reason: z.enum(['length', 'content_filter']), maxTokens: count }).optional(),
});

export const EntrySchema = z.discriminatedUnion('role', [UserEntrySchema, AssistantEntrySchema]);

export const ConversationSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  createdAt: count,
  updatedAt: count,
  entries: z.array(EntrySchema),
});

export const ConversationIndexSchema = z.array(z.object({ id: z.string().min(1), title: z.string(), updatedAt: count }));

export const DraftSchema = z.object({ text: z.string(), chips: z.array(ContextChipSchema) });

export type StoredToolCall = z.infer<typeof StoredToolCallSchema>;
export type AnswerStep = z.infer<typeof AnswerStepSchema>;
export type ContextChip = z.infer<typeof ContextChipSchema>;
export type UserEntry = z.infer<typeof UserEntrySchema>;
export type AssistantEntry = z.infer<typeof AssistantEntrySchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type Conversation = z.infer<typeof ConversationSchema>;
export type ConversationIndex = z.infer<typeof ConversationIndexSchema>;
export type Draft = z.infer<typeof DraftSchema>;
