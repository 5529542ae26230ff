/**
 * The endpoint's model catalogue: xAI's `GET /v1/language-models` (prices in ticks per token,
 * aliases, capabilities; xai-responses.md §5) or, on servers without that route, the ids of
 * `GET /v1/models`. A snapshot is plain JSON, so the extension can keep the last one for an offline
 * start; it is validated again when read back. Entries that do not parse are skipped, not fatal.
 */
import * as z from 'zod';
import {
  defaultFactsFor,
  lastResortFactsFor,
  MAX_OUTPUT_TOKENS,
  sortEfforts,
  usdPerMillionFromTicks,
  type ModelFacts,
  type ModelPricing,
} from './models';

const ticks = z.number().nonnegative().nullish();

/** One entry of `GET /v1/language-models` (only the fields the extension reads). */
export const languageModelSchema = z.object({
  id: z.string().min(1),
  aliases: z.array(z.string()).nullish(),
  input_modalities: z.array(z.string()).nullish(),
  prompt_text_token_price: ticks,
  cached_prompt_text_token_price: ticks,
  completion_text_token_price: ticks,
  prompt_text_token_price_long_context: ticks,
  cached_prompt_text_token_price_long_context: ticks,
  completion_text_token_price_long_context: ticks,
  long_context_threshold: z.number().int().nonnegative().nullish(),
  /** Present on OpenAI-compatible `/v1/models` lists (OpenRouter, vLLM); xAI's catalogue has none. */
  context_length: z.number().int().positive().nullish(),
  capabilities: z
    .object({ reasoning_effort: z.array(z.string()).nullish(), default_reasoning_effort: z.string().nullish() })
    .nullish(),
});
export type LanguageModelJson = z.infer<typeof languageModelSchema>;

/** Where a snapshot's entries came from. */
export type CatalogueSource = 'language-models' | 'models';

export const catalogueSnapshotSchema = z.object({
  version: z.literal(1),
  /** The endpoint it was read from: a snapshot of another endpoint is not used. */
  endpoint: z.string(),
  source: z.enum(['language-models', 'models']),
  /** Epoch ms. */
  fetchedAt: z.number(),
  /** The server's entries as received; each is validated when the catalogue is built. */
  models: z.array(z.unknown()),
});
/** An endpoint's model list as read (endpoint, source route, epoch-ms time, raw entries); stored for an offline start. */
export type CatalogueSnapshot = z.infer<typeof catalogueSnapshotSchema>;

function pricingOf(entry: LanguageModelJson): ModelPricing | undefined {
  const input = entry.prompt_text_token_price;
  const output = entry.completion_text_token_price;
  if (input == null || output == null) return undefined;
  const pricing: ModelPricing = {
    inputPerMillion: usdPerMillionFromTicks(input),
    cachedInputPerMillion: usdPerMillionFromTicks(entry.cached_prompt_text_token_price ?? input),
    outputPerMillion: usdPerMillionFromTicks(output),
  };
  const longInput = entry.prompt_text_token_price_long_context;
  const longOutput = entry.completion_text_token_price_long_context;
  // 0 means "no long-context tier" (xai-responses.md §5).
  if (longInput && longOutput && entry.long_context_threshold) {
    pricing.longContext = {
      thresholdTokens: entry.long_context_threshold,
      inputPerMillion: usdPerMillionFromTicks(longInput),
      cachedInputPerMillion: usdPerMillionFromTicks(entry.cached_prompt_text_token_price_long_context || longInput),
      outputPerMillion: usdPerMillionFromTicks(longOutput),
    };
  }
  return pricing;
}

/** The facts a catalogue entry gives; what it leaves out comes from the last-resort facts of its id. */
export function factsFromEntry(entry: LanguageModelJson): ModelFacts {
  const fallback = lastResortFactsFor(entry.id);
  const efforts = entry.capabilities?.reasoning_effort;
  const pricing = pricingOf(entry);
  return {
    id: entry.id,
    displayName: entry.id,
    aliases: entry.aliases ?? [],
    inputModalities: entry.input_modalities ?? fallback?.inputModalities ?? ['text'],
    contextWindow: entry.context_length ?? fallback?.contextWindow,
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    pricing: pricing ?? fallback?.pricing,
    reasoningEfforts: efforts ? sortEfforts(efforts) : (fallback?.reasoningEfforts ?? []),
    defaultReasoningEffort: entry.capabilities?.default_reasoning_effort ?? fallback?.defaultReasoningEffort,
    // Listed without prices or capabilities (a `/v1/models` id): defaults, as for an unlisted id.
    inferred: pricing === undefined && efforts == null && fallback === undefined,
  };
}

/** Model facts by id and alias, from one snapshot (or none: last-resort and default facts only). */
export class ModelCatalogue {
  private readonly byName = new Map<string, ModelFacts>();
  readonly models: readonly ModelFacts[];

  /** `invalid` gets the ids (or indexes) of entries that did not parse. */
  constructor(
    snapshot: CatalogueSnapshot | undefined,
    invalid: (what: string) => void = () => {},
  ) {
    const models: ModelFacts[] = [];
    for (const [index, raw] of (snapshot?.models ?? []).entries()) {
      const parsed = languageModelSchema.safeParse(raw);
      if (!parsed.success) {
        invalid(typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id) : `#${index}`);
        continue;
      }
      const facts = factsFromEntry(parsed.data);
      models.push(facts);
      for (const name of [facts.id, ...facts.aliases]) if (!this.byName.has(name)) this.byName.set(name, facts);
    }
    this.models = models;
  }

  /** The catalogue id an id or alias names (the name itself when unlisted). */
  canonicalId(name: string): string {
    return this.byName.get(name)?.id ?? lastResortFactsFor(name)?.id ?? name;
  }

  /**
   * Facts for any name (id or alias): the catalogue's, else the last-resort facts, else defaults.
   * The server judges whether it serves the name.
   */
  factsFor(name: string): ModelFacts {
    return this.byName.get(name) ?? lastResortFactsFor(name) ?? defaultFactsFor(name);
  }
}
