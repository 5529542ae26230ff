/**
 * An xAI-like prompt cache for the fake server. xAI caches a prompt's prefix per cache key (the
 * `x-grok-conv-id` header, or `prompt_cache_key` in the body) and bills the part of a new prompt
 * that repeats the previous prompt of the same key as `prompt_tokens_details.cached_tokens`, in
 * whole blocks (source: docs.x.ai "Prompt caching"; the block size here is 64 tokens). Without a
 * key nothing is cached. Tokens are counted as the fake counts them everywhere: 4 characters each.
 *
 * Pure apart from the per-key memory it is handed, so the chat-completions route and the Responses
 * route share one function: `cachedPromptTokens(memory, key, promptText)`.
 */
export const CACHE_BLOCK_TOKENS = 64;
/** The fake counts 4 characters a token everywhere (answer.ts). */
export const CHARS_PER_TOKEN = 4;

/** The previous prompt text per cache key. One per server: keys never cross servers. */
export type PromptCacheMemory = Map<string, string>;

/** The cache key of a request: `x-grok-conv-id` first, then the body's `prompt_cache_key`. */
export function promptCacheKey(headers: Record<string, string | string[] | undefined>, body: unknown): string | undefined {
  const header = headers['x-grok-conv-id'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (fromHeader !== undefined && fromHeader !== '') return fromHeader;
  const field = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).prompt_cache_key : undefined;
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/** Characters two texts share from their start. */
export function commonPrefixLength(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Cached tokens of this prompt: floor(common-prefix tokens with the previous prompt of the same
 * key / 64) * 64, or 0 without a key or a previous prompt. Remembers this prompt for the key.
 */
export function cachedPromptTokens(memory: PromptCacheMemory, key: string | undefined, promptText: string): number {
  if (key === undefined) return 0;
  const previous = memory.get(key);
  memory.set(key, promptText);
  if (previous === undefined) return 0;
  const commonTokens = Math.floor(commonPrefixLength(previous, promptText) / CHARS_PER_TOKEN);
  return Math.floor(commonTokens / CACHE_BLOCK_TOKENS) * CACHE_BLOCK_TOKENS;
}
