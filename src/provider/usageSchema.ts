/**
 * A request's token counts and cost (or a sum over requests): the core's `Usage`. One schema for
 * every record that keeps them and is read back (chat history, analytics events, daily totals), and
 * one sum for everything that adds them up.
 */
import * as z from 'zod';

const count = z.number().int().nonnegative();

/**
 * Parses a Usage read back from storage: token counts (non-negative integers) and cost in USD. Throws (zod) on anything else;
 * use safeParse at a boundary.
 */
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

/**
 * A request's tokens (prompt, of them cached; completion; reasoning, billed as output; total) and cost in USD: the server's
 * figures, or the core's estimate from the model's prices when the server sent none.
 */
export type Usage = z.infer<typeof UsageSchema>;

/** The Usage of nothing (all zero), to start a sum with addUsage. */
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
