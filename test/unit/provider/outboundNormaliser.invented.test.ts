/**
 * Issue 22, invented instances: other cases of each seam kind than the examples, every body
 * built by the real wire builders (through the outbound normaliser) and checked by the strict fake's
 * rules on both wire formats.
 */
import { strict as assert } from 'node:assert';
import { checkChatBody, checkResponsesBody } from '../../fake-xai/bodyRules';
import { buildChatRequestBody, type BodySettings } from '../../../src/provider/prompt';
import { buildResponsesRequestBody } from '../../../src/provider/responsesPrompt';
import { objectArguments, objectSchema } from '../../../src/provider/outboundNormaliser';
import { MAX_OUTPUT_TOKENS } from '../../../src/provider/models';
import { type WireMessage } from '../../../src/provider/client/wire';
import { type ChatMessage, type GenerateRequest } from '../../../src/provider/types';
import { InvalidConfigError } from '../../../src/provider/errors';
import { toChatMessages, type RequestMessage } from '../../../src/lmProvider/requestMessages';
import { toolRequest } from '../../../src/lmProvider/toolRequest';

const MODEL = 'grok-4.3';
const facts = { model: MODEL, maxOutputTokens: MAX_OUTPUT_TOKENS };
const settings: BodySettings = { model: MODEL, maxTokens: 4000, modelNames: [MODEL, 'grok-4.3-latest'] };
const encryptedBy = (model: string) => Buffer.from(`fake-reasoning:${model}:plan`).toString('base64');
const user = (content: string): ChatMessage => ({ role: 'user', content });
const assistantCalling = (...ids: string[]): ChatMessage => ({ role: 'assistant', content: '', toolCalls: ids.map((id) => ({ id, name: 'read_file', arguments: '{"path":"a.ts"}' })) });
const result = (id: string, content = 'text'): ChatMessage => ({ role: 'tool', toolCallId: id, content });

/** Both bodies of a request, each accepted by the strict fake's rules. */
function accepted(request: GenerateRequest) {
  const chat = buildChatRequestBody(request, settings);
  assert.equal(checkChatBody(chat, facts), undefined, 'Chat Completions');
  const responses = buildResponsesRequestBody(request, { ...settings, conversationId: 'c' });
  assert.equal(checkResponsesBody(responses, facts), undefined, 'Responses');
  return { chat, responses };
}

/** The tool calls of a Chat Completions message (none unless it is an assistant turn). */
const toolCallsOf = (message: WireMessage) => (message.role === 'assistant' ? (message.tool_calls ?? []) : []);

/** VS Code's messages (LanguageModelChatRequestMessage shapes) as the core's messages. */
const fromVsCode = (messages: RequestMessage[]) => toChatMessages(messages, { model: MODEL, imageInput: false });

