import * as assert from 'node:assert/strict';
import { featuresUsing, isRedirect, notServedMessage, redirectMessage } from '../../../src/onboarding/servedModelWords';
import { ModelCatalogue } from '../../../src/provider/catalogue';
import { LATE_2026_CATALOGUE } from '../../fake-xai';

const models = new ModelCatalogue({ version: 1, endpoint: 'https://api.x.ai/v1', source: 'language-models', fetchedAt: 0, models: [...LATE_2026_CATALOGUE] });

describe('served-model notice: decisions and words', () => {
  it('counts another model as a redirect, an alias or proxy prefix of the same model not', () => {
    assert.equal(isRedirect(models, 'grok-code-fast-1', 'grok-4.3'), true);
    assert.equal(isRedirect(models, 'grok-4.3-latest', 'grok-4.3'), false);
    assert.equal(isRedirect(models, 'grok-4.20-non-reasoning', 'grok-4.20-0309-non-reasoning'), false);
    assert.equal(isRedirect(models, 'xai/grok-4.3', 'grok-4.3'), false);
    assert.equal(isRedirect(models, 'grok-4.5', 'grok-4.6'), true);
  });

  it('finds every feature configured with the model, by any of its names', () => {
    const configured = { chat: 'grok-4.3-latest', inline: 'grok-4.3', action: 'grok-4.7' };
    assert.deepEqual(featuresUsing(models, configured, 'grok-4.3'), ['chat', 'inline']);
    assert.deepEqual(featuresUsing(models, configured, 'grok-4.7'), ['action']);
    assert.deepEqual(featuresUsing(models, configured, 'grok-9'), []);
  });

  it("names both models and the serving model's prices", () => {
    assert.equal(
      redirectMessage(models, 'grok-code-fast-1', 'grok-4.7'),
      'Grok Code Fast: you chose grok-code-fast-1, but grok-4.7 answered (xAI retired or redirected the name). ' +
        'You are billed for grok-4.7: $2.00 in / $0.50 cached / $6.00 out per million tokens.',
    );
    assert.match(redirectMessage(models, 'grok-4.5', 'grok-unknown'), /You are billed for grok-unknown\.$/);
    assert.match(notServedMessage('grok-3'), /model "grok-3" is not served by this endpoint/);
  });
});
