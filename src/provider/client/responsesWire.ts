/**
 * xAI's Responses API (`POST /v1/responses`) as zod schemas (see xai-responses.md): what the client
 * sends, the streamed events it reads and the whole response a server may send instead. Server JSON
 * is parsed leniently (unknown keys and event types ignored, optional fields nullable); a streamed
 * event's schema holds only the fields the client reads, because it is checked once per token.
 */
import * as z from 'zod';

const inputTextSchema = z.object({ type: z.literal('input_text'), text: z.string() });
const inputImageSchema = z.object({ type: z.literal('input_image'), image_url: z.string() });

const responsesInputItemSchema = z.union([
  z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }),
  /** A user message with images (xai-responses.md §1: `input_text` and `input_image` parts). */
  z.object({ role: z.literal('user'), content: z.array(z.union([inputTextSchema, inputImageSchema])) }),
  z.object({ type: z.literal('function_call'), call_id: z.string(), name: z.string(), arguments: z.string() }),
  z.object({ type: z.literal('function_call_output'), call_id: z.string(), output: z.union([z.string(), z.array(inputTextSchema)]) }),
  z.object({
    type: z.literal('reasoning'),
    id: z.string(),
    summary: z.array(z.object({ type: z.literal('summary_text'), text: z.string() })),
    encrypted_content: z.string().optional(),
  }),
]);
export type ResponsesInputItem = z.infer<typeof responsesInputItemSchema>;

const responsesToolSchema = z.object({
  type: z.literal('function'),
  name: z.string(),
  description: z.string(),
  parameters: z.record(z.string(), z.unknown()),
});
export type ResponsesTool = z.infer<typeof responsesToolSchema>;

/** What the client sends. `stop` and the penalties are not Responses fields and are never sent. */
export const responsesRequestBodySchema = z.object({
  model: z.string(),
  input: z.array(responsesInputItemSchema).min(1),
  max_output_tokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
  stream: z.boolean(),
  /** False: nothing of the conversation is kept on xAI's servers (they keep stored responses 30 days). */
  store: z.boolean(),
  include: z.array(z.literal('reasoning.encrypted_content')).optional(),
  /** Sticky routing to the server holding the conversation's prompt cache. */
  prompt_cache_key: z.string().optional(),
  /** Sent only when the catalogue lists the effort for the model (others answer 400). */
  reasoning: z.object({ effort: z.string() }).optional(),
  tools: z.array(responsesToolSchema).optional(),
  tool_choice: z.union([z.enum(['auto', 'none', 'required']), z.object({ type: z.literal('function'), name: z.string() })]).optional(),
});
export type ResponsesRequestBody = z.infer<typeof responsesRequestBodySchema>;

/** `output_tokens` counts reasoning too (unlike Chat Completions' `completion_tokens`). */
const responsesUsageSchema = z.object({
  input_tokens: z.number().nullish(),
  input_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
  output_tokens: z.number().nullish(),
  output_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
  total_tokens: z.number().nullish(),
  cost_in_usd_ticks: z.number().nullish(),
});
export type ResponsesUsage = z.infer<typeof responsesUsageSchema>;

const outputItemSchema = z.object({
  type: z.string(),
  id: z.string().nullish(),
  call_id: z.string().nullish(),
  name: z.string().nullish(),
  arguments: z.string().nullish(),
  summary: z.array(z.object({ text: z.string().nullish() })).nullish(),
  encrypted_content: z.string().nullish(),
  content: z.array(z.object({ type: z.string().nullish(), text: z.string().nullish() })).nullish(),
});
export type ResponsesOutputItem = z.infer<typeof outputItemSchema>;

const wireErrorSchema = z.object({ code: z.union([z.string(), z.number()]).nullish(), message: z.string().nullish() });

/** The response object (whole, or the snapshot a `response.*` event carries). */
export const responseObjectSchema = z.object({
  model: z.string().nullish(),
  status: z.string().nullish(),
  output: z.array(outputItemSchema).nullish(),
  usage: responsesUsageSchema.nullish(),
  incomplete_details: z.object({ reason: z.string().nullish() }).nullish(),
  error: wireErrorSchema.nullish(),
});
export type ResponseObject = z.infer<typeof responseObjectSchema>;

/** A whole response, as a server that ignored `stream: true` sends it. */
export const wholeResponseSchema = responseObjectSchema.extend({ object: z.literal('response') });

/** One streamed event; dispatched on `type`, unknown types pass through unread. */
export const responsesEventSchema = z.object({
  type: z.string(),
  delta: z.string().nullish(),
  item_id: z.string().nullish(),
  output_index: z.number().nullish(),
  arguments: z.string().nullish(),
  name: z.string().nullish(),
  item: outputItemSchema.nullish(),
  response: responseObjectSchema.nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
});
export type ResponsesEvent = z.infer<typeof responsesEventSchema>;

/**
 * The events of the answer's text and reasoning, most of a stream: checked by this smaller schema,
 * as a chat chunk is, because they come once per token.
 */
export const DELTA_EVENT_TYPES: ReadonlySet<string> = new Set([
  'response.output_text.delta',
  'response.reasoning_summary_text.delta',
  'response.reasoning_text.delta',
]);
export const deltaEventSchema = z.object({ type: z.string(), delta: z.string(), item_id: z.string().nullish() });

/** Events after which nothing of the answer follows. */
export const TERMINAL_EVENT_TYPES: ReadonlySet<string> = new Set(['response.completed', 'response.incomplete', 'response.failed', 'error']);
