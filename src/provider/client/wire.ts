/**
 * The xAI Chat Completions wire format as zod schemas (see xai-api.md). Server JSON is parsed
 * leniently (unknown keys dropped, optional fields nullable) because OpenAI-compatible servers
 * differ in the details; what the client sends is typed from the request schema. A streamed chunk
 * is validated once per token, in place (see chunkReader.ts), so its schema holds only the fields
 * the client reads.
 */
import * as z from 'zod';

const wireToolCallSchema = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

/** A user message's parts when it carries images (OpenAI's and xAI's vision format). */
const wireUserContentPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image_url'), image_url: z.object({ url: z.string() }) }),
]);
export type WireUserContentPart = z.infer<typeof wireUserContentPartSchema>;

const wireMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string() }),
  z.object({ role: z.literal('user'), content: z.union([z.string(), z.array(wireUserContentPartSchema)]) }),
  z.object({
    role: z.literal('assistant'),
    content: z.string(),
    reasoning_content: z.string().optional(),
    tool_calls: z.array(wireToolCallSchema).optional(),
  }),
  z.object({ role: z.literal('tool'), tool_call_id: z.string(), content: z.string() }),
]);
export type WireMessage = z.infer<typeof wireMessageSchema>;

/** A message's text (a user message's text parts joined), for estimates; images are left out. */
export function wireMessageText(message: WireMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

const wireToolSchema = z.object({
  type: z.literal('function'),
  function: z.object({ name: z.string(), description: z.string(), parameters: z.record(z.string(), z.unknown()) }),
});
export type WireTool = z.infer<typeof wireToolSchema>;

const wireToolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.object({ type: z.literal('function'), function: z.object({ name: z.string() }) }),
]);
export type WireToolChoice = z.infer<typeof wireToolChoiceSchema>;

/** What the client sends to `POST /chat/completions`. `stop` and the penalties are absent on purpose. */
export const chatRequestBodySchema = z.object({
  model: z.string(),
  messages: z.array(wireMessageSchema).min(1),
  max_tokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean() }).optional(),
  tools: z.array(wireToolSchema).optional(),
  tool_choice: wireToolChoiceSchema.optional(),
  /** Sent only to models whose catalogue lists the effort (see effortToSend in models.ts). */
  reasoning_effort: z.string().optional(),
});
export type ChatRequestBody = z.infer<typeof chatRequestBodySchema>;

/** Every field may be null (gateways send `null` for counts they do not know yet). */
const wireUsageSchema = z.object({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
  prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
  completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
  /** 1 USD = 10^10 ticks. */
  cost_in_usd_ticks: z.number().nullish(),
});
export type WireUsage = z.infer<typeof wireUsageSchema>;

const toolCallDeltaSchema = z.object({
  index: z.number().int().nonnegative().nullish(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});
export type WireToolCallDelta = z.infer<typeof toolCallDeltaSchema>;

export const chatChunkSchema = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        index: z.number().nullish(),
        delta: z
          .object({
            content: z.string().nullish(),
            reasoning_content: z.string().nullish(),
            tool_calls: z.array(toolCallDeltaSchema).nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: wireUsageSchema.nullish(),
});
export type ChatChunk = z.infer<typeof chatChunkSchema>;

/** A whole (non-streaming) answer; some OpenAI-compatible servers send one even when asked to stream. */
export const chatCompletionSchema = z.object({
  object: z.literal('chat.completion'),
  model: z.string().nullish(),
  choices: z.array(
    z.object({
      message: z.object({
        content: z.string().nullish(),
        reasoning_content: z.string().nullish(),
        tool_calls: z.array(toolCallDeltaSchema).nullish(),
      }),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: wireUsageSchema.nullish(),
});
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;

export const modelListSchema = z.object({
  data: z.array(z.object({ id: z.string(), created: z.number().nullish(), owned_by: z.string().nullish() })),
});

export const apiKeyInfoSchema = z.object({
  name: z.string().nullish(),
  redacted_api_key: z.string().nullish(),
  api_key_blocked: z.boolean().nullish(),
  api_key_disabled: z.boolean().nullish(),
  team_blocked: z.boolean().nullish(),
});

/** The three error body shapes seen: xAI's, OpenAI's and a bare message. */
export const errorBodySchema = z.union([
  z.object({ code: z.string().nullish(), error: z.string() }),
  z.object({
    error: z.object({ message: z.string(), type: z.string().nullish(), code: z.union([z.string(), z.number()]).nullish() }),
  }),
]);
