import { strict as assert } from 'node:assert';
import { describeAutoChoice } from '../../../src/onboarding/autoModelWords';
import { createLogger } from '../../../src/provider/logger';
import { AUTO_MODEL, chooseAutoInlineModel } from '../../../src/provider/inlineModelChoice';
import { ModelRegistry } from '../../../src/provider/registry';
import { modelsInUse } from '../../../src/platform/modelsInUse';
import { DEFAULT_MODEL } from '../../../src/platform/settingsSchema';
import { type FakeXai, LATE_2026_CATALOGUE, startFakeXai, TEST_API_KEY } from '../../fake-xai';

const WITHOUT_NON_REASONING = LATE_2026_CATALOGUE.filter((entry) => !entry.id.includes('non-reasoning'));

describe('inlineCompletions.model "auto"', function () {
  this.timeout(10_000);
  let fake: FakeXai;
  let registry: ModelRegistry;
  afterEach(async () => {
    await registry?.dispose();
    await fake?.close();
  });

  /** The registry after reading the fake's GET /v1/language-models. */
  async function catalogueOf(catalogue: typeof LATE_2026_CATALOGUE) {
    fake = await startFakeXai({ catalogue });
    registry = new ModelRegistry(createLogger({ level: 'error' }), { endpoint: fake.url, apiKey: TEST_API_KEY });
    await registry.initialize();
    assert.ok(fake.requests.some((request) => request.path === '/v1/language-models'), 'the models come from the endpoint');
    return registry.listModels();
  }

  it('picks the non-reasoning model the catalogue lists, and says so', async () => {
    const models = await catalogueOf(LATE_2026_CATALOGUE);
    const choice = chooseAutoInlineModel(models);
    assert.deepEqual(choice, { model: 'grok-4.20-0309-non-reasoning', reason: 'non-reasoning' });
    assert.equal(modelsInUse({ chat: 'grok-4.7', inline: AUTO_MODEL, action: 'grok-4.5' }, models).inline, 'grok-4.20-0309-non-reasoning');
    assert.match(describeAutoChoice(choice, DEFAULT_MODEL), /^Now grok-4\.20-0309-non-reasoning: a non-reasoning model, the fastest to a first token/);
  });

  it('falls back to the model with the lowest reasoning effort when no non-reasoning model is listed', async () => {
    const models = await catalogueOf(WITHOUT_NON_REASONING);
    const choice = chooseAutoInlineModel(models);
    assert.deepEqual(choice, { model: 'grok-4.3', reason: 'lowest-effort', effort: 'none' });
    assert.match(describeAutoChoice(choice, DEFAULT_MODEL), /lists no non-reasoning model; grok-4\.3 accepts the lowest reasoning effort \(none\)/);
    // Without grok-4.3 the lowest effort left is `low`; grok-4.5 is listed first among those.
    const rest = await catalogueOf(WITHOUT_NON_REASONING.filter((entry) => entry.id !== 'grok-4.3'));
    assert.deepEqual(chooseAutoInlineModel(rest), { model: 'grok-4.5', reason: 'lowest-effort', effort: 'low' });
  });

  it('the user’s own model is kept as set; with no catalogue read, auto is the default model', () => {
    const models = chooseAutoInlineModel([]);
    assert.equal(models, undefined);
    assert.deepEqual(modelsInUse({ chat: 'grok-4.7', inline: 'grok-4.7', action: 'grok-4.3' }, []), { chat: 'grok-4.7', inline: 'grok-4.7', action: 'grok-4.3' });
    assert.equal(modelsInUse({ chat: 'grok-4.7', inline: AUTO_MODEL, action: 'grok-4.3' }, []).inline, DEFAULT_MODEL);
    assert.match(describeAutoChoice(undefined, DEFAULT_MODEL), /^Now grok-4\.3: the endpoint lists no model/);
  });

  it('an inline request to the picked model sends no reasoning effort (the fake refuses one, as xAI does)', async () => {
    const models = await catalogueOf(LATE_2026_CATALOGUE);
    const picked = modelsInUse({ chat: 'grok-4.3', inline: AUTO_MODEL, action: 'grok-4.3' }, models).inline;
    await registry.getConsentManager().recordConsent({ userId: 'default', modelId: picked, endpoint: new URL(fake.url).origin, consentGiven: true, dataUsageAcknowledged: true });
    const result = await registry.getProvider(picked).generateResponse({ prompt: 'q', metadata: { feature: 'inline' } });
    assert.equal(result.content, 'Hello from the fake Grok.');
    const body = fake.requests.at(-1)?.body as Record<string, unknown>;
    assert.equal(body.model, 'grok-4.20-0309-non-reasoning');
    assert.equal(body.reasoning, undefined);
    assert.equal(body.reasoning_effort, undefined);
  });
});
