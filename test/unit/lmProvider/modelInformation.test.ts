import { strict as assert } from 'node:assert';
import { modelInformation, PICKER_DETAIL, UNKNOWN_CONTEXT_WINDOW } from '../../../src/lmProvider/modelInformation';
import { lastResortFactsFor } from '../../../src/provider/models';

const GROK_CODE_FAST_1_FACTS = lastResortFactsFor('grok-code-fast-1')!;

describe('lmProvider: model information for the picker', () => {
  it('gives id, name, family, version, the token limits and tool calling', () => {
    const info = modelInformation(GROK_CODE_FAST_1_FACTS);
    assert.equal(info.id, 'grok-code-fast-1');
    assert.equal(info.name, GROK_CODE_FAST_1_FACTS.displayName);
    assert.equal(info.family, 'grok-code-fast-1');
    assert.equal(info.version, 'grok-code-fast-1');
    assert.equal(info.maxOutputTokens, GROK_CODE_FAST_1_FACTS.maxOutputTokens);
    assert.equal(info.maxInputTokens + info.maxOutputTokens, GROK_CODE_FAST_1_FACTS.contextWindow, 'input and output share the window');
    assert.deepEqual(info.capabilities, { toolCalling: true, imageInput: false });
  });

  it('says image input only when the input modalities include images', () => {
    const vision = { ...GROK_CODE_FAST_1_FACTS, id: 'grok-4', inputModalities: ['text', 'image'] };
    assert.equal(modelInformation(vision).capabilities.imageInput, true);
  });

  it('assumes a 128K window for a model whose window nobody states', () => {
    const unknown = { ...GROK_CODE_FAST_1_FACTS, id: 'local-model', contextWindow: undefined };
    assert.equal(modelInformation(unknown).maxInputTokens + modelInformation(unknown).maxOutputTokens, UNKNOWN_CONTEXT_WINDOW);
  });

  it("labels every model with the extension's name, not 'xAI' (VS Code's own xAI key provider uses that)", () => {
    assert.equal(PICKER_DETAIL, 'Grok Code Fast');
    assert.equal(modelInformation(GROK_CODE_FAST_1_FACTS).detail, PICKER_DETAIL);
  });
});
