/**
 * A request's token counts and cost (or a sum over requests): the core's `Usage`. One schema for
 * every record that keeps them and is read back (chat history, analytics events, daily totals), and
 * one sum for everything that adds them up.
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

export const ZERO_USAGE: Readonly<Usage> = Object.freeze({
  promptTokens: 0,
  completionTokens: 0,
  reasoningTokens: 0,
  cachedTokens: 0,
  totalTokens: 0,
  costUsd: 0,
});

/** A new Usage, the sum of the two; only the usage fields of `b` are read (an event or totals will do). */
export function addUsage(a: Usage, b: Usage): Usage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    reasoningTokens: a.reasoningTokens + b.reasoningTokens,
    cachedTokens: a.cachedTokens + b.cachedTokens,
    totalTokens: a.totalTokens + b.totalTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}
