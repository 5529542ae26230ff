import { strict as assert } from 'node:assert';
import { toChatMessages, UnsupportedInputError, type RequestMessage } from '../../../src/lmProvider/requestMessages';

// Parts as VS Code hands them over: class instances, here as the plain objects of the same shape.
const text = (value: string) => ({ value });
const toolCall = (callId: string, name: string, input: object) => ({ callId, name, input });
const toolResult = (callId: string, content: unknown[]) => ({ callId, content });
const data = (mimeType: string, bytes: number[]) => ({ mimeType, data: new Uint8Array(bytes) });
const user = (...content: unknown[]): RequestMessage => ({ role: 1, content });
const assistant = (...content: unknown[]): RequestMessage => ({ role: 2, content });

const textOnly = { model: 'grok-code-fast-1', imageInput: false };
const vision = { model: 'grok-4', imageInput: true };

describe('lmProvider: VS Code request messages in the core terms', () => {
  it('maps an assistant tool call and the next user message\'s tool result to the wire\'s tool round', () => {
    const messages = toChatMessages(
      [
        user(text('Where is main?')),
        assistant(text('Looking.'), toolCall('call_1', 'search', { query: 'main' })),
        user(toolResult('call_1', [text('src/main.ts:12')]), text('And then?')),
      ],
      textOnly,
    );
    assert.deepEqual(messages, [
      { role: 'user', content: 'Where is main?' },
      { role: 'assistant', content: 'Looking.', toolCalls: [{ id: 'call_1', name: 'search', arguments: '{"query":"main"}' }] },
      { role: 'tool', toolCallId: 'call_1', content: 'src/main.ts:12' },
      { role: 'user', content: 'And then?' },
    ]);
  });

  it('keeps several tool results of one message in their order, with no empty user message after them', () => {
    const messages = toChatMessages([user(toolResult('a', [text('1')]), toolResult('b', [data('application/json', [123, 125])]))], textOnly);
    assert.deepEqual(messages, [
      { role: 'tool', toolCallId: 'a', content: '1' },
      { role: 'tool', toolCallId: 'b', content: '{}' },
    ]);
  });

  it('keeps a tool result part it does not know as JSON rather than dropping it', () => {
    const [message] = toChatMessages([user(toolResult('a', [{ value: { tsx: true } }]))], textOnly);
    assert.deepEqual(message, { role: 'tool', toolCallId: 'a', content: '{"value":{"tsx":true}}' });
  });

  it('turns an image into an image input for a model that reads images', () => {
    const [message] = toChatMessages([user(text('What is this?'), data('image/png', [1, 2, 3]))], vision);
    assert.deepEqual(message, { role: 'user', content: 'What is this?', images: [{ url: 'data:image/png;base64,AQID' }] });
  });

  it('refuses an image for a text-only model with a clear error instead of dropping it', () => {
    assert.throws(
      () => toChatMessages([user(text('What is this?'), data('image/jpeg', [1]))], textOnly),
      (error: unknown) => error instanceof UnsupportedInputError && /grok-code-fast-1 reads text only/.test(error.message),
    );
  });

  it("drops VS Code's own markers (data parts that are neither text nor images)", () => {
    const messages = toChatMessages([user(text('hi'), data('cache_control', [1])), assistant(text('yo'), data('stateful_marker', [2]))], textOnly);
    assert.deepEqual(messages, [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'yo' },
    ]);
  });

  it("maps VS Code's system role (3) to a system message and refuses a role it does not know", () => {
    assert.deepEqual(toChatMessages([{ role: 3, content: [text('Be brief.')] }], textOnly), [{ role: 'system', content: 'Be brief.' }]);
    assert.throws(() => toChatMessages([{ role: 7, content: [text('?')] }], textOnly), /role 7/);
  });
});
