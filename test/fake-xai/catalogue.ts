/**
 * The fake's `GET /v1/language-models`: a realistic late-2026 xAI catalogue in xAI's shape
 * (xai-responses.md §5; prices in ticks per token, 1 tick = 1e-10 USD).
 */
export interface LanguageModelEntry {
  id: string;
  aliases: string[];
  input_modalities: string[];
  prompt_text_token_price: number;
  cached_prompt_text_token_price: number;
  completion_text_token_price: number;
  prompt_text_token_price_long_context: number;
  cached_prompt_text_token_price_long_context: number;
  completion_text_token_price_long_context: number;
  long_context_threshold: number;
  capabilities?: { reasoning_effort: string[]; default_reasoning_effort?: string };
}

function entry(id: string, fields: Partial<LanguageModelEntry> & Pick<LanguageModelEntry, 'prompt_text_token_price' | 'completion_text_token_price'>) {
  return {
    id,
    fingerprint: `fp_${id.replace(/[^a-z0-9]/g, '')}`,
    created: 1_780_000_000,
    object: 'model',
    owned_by: 'xai',
    version: '1.0.0',
    aliases: [],
    input_modalities: ['text', 'image'],
    output_modalities: ['text'],
    cached_prompt_text_token_price: 0,
    prompt_image_token_price: 0,
    search_price: 0,
    prompt_text_token_price_long_context: 0,
    cached_prompt_text_token_price_long_context: 0,
    completion_text_token_price_long_context: 0,
    long_context_threshold: 0,
    ...fields,
  };
}

const PREMIUM = { prompt_text_token_price: 20000, cached_prompt_text_token_price: 5000, completion_text_token_price: 60000 };
/** grok-4.3's rates, doubled above 200K prompt tokens (xai-responses.md §5). */
const GROK_4_3_RATES = {
  prompt_text_token_price: 12500,
  cached_prompt_text_token_price: 2000,
  completion_text_token_price: 25000,
  prompt_text_token_price_long_context: 25000,
  cached_prompt_text_token_price_long_context: 4000,
  completion_text_token_price_long_context: 50000,
  long_context_threshold: 200_000,
};
const UP_TO_XHIGH = ['low', 'medium', 'high', 'xhigh'];

export const LATE_2026_CATALOGUE = [
  entry('grok-4.3', {
    aliases: ['grok-4.3-latest'],
    ...GROK_4_3_RATES,
    capabilities: { reasoning_effort: ['none', 'low', 'medium', 'high'] },
  }),
  entry('grok-4.5', { ...PREMIUM, capabilities: { reasoning_effort: ['low', 'medium', 'high'], default_reasoning_effort: 'high' } }),
  entry('grok-4.6', { ...PREMIUM, capabilities: { reasoning_effort: UP_TO_XHIGH, default_reasoning_effort: 'high' } }),
  entry('grok-4.7', { ...PREMIUM, capabilities: { reasoning_effort: UP_TO_XHIGH, default_reasoning_effort: 'high' } }),
  entry('grok-4.20-0309-non-reasoning', {
    aliases: ['grok-4.20-non-reasoning'],
    ...GROK_4_3_RATES,
    capabilities: { reasoning_effort: [] },
  }),
];

/** Since 2026-05-15 xAI answers requests for grok-code-fast-1 with grok-4.3 (pass as `servedBy`). */
export const LATE_2026_SERVED_BY: Readonly<Record<string, string>> = { 'grok-code-fast-1': 'grok-4.3' };
