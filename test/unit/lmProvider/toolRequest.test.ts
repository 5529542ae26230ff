import { strict as assert } from 'node:assert';
import { TOOL_MODE, toolRequest } from '../../../src/lmProvider/toolRequest';

const search = { name: 'search', description: 'Search the workspace', inputSchema: { type: 'object', properties: { query: { type: 'string' } } } };
const list = { name: 'list', description: 'List a folder' };

describe('lmProvider: tools and tool mode', () => {
  it('offers the tools with auto choice in auto mode', () => {
    const request = toolRequest([search], TOOL_MODE.auto);
    assert.equal(request.toolChoice, 'auto');
    assert.deepEqual(request.tools, [{ name: 'search', description: 'Search the workspace', parameters: search.inputSchema }]);
  });

  it('names the one tool in required mode, and asks for any tool when there are several', () => {
    assert.deepEqual(toolRequest([search], TOOL_MODE.required).toolChoice, { name: 'search' });
    assert.equal(toolRequest([search, list], TOOL_MODE.required).toolChoice, 'required');
  });

  it('gives a tool without a schema an empty object schema', () => {
    assert.deepEqual(toolRequest([list], TOOL_MODE.auto).tools?.[0].parameters, { type: 'object', properties: {} });
  });

  it('sends no tool fields without tools, and refuses required mode without tools', () => {
    assert.deepEqual(toolRequest(undefined, TOOL_MODE.auto), {});
    assert.deepEqual(toolRequest([], TOOL_MODE.auto), {});
    assert.throws(() => toolRequest([], TOOL_MODE.required), /at least one tool/);
  });
});