describe('outbound normaliser, invented instances (issue 22)', () => {
  describe('well-formed UTF-16', () => {
    it('a lone LOW surrogate at the start of a user text and of a tool result becomes U+FFFD', () => {
      const { chat } = accepted({ messages: [user('\uDE00 start'), assistantCalling('c1'), result('c1', '\uDC00tail')] });
      assert.equal(chat.messages[1].content, '\uFFFD start');
      assert.equal(chat.messages[3].content, '\uFFFDtail');
    });

    it('lone surrogates in a VS Code tool name, call id and argument key and value reach neither body', () => {
      const messages = fromVsCode([
        { role: 1, content: [{ value: 'go' }] },
        { role: 2, content: [{ callId: 'call_\uD83D', name: 'find\uDE00', input: { 'pa\uD83Dth': 'src/\uD83D', nested: { k: ['\uDFFF'] } } }] },
        { role: 1, content: [{ callId: 'call_\uD83D', content: [{ value: 'found' }] }] },
      ]);
      const { chat, responses } = accepted({ messages, prompt: 'next' });
      // JSON.stringify writes a lone surrogate as the escape \udXXX: the server reads it back as one.
      for (const body of [JSON.stringify(chat), JSON.stringify(responses)]) assert.doesNotMatch(body, /\\+ud[89a-f][0-9a-f]{2}/i);
      const args = JSON.parse(toolCallsOf(chat.messages[2])[0].function.arguments) as Record<string, unknown>;
      assert.deepEqual(args, { 'pa\uFFFDth': 'src/\uFFFD', nested: { k: ['\uFFFD'] } });
    });

    it('arguments JSON that escapes a lone surrogate is made well-formed, a well-formed one is kept byte for byte', () => {
      assert.equal(objectArguments('{"path":"a\\ud83d"}'), '{"path":"a\uFFFD"}');
      assert.equal(objectArguments('{"path":"a\\ud83d\\ude00"}'), '{"path":"a\\ud83d\\ude00"}');
    });
  });

  describe('tool calls and results', () => {
    it('a result in the middle of a summarised history whose call id appears later is user text, and the later call gets its own result', () => {
      const { chat } = accepted({ messages: [user('one'), result('call_x', 'old output'), user('two'), assistantCalling('call_x'), result('call_x', 'new output')], prompt: 'three' });
      assert.deepEqual(
        chat.messages.map((m) => m.role),
        ['system', 'user', 'user', 'user', 'assistant', 'tool', 'user'],
      );
      assert.match(String(chat.messages[2].content), /old output/);
      assert.equal(chat.messages[5].content, 'new output');
    });

    it('two calls with one result: the other is answered "not run", on both formats', () => {
      const { responses } = accepted({ messages: [user('go'), assistantCalling('a', 'b'), result('b')], prompt: 'next' });
      const outputs = responses.input.filter((item) => 'type' in item && item.type === 'function_call_output') as { call_id: string }[];
      assert.deepEqual(outputs.map((o) => o.call_id).sort(), ['a', 'b']);
    });

    it('parallel calls answered in reverse order, and a result given twice (the second is user text)', () => {
      accepted({ messages: [user('go'), assistantCalling('a', 'b'), result('b'), result('a'), result('a', 'again')], prompt: 'next' });
    });

    it('a VS Code user message with two tool results and text between summarised turns', () => {
      const messages = fromVsCode([
        { role: 1, content: [{ value: 'go' }] },
        { role: 2, content: [{ value: 'reading' }, { callId: 'c1', name: 'read_file', input: {} }, { callId: 'c2', name: 'read_file', input: {} }] },
        { role: 1, content: [{ callId: 'c2', content: [{ value: 'two' }] }, { callId: 'c9', content: [{ value: 'gone' }] }, { value: 'and now?' }] },
      ]);
      const { chat } = accepted({ messages });
      assert.ok(chat.messages.some((m) => m.role === 'user' && String(m.content).includes('and now?')));
    });

    it('an assistant turn with only whitespace text keeps it (the server takes any text), one with only a data part is left out', () => {
      const messages = fromVsCode([
        { role: 1, content: [{ value: 'go' }] },
        { role: 2, content: [{ value: '  \n' }] },
        { role: 1, content: [{ value: 'on' }] },
        { role: 2, content: [{ mimeType: 'image/png', data: new Uint8Array([1]) }] },
        { role: 1, content: [{ value: 'and on' }] },
      ]);
      const { chat } = accepted({ messages });
      assert.deepEqual(chat.messages.map((m) => m.role), ['system', 'user', 'assistant', 'user', 'user']);
    });

    it('arguments "[]", "42", "true" and invalid JSON are sent inside an object; "  null " is {}', () => {
      for (const text of ['[]', '42', 'true', '{"a":', "{'a':1}"]) {
        const { chat } = accepted({ messages: [user('go'), { role: 'assistant', content: '', toolCalls: [{ id: 'c', name: 'f', arguments: text }] }, result('c')] });
        assert.deepEqual(JSON.parse(toolCallsOf(chat.messages[2])[0].function.arguments), { arguments: text });
      }
      assert.equal(objectArguments('  null '), '{}');
    });
  });

  describe('tool schemas', () => {
    const offered = (inputSchema: object | undefined) => toolRequest([{ name: 'run', description: 'Runs it', ...(inputSchema && { inputSchema }) }], 1);

    it('{type: "object"} without properties, and no schema at all, are accepted on both formats', () => {
      accepted({ prompt: 'q', options: offered({ type: 'object' }) });
      accepted({ prompt: 'q', options: offered(undefined) });
    });

    it('type ["object", "null"] is sent as an object schema that keeps its properties', () => {
      const properties = { path: { type: 'string' } };
      const { chat, responses } = accepted({ prompt: 'q', options: offered({ type: ['object', 'null'], properties, required: ['path'] }) });
      assert.deepEqual(chat.tools![0].function.parameters, { type: 'object', properties, required: ['path'] });
      assert.deepEqual(responses.tools![0].parameters, { type: 'object', properties, required: ['path'] });
    });

    it('more tools than xAI takes (350) is a clear error before anything is sent; 350 are sent', () => {
      const many = (count: number) => toolRequest(Array.from({ length: count }, (_, n) => ({ name: `tool_${n}`, description: '' })), 1);
      assert.throws(() => buildResponsesRequestBody({ prompt: 'q', options: many(351) }, settings), (e: unknown) => e instanceof InvalidConfigError && /351 tools/.test(e.message));
      assert.throws(() => buildChatRequestBody({ prompt: 'q', options: many(351) }, settings), InvalidConfigError);
      assert.equal(accepted({ prompt: 'q', options: many(350) }).responses.tools?.length, 350);
    });

    it('a schema that is not an object schema (a string, an array) becomes one that takes no arguments', () => {
      assert.deepEqual(objectSchema({ type: 'string' }), { type: 'object', properties: {} });
      assert.deepEqual(objectSchema({ type: ['string', 'null'] }), { type: 'object', properties: {} });
    });
  });

  describe('reasoning replay', () => {
    it('reasoning tagged with an alias of the target model is replayed; one tagged with another model, or another model’s content, is not', () => {
      const req: GenerateRequest = {
        messages: [
          user('one'),
          {
            role: 'assistant',
            content: 'a',
            reasoningItems: [
              { id: 'rs_alias', summary: '', encryptedContent: encryptedBy(MODEL), model: 'grok-4.3-latest' },
              { id: 'rs_other', summary: 's', encryptedContent: encryptedBy('grok-4.6'), model: 'grok-4.6' },
            ],
          },
        ],
        prompt: 'two',
      };
      const { responses } = accepted(req);
      const ids = responses.input.flatMap((item) => ('type' in item && item.type === 'reasoning' ? [item.id] : []));
      assert.deepEqual(ids, ['rs_alias']);
    });
  });

  it('a reasoning item met twice in the history (the same answer remembered for two turns) is sent once', () => {
    const item = { id: 'rs_1', summary: '', encryptedContent: encryptedBy(MODEL), model: MODEL };
    const done: ChatMessage = { role: 'assistant', content: 'Done.', reasoningItems: [item] };
    const { responses } = accepted({ messages: [user('one'), done, user('two'), done], prompt: 'three' });
    assert.equal(responses.input.filter((i) => 'type' in i && i.type === 'reasoning').length, 1);
  });

  describe('maxTokens', () => {
    it('a request for 0, a fraction, NaN or Infinity tokens sends a limit the server takes, the same on both formats', () => {
      for (const maxTokens of [0, -5, 2500.7, Number.NaN, Number.POSITIVE_INFINITY]) {
        const { chat, responses } = accepted({ prompt: 'q', options: { maxTokens } });
        assert.equal(chat.max_tokens, responses.max_output_tokens, String(maxTokens));
        assert.ok(Number.isInteger(chat.max_tokens), `${maxTokens} -> ${chat.max_tokens}`);
      }
    });
  });
});
