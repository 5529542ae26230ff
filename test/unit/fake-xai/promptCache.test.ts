import { strict as assert } from 'node:assert';
import { request } from 'undici';
import { startFakeXai, TEST_API_KEY } from '../../fake-xai';
import { CACHE_BLOCK_TOKENS, cachedPromptTokens, commonPrefixLength, promptCacheKey, type PromptCacheMemory } from '../../fake-xai/promptCache';

describe('fake-xai/promptCache', () => {
  const long = 'x'.repeat(4 * 200); // 200 tokens

  it('caches nothing on a key’s first request, then whole 64-token blocks of the common prefix', () => {
    const memory: PromptCacheMemory = new Map();
    assert.equal(cachedPromptTokens(memory, 'doc-1', `${long}a`), 0);
    // 200 common tokens: three whole blocks.
    assert.equal(cachedPromptTokens(memory, 'doc-1', `${long}b`), 3 * CACHE_BLOCK_TOKENS);
    // The prefix is compared with the previous request of the key, not the first.
    assert.equal(cachedPromptTokens(memory, 'doc-1', `${'x'.repeat(4 * 63)}y`), 0);
  });

  it('keeps keys apart and caches nothing without a key', () => {
    const memory: PromptCacheMemory = new Map();
    cachedPromptTokens(memory, 'a', long);
    assert.equal(cachedPromptTokens(memory, 'b', long), 0);
    assert.equal(cachedPromptTokens(memory, undefined, long), 0);
    assert.equal(cachedPromptTokens(memory, undefined, long), 0);
  });

  it('takes the key from x-grok-conv-id first, then prompt_cache_key', () => {
    assert.equal(promptCacheKey({ 'x-grok-conv-id': 'h' }, { prompt_cache_key: 'b' }), 'h');
    assert.equal(promptCacheKey({}, { prompt_cache_key: 'b' }), 'b');
    assert.equal(promptCacheKey({}, { prompt_cache_key: 3 }), undefined);
    assert.equal(promptCacheKey({ 'x-grok-conv-id': '' }, undefined), undefined);
  });

  it('counts the common prefix in characters', () => {
    assert.equal(commonPrefixLength('abcd', 'abxd'), 2);
    assert.equal(commonPrefixLength('', 'a'), 0);
  });

  it('reports cached_tokens in the chat-completions usage of the fake server', async () => {
    const fake = await startFakeXai();
    try {
      const post = async (content: string, convId?: string) => {
        const response = await request(`${fake.url}/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', ...(convId && { 'x-grok-conv-id': convId }) },
          body: JSON.stringify({ model: 'grok-code-fast-1', messages: [{ role: 'user', content }] }),
        });
        return ((await response.body.json()) as { usage: { prompt_tokens_details: { cached_tokens: number } } }).usage.prompt_tokens_details.cached_tokens;
      };
      assert.equal(await post(`${long}1`, 'conv'), 0);
      assert.equal(await post(`${long}2`, 'conv'), 3 * CACHE_BLOCK_TOKENS);
      assert.equal(await post(`${long}3`), 0);
    } finally {
      await fake.close();
    }
  });
});
