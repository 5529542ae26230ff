import * as assert from 'node:assert/strict';
import { describeEfforts, describeModel, describePrices, formatTokens } from '../../../src/onboarding/modelDescription';
import { ModelCatalogue } from '../../../src/provider/catalogue';
import { LATE_2026_CATALOGUE } from '../../fake-xai';

const catalogue = new ModelCatalogue({ version: 1, endpoint: 'https://api.x.ai/v1', source: 'language-models', fetchedAt: 0, models: [...LATE_2026_CATALOGUE] });

describe('model descriptions (Select Model, redirect notice)', () => {
  it('gives prices per million tokens with the long-context tier', () => {
    assert.equal(
      describePrices(catalogue.factsFor('grok-4.3')),
      '$1.25 in / $0.20 cached / $2.50 out per million tokens (above 200K prompt tokens: $2.50 in / $0.40 cached / $5.00 out)',
    );
    assert.equal(describePrices(catalogue.factsFor('grok-4.7')), '$2.00 in / $0.50 cached / $6.00 out per million tokens');
    assert.equal(describePrices(catalogue.factsFor('llama-3')), undefined);
  });

  it('names the accepted efforts and the default, or none', () => {
    assert.equal(describeEfforts(catalogue.factsFor('grok-4.7')), 'effort low, medium, high, xhigh (default high)');
    assert.equal(describeEfforts(catalogue.factsFor('grok-4.20-non-reasoning')), 'no reasoning effort');
  });

  it('puts prices, context and efforts on one line', () => {
    assert.equal(
      describeModel(catalogue.factsFor('grok-4.3-latest')),
      '$1.25 in / $0.20 cached / $2.50 out per million tokens (above 200K prompt tokens: $2.50 in / $0.40 cached / $5.00 out) · 1M context · effort none, low, medium, high',
    );
    assert.equal(describeModel(catalogue.factsFor('llama-3')), 'prices not listed (the server reports the cost) · no reasoning effort');
  });

  it('writes token counts short', () => {
    assert.equal(formatTokens(1_000_000), '1M');
    assert.equal(formatTokens(256_000), '256K');
    assert.equal(formatTokens(131_072), '131K');
    assert.equal(formatTokens(512), '512');
  });
});
