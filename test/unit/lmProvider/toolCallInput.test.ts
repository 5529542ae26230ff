import { strict as assert } from 'node:assert';
import { toolCallInput } from '../../../src/lmProvider/toolCallInput';

describe('lmProvider: tool-call arguments', () => {
  it('parses the JSON object the model wrote; empty arguments are none', () => {
    assert.deepEqual(toolCallInput({ id: 'c', name: 'search', arguments: '{"query":"main","limit":3}' }), { query: 'main', limit: 3 });
    assert.deepEqual(toolCallInput({ id: 'c', name: 'list', arguments: '  ' }), {});
  });

  it('names the tool when the arguments are not a JSON object', () => {
    assert.throws(() => toolCallInput({ id: 'c', name: 'search', arguments: '{"query":' }), /tool "search".*not a JSON object/);
    assert.throws(() => toolCallInput({ id: 'c', name: 'list', arguments: '[1,2]' }), /tool "list"/);
  });
});
