/**
 * A request's token counts and cost (or a sum over requests): the core's `Usage`. One schema for
 * every record that keeps them and is read back (chat history, analytics events, daily totals).
 */
import * as z from 'zod';

const count = z.number().int().nonnegative();

export const UsageSchema = z.object({
  promptTokens: count,
  completionTokens: count,
  /** Counted by xAI outside `completion_tokens`, billed as output. */
  reasoningTokens: count,
  /** Part of `promptTokens` served from xAI's prompt cache. */
  cachedTokens: count,
  totalTokens: count,
  costUsd: z.number().nonnegative(),
});

export type Usage = z.infer<typeof UsageSchema>;
