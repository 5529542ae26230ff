import { strict as assert } from 'node:assert';
import { modelInformation } from '../../../src/lmProvider/modelInformation';
import { GROK_CODE_FAST_1_FACTS } from '../../../src/provider/models';

describe('lmProvider: model information for the picker', () => {
  it('gives id, name, family, version, the token limits and tool calling', () => {
    const info = modelInformation(GROK_CODE_FAST_1_FACTS);
    assert.equal(info.id, 'grok-code-fast-1');
    assert.equal(info.name, 'Grok Code Fast 1');
    assert.equal(info.family, 'grok-code-fast-1');
    assert.equal(info.version, 'grok-code-fast-1');
    assert.equal(info.maxOutputTokens, GROK_CODE_FAST_1_FACTS.maxOutputTokens);
    assert.equal(info.maxInputTokens + info.maxOutputTokens, GROK_CODE_FAST_1_FACTS.contextWindow, 'input and output share the window');
    assert.deepEqual(info.capabilities, { toolCalling: true, imageInput: false });
  });

  it('says image input only when the input modalities include images, and no tool calling for a model without tools', () => {
    const vision = { ...GROK_CODE_FAST_1_FACTS, id: 'grok-4', inputModalities: ['text', 'image'] };
    assert.equal(modelInformation(vision).capabilities.imageInput, true);
    const plain = { ...GROK_CODE_FAST_1_FACTS, capabilities: { ...GROK_CODE_FAST_1_FACTS.capabilities, tools: false } };
    assert.equal(modelInformation(plain).capabilities.toolCalling, false);
  });
});
