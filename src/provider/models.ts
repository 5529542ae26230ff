/**
 * What the core knows about a model (aliases, input kinds, context, prices, reasoning efforts), the
 * defaults for an id nobody described, and the last-resort facts used only when no catalogue could
 * be read. The live facts come from the endpoint's catalogue (catalogue.ts).
 */

/** 1 USD = 10^10 ticks (xAI's `cost_in_usd_ticks` and catalogue prices; xai-responses.md §5). */
export const TICKS_PER_USD = 1e10;

/** A catalogue price in ticks per token as USD per million tokens (1 tick/token = $0.0001 per million). */
export function usdPerMillionFromTicks(ticksPerToken: number): number {
  return (ticksPerToken * 1_000_000) / TICKS_PER_USD;
}

/** One price tier in USD per million tokens: input, cached input and output (reasoning is billed as output). */
export interface PriceTier {
  /** USD per million input tokens not served from the cache. */
  inputPerMillion: number;
  /** USD per million input tokens served from the prompt cache. */
  cachedInputPerMillion: number;
  /** USD per million output tokens, reasoning included. */
  outputPerMillion: number;
}

/** A model's prices (USD per million tokens), with a long-context tier when the model has one. */
export interface ModelPricing extends PriceTier {
  /** Prices for a request whose prompt has more than `thresholdTokens` tokens; absent when the model has no such tier. */
  longContext?: PriceTier & { thresholdTokens: number };
}

/**
 * What the core knows of a model: id, aliases, input modalities, context window and the product's output cap (tokens),
 * prices (USD per million tokens; undefined when unknown), the reasoning efforts it accepts, and whether the facts are
 * inferred defaults.
 */
export interface ModelFacts {
  /** The id as the catalogue (or the user) names it. */
  id: string;
  displayName: string;
  /** Other names the server accepts for this model (e.g. `grok-4.3-latest`). */
  aliases: readonly string[];
  /** What the model reads: `text`, `image`, ... (xAI's `input_modalities`). */
  inputModalities: readonly string[];
  /** Tokens; undefined when neither the endpoint nor xAI's docs say. */
  contextWindow?: number;
  /** The product's cap on output tokens a request. */
  maxOutputTokens: number;
  /** Undefined when unknown: cost then comes only from the server's figures. */
  pricing?: ModelPricing;
  /** The `reasoning_effort` values the model accepts, lowest first; empty: never send one. */
  reasoningEfforts: readonly string[];
  /** The effort the server uses when none is sent, when the catalogue says. */
  defaultReasoningEffort?: string;
  /** True when the facts are defaults for an id nobody described. */
  inferred: boolean;
}

/** The model id the extension is named after (retired by xAI; the name is served by another model). */
export const GROK_CODE_FAST_1 = 'grok-code-fast-1';
/** The product's cap on output tokens per request. */
export const MAX_OUTPUT_TOKENS = 32_000;

/** The order efforts are ranked in, lowest first (xai-responses.md §1). */
export const REASONING_EFFORT_ORDER = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;

/** Sorts efforts lowest first; unknown names go last in their given order. */
export function sortEfforts(efforts: readonly string[]): string[] {
  const rank = (effort: string) => {
    const index = (REASONING_EFFORT_ORDER as readonly string[]).indexOf(effort);
    return index === -1 ? REASONING_EFFORT_ORDER.length : index;
  };
  return [...efforts].sort((a, b) => rank(a) - rank(b));
}

/**
 * Last-resort facts, used only for ids the catalogue does not describe (or when none was read).
 * grok-code-fast-1 is served by grok-4.3 since 2026-05-15 and billed at its rates, 12500 / 2000 /
 * 25000 ticks a token (xai-api.md "What changed in 2026", xai-responses.md §5); it rejects
 * `reasoning_effort`. grok-4.3: 1M context, efforts none–high (xai-api.md). grok-4.7: 500K context
 * (docs.x.ai/developers/grok-4-7).
 */
const LAST_RESORT: readonly ModelFacts[] = [
  {
    id: GROK_CODE_FAST_1,
    displayName: 'Grok Code Fast 1 (served by grok-4.3)', // not UI text: a model's name as the catalogue gives it
    aliases: [],
    inputModalities: ['text'],
    contextWindow: 256_000,
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    pricing: { inputPerMillion: 1.25, cachedInputPerMillion: 0.2, outputPerMillion: 2.5 },
    reasoningEfforts: [],
    inferred: false,
  },
  {
    id: 'grok-4.3',
    displayName: 'grok-4.3',
    aliases: ['grok-4.3-latest'],
    inputModalities: ['text', 'image'],
    contextWindow: 1_000_000,
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    pricing: { inputPerMillion: 1.25, cachedInputPerMillion: 0.2, outputPerMillion: 2.5 },
    reasoningEfforts: ['none', 'low', 'medium', 'high'],
    inferred: false,
  },
  {
    id: 'grok-4.7',
    displayName: 'grok-4.7',
    aliases: [],
    inputModalities: ['text', 'image'],
    contextWindow: 500_000,
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    reasoningEfforts: ['low', 'medium', 'high', 'xhigh'],
    defaultReasoningEffort: 'high',
    inferred: false,
  },
];

/** Facts for a model id nobody described: no prices (the server's cost is used), no efforts sent. */
export function defaultFactsFor(id: string): ModelFacts {
  return {
    id,
    displayName: id,
    aliases: [],
    inputModalities: ['text'],
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    reasoningEfforts: [],
    inferred: true,
  };
}

/** The last-resort facts named by `name` (an id or alias); a proxy's vendor prefix (`xai/grok-4.3`) names the same model. */
export function lastResortFactsFor(name: string): ModelFacts | undefined {
  const bare = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  return LAST_RESORT.find((model) => model.id === bare || model.aliases.includes(bare));
}

export interface TokenCounts {
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
  reasoningTokens: number;
}

/** USD for the tokens at `pricing`, the long-context tier when the prompt passes its threshold; 0 without prices. */
export function costUsd(pricing: ModelPricing | undefined, tokens: TokenCounts): number {
  if (!pricing) return 0;
  const long = pricing.longContext;
  const tier: PriceTier = long && tokens.promptTokens > long.thresholdTokens ? long : pricing;
  const uncached = Math.max(0, tokens.promptTokens - tokens.cachedTokens);
  const output = tokens.completionTokens + tokens.reasoningTokens;
  return (uncached * tier.inputPerMillion + tokens.cachedTokens * tier.cachedInputPerMillion + output * tier.outputPerMillion) / 1_000_000;
}

/** USD of `promptTokens` uncached input at the model's prices (the estimate a budget checks before sending); 0 without prices. */
export function estimateInputUsd(facts: Pick<ModelFacts, 'pricing'>, promptTokens: number): number {
  return costUsd(facts.pricing, { promptTokens, cachedTokens: 0, completionTokens: 0, reasoningTokens: 0 });
}

/**
 * The `reasoning_effort` to send for a feature's setting, or undefined to send none. `auto`: the
 * lowest effort the model accepts for inline completions (latency matters most), the model's own
 * default elsewhere. A named effort the model does not list is not sent: such models answer 400
 * "does not support parameter reasoningEffort" (xai-responses.md §1).
 */
export function effortToSend(setting: string | undefined, feature: string, facts: ModelFacts): string | undefined {
  if (setting === undefined || setting === 'auto') return feature === 'inline' ? facts.reasoningEfforts[0] : undefined;
  return facts.reasoningEfforts.includes(setting) ? setting : undefined;
}
