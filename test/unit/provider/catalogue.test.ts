import { strict as assert } from 'node:assert';
import { ModelCatalogue, type CatalogueSnapshot } from '../../../src/provider/catalogue';
import { costUsd } from '../../../src/provider/models';
import { LATE_2026_CATALOGUE } from '../../fake-xai';

const close = (actual: number | undefined, expected: number) => assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);

function snapshot(models: unknown[]): CatalogueSnapshot {
  return { version: 1, endpoint: 'https://api.x.ai/v1', source: 'language-models', fetchedAt: 0, models };
}

describe('ModelCatalogue', () => {
  const catalogue = new ModelCatalogue(snapshot([...LATE_2026_CATALOGUE]));

  it('turns ticks per token into USD per million', () => {
    const grok43 = catalogue.factsFor('grok-4.3');
    close(grok43.pricing?.inputPerMillion, 1.25);
    close(grok43.pricing?.cachedInputPerMillion, 0.2);
    close(grok43.pricing?.outputPerMillion, 2.5);
    const grok47 = catalogue.factsFor('grok-4.7');
    close(grok47.pricing?.inputPerMillion, 2);
    close(grok47.pricing?.cachedInputPerMillion, 0.5);
    close(grok47.pricing?.outputPerMillion, 6);
  });

  it('resolves aliases to the same facts and the same id', () => {
    assert.equal(catalogue.factsFor('grok-4.3-latest'), catalogue.factsFor('grok-4.3'));
    assert.equal(catalogue.canonicalId('grok-4.3-latest'), 'grok-4.3');
    assert.equal(catalogue.canonicalId('grok-4.20-non-reasoning'), 'grok-4.20-0309-non-reasoning');
    assert.equal(catalogue.canonicalId('grok-9'), 'grok-9');
  });

  it('keeps the long-context tier and its threshold; 0 prices mean no tier', () => {
    const tier = catalogue.factsFor('grok-4.3').pricing?.longContext;
    assert.equal(tier?.thresholdTokens, 200_000);
    close(tier?.inputPerMillion, 2.5);
    close(tier?.cachedInputPerMillion, 0.4);
    close(tier?.outputPerMillion, 5);
    assert.equal(catalogue.factsFor('grok-4.7').pricing?.longContext, undefined);
    // 300K prompt tokens, none cached, 1,000 output: long-context rates.
    close(costUsd(catalogue.factsFor('grok-4.3').pricing, { promptTokens: 300_000, cachedTokens: 0, completionTokens: 1000, reasoningTokens: 0 }), 0.75 + 0.005);
  });

  it('reads efforts, lowest first, and the default effort', () => {
    assert.deepEqual(catalogue.factsFor('grok-4.6').reasoningEfforts, ['low', 'medium', 'high', 'xhigh']);
    assert.equal(catalogue.factsFor('grok-4.6').defaultReasoningEffort, 'high');
    assert.deepEqual(catalogue.factsFor('grok-4.20-0309-non-reasoning').reasoningEfforts, []);
    const shuffled = new ModelCatalogue(snapshot([{ id: 'm', capabilities: { reasoning_effort: ['high', 'none', 'medium'] } }]));
    assert.deepEqual(shuffled.factsFor('m').reasoningEfforts, ['none', 'medium', 'high']);
  });

  it('keeps input modalities and takes a context window from the docs when the catalogue has none', () => {
    assert.deepEqual(catalogue.factsFor('grok-4.3').inputModalities, ['text', 'image']);
    assert.equal(catalogue.factsFor('grok-4.3').contextWindow, 1_000_000);
    assert.equal(catalogue.factsFor('grok-4.5').contextWindow, undefined);
    const openRouter = new ModelCatalogue(snapshot([{ id: 'x-ai/grok-4.5', context_length: 256_000 }]));
    assert.equal(openRouter.factsFor('x-ai/grok-4.5').contextWindow, 256_000);
  });

  it('skips an entry that does not parse and names it', () => {
    const skipped: string[] = [];
    const partial = new ModelCatalogue(snapshot([{ id: 'good' }, { id: 'bad', prompt_text_token_price: 'cheap' }, 42]), (what) => skipped.push(what));
    assert.deepEqual(
      partial.models.map((model) => model.id),
      ['good'],
    );
    assert.deepEqual(skipped, ['bad', '#2']);
  });

  it('gives an unlisted id default facts, and a listed id without prices is inferred', () => {
    const ids = new ModelCatalogue(snapshot([{ id: 'llama-3' }]));
    assert.equal(ids.factsFor('llama-3').inferred, true);
    assert.equal(ids.factsFor('llama-3').pricing, undefined);
    assert.equal(ids.factsFor('mistral').inferred, true);
    assert.equal(catalogue.factsFor('grok-4.5').inferred, false);
  });

  it('falls back to last-resort facts for names it does not list', () => {
    const empty = new ModelCatalogue(undefined);
    close(empty.factsFor('grok-code-fast-1').pricing?.outputPerMillion, 2.5);
    assert.equal(empty.canonicalId('grok-4.3-latest'), 'grok-4.3');
  });
});
