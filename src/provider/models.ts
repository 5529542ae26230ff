/**
 * What the core knows about models: grok-code-fast-1's published facts (context, prices,
 * capabilities, languages) and the defaults for ids only the server's model list told us about.
 */
export interface ModelPricing {
  /** USD per million input tokens not served from the cache. */
  inputPerMillion: number;
  /** USD per million input tokens served from the prompt cache. */
  cachedInputPerMillion: number;
  /** USD per million output tokens, reasoning included. */
  outputPerMillion: number;
}

/**
 * What the core knows of a model: id, display name, context window and the product's output cap (tokens), prices (USD per
 * million tokens; undefined when unknown), capabilities, languages, request fields it rejects, and whether the facts are
 * inferred defaults.
 */
export interface ModelFacts {
  id: string;
  displayName: string;
  contextWindow: number;
  /** The product's cap on output tokens a request. */
  maxOutputTokens: number;
  /** Undefined when unknown: cost then comes only from the server's figures. */
  pricing?: ModelPricing;
  capabilities: { streaming: boolean; tools: boolean; reasoning: boolean; promptCaching: boolean };
  languages: readonly string[];
  /** Request fields the model answers with HTTP 400; the client never sends them. */
  rejectedParameters: readonly string[];
  /** True when the facts are defaults for an id the server listed but the core does not know. */
  inferred: boolean;
}

/**
 * The model id the extension starts with. Since 2026-05-15 xAI serves this name with a newer model (the answer's `model` field
 * says which).
 */
export const GROK_CODE_FAST_1 = 'grok-code-fast-1';
export const MAX_OUTPUT_TOKENS = 32_000;

/**
 * grok-code-fast-1 as xAI published it: 256,000-token context; $0.20 input, $0.02 cached input, $1.50 output per million
 * tokens (reasoning billed as output); streaming, tools, reasoning and prompt caching. Source: xAI's models and pricing
 * documentation (docs.x.ai). The 32,000-token output cap is the product's own.
 */
export const GROK_CODE_FAST_1_FACTS: ModelFacts = {
  id: GROK_CODE_FAST_1,
  displayName: 'Grok Code Fast 1',
  contextWindow: 256_000,
  maxOutputTokens: MAX_OUTPUT_TOKENS,
  pricing: { inputPerMillion: 0.2, cachedInputPerMillion: 0.02, outputPerMillion: 1.5 },
  capabilities: { streaming: true, tools: true, reasoning: true, promptCaching: true },
  languages: [
    'TypeScript',
    'JavaScript',
    'Python',
    'Java',
    'Rust',
    'C++',
    'C',
    'Go',
    'C#',
    'PHP',
    'Ruby',
    'Swift',
    'Kotlin',
    'Scala',
    'Shell',
    'SQL',
  ],
  rejectedParameters: ['stop', 'presence_penalty', 'frequency_penalty', 'reasoning_effort'],
  inferred: false,
};

export const KNOWN_MODELS: readonly ModelFacts[] = [GROK_CODE_FAST_1_FACTS];

/** Facts for a model id the server listed but the core has no data for. */
export function defaultFactsFor(id: string): ModelFacts {
  return {
    id,
    displayName: id,
    contextWindow: 128_000,
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    capabilities: { streaming: true, tools: true, reasoning: false, promptCaching: false },
    languages: [],
    rejectedParameters: [],
    inferred: true,
  };
}

/** The id a proxy may prefix (`xai/grok-code-fast-1`) resolves to the same facts. */
export function knownFactsFor(id: string): ModelFacts | undefined {
  const bare = id.includes('/') ? id.slice(id.lastIndexOf('/') + 1) : id;
  const facts = KNOWN_MODELS.find((model) => model.id === bare);
  return facts && { ...facts, id };
}

/**
 * Cost in USD of the tokens at `pricing` (USD per million; cached prompt tokens at the cached price, reasoning at the output
 * price); 0 when the prices are unknown.
 */
export function costUsd(
  pricing: ModelPricing | undefined,
  tokens: { promptTokens: number; cachedTokens: number; completionTokens: number; reasoningTokens: number },
): number {
  if (!pricing) return 0;
  const uncached = Math.max(0, tokens.promptTokens - tokens.cachedTokens);
  const output = tokens.completionTokens + tokens.reasoningTokens;
  return (
    (uncached * pricing.inputPerMillion + tokens.cachedTokens * pricing.cachedInputPerMillion + output * pricing.outputPerMillion) /
    1_000_000
  );
}
