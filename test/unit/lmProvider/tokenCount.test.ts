import { strict as assert } from 'node:assert';
import { estimateTokenCount } from '../../../src/lmProvider/tokenCount';

describe('lmProvider: local token estimate', () => {
  it('counts a string at 4 characters a token', () => {
    assert.equal(estimateTokenCount('x'.repeat(400)), 100);
    assert.equal(estimateTokenCount('abcde'), 2);
  });

  it('counts the text, tool calls and tool results of a message, and nothing for images', () => {
    const message = {
      role: 1,
      content: [
        { value: 'a'.repeat(8) },
        { callId: 'c', name: 'ab', input: { q: 1 } }, // "ab" + '{"q":1}' = 9 characters
        { callId: 'c', content: [{ value: 'b'.repeat(3) }] },
        { mimeType: 'image/png', data: new Uint8Array(4000) },
      ],
    };
    assert.equal(estimateTokenCount(message), Math.ceil(20 / 4));
  });
});
