/**
 * Token usage and cost from the server's `usage` object, in xAI's terms: reasoning tokens are
 * counted outside `completion_tokens`, cost comes from `cost_in_usd_ticks` (10^10 ticks a dollar)
 * and only falls back to list prices when the server sent no cost.
 */
import { costUsd, TICKS_PER_USD, type ModelPricing } from '../models';
import { type Usage } from '../types';
import { type WireUsage } from './wire';

/** A rough size of a token in characters, used only when the server sent no usage at all. */
const CHARS_PER_TOKEN = 4;

export function usageFromWire(wire: WireUsage, pricing: ModelPricing | undefined): Usage {
  const promptTokens = wire.prompt_tokens ?? 0;
  const wireCompletion = wire.completion_tokens ?? 0;
  const reasoningTokens = wire.completion_tokens_details?.reasoning_tokens ?? 0;
  const cachedTokens = wire.prompt_tokens_details?.cached_tokens ?? 0;
  // OpenAI-style servers count reasoning inside completion_tokens (their total is prompt + completion).
  const reasoningInside = reasoningTokens > 0 && wire.total_tokens === promptTokens + wireCompletion;
  const completionTokens = reasoningInside ? Math.max(0, wireCompletion - reasoningTokens) : wireCompletion;
  const totalTokens = wire.total_tokens ?? promptTokens + completionTokens + reasoningTokens;
  const tokens = { promptTokens, completionTokens, reasoningTokens, cachedTokens };
  const cost = wire.cost_in_usd_ticks != null ? wire.cost_in_usd_ticks / TICKS_PER_USD : costUsd(pricing, tokens);
  return { ...tokens, totalTokens, costUsd: cost };
}

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** For servers that send no usage: an estimate from the text sizes, priced at list prices. */
export function estimateUsage(
  texts: { prompt: string; completion: string; reasoning: string },
  pricing: ModelPricing | undefined,
): Usage {
  const tokens = {
    promptTokens: estimateTokens(texts.prompt),
    completionTokens: estimateTokens(texts.completion),
    reasoningTokens: estimateTokens(texts.reasoning),
    cachedTokens: 0,
  };
  const totalTokens = tokens.promptTokens + tokens.completionTokens + tokens.reasoningTokens;
  return { ...tokens, totalTokens, costUsd: costUsd(pricing, tokens) };
}
