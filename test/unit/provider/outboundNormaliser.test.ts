import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkChatBody, checkResponsesBody } from '../../fake-xai/bodyRules';
import { buildChatRequestBody, type BodySettings } from '../../../src/provider/prompt';
import { buildResponsesRequestBody } from '../../../src/provider/responsesPrompt';
import { CALL_NOT_RUN_RESULT, normaliseMessages, objectArguments, objectSchema, wellFormed } from '../../../src/provider/outboundNormaliser';
import { MAX_OUTPUT_TOKENS } from '../../../src/provider/models';
import { type ChatMessage, type GenerateRequest, type ReasoningItem } from '../../../src/provider/types';
import { toChatMessages } from '../../../src/lmProvider/requestMessages';
import { toolRequest } from '../../../src/lmProvider/toolRequest';
import { toWireMessages } from '../../../src/chat/wireMessages';
import { type Entry } from '../../../src/chat/historySchema';

const MODEL = 'grok-4.3';
/** The model's output cap the property bodies are checked against (the product's). */
const facts = { model: MODEL, maxOutputTokens: MAX_OUTPUT_TOKENS };
const settings: BodySettings = { model: MODEL, maxTokens: 4000 };
/** The fake's encrypted reasoning for `model` (responsesAnswer.ts). */
const encryptedBy = (model: string) => Buffer.from(`fake-reasoning:${model}:plan`).toString('base64');

/** Text with emoji, CJK and ASCII, cut at any UTF-16 offset (so it may end or start in half an emoji). */
const cutText = fc
  .tuple(fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é', '日', '\uD83D\uDE00', '\uD83C\uDF89', '👍🏽'), maxLength: 12 }), fc.nat(), fc.nat())
  .map(([text, from, to]) => text.slice(Math.min(from, to) % (text.length + 1), Math.max(from, to) % (text.length + 1) || undefined));
const callId = fc.constantFrom('call_a', 'call_b', 'call_c', 'call_\uD83D');
const rawArguments = fc.oneof(fc.constantFrom('', 'null', '{}', ' ', '[1]', '"x"', '{"path":"src/ut', '{"path":"a\uD83D"}'), cutText);
const schema = fc.oneof(
  fc.constantFrom<unknown>({}, undefined, { properties: { p: { type: 'string' } } }, { type: 'object' }, { type: 'string' }, null, []),
  fc.dictionary(cutText, cutText, { maxKeys: 2 }),
);
/** As the assembler keeps them: with the model that produced them, encrypted or (asked without `include`) not, or untagged (older history). */
const reasoningItem: fc.Arbitrary<ReasoningItem> = fc
  .tuple(fc.constantFrom('rs_1', 'rs_2'), cutText, fc.constantFrom(MODEL, 'grok-4.6', undefined), fc.boolean())
  .map(([id, summary, model, encrypted]) => ({
    id,
    summary,
    ...(encrypted && { encryptedContent: encryptedBy(model ?? 'grok-4.6') }),
    ...(model !== undefined && { model }),
  }));

/** VS Code's `LanguageModelChatRequestMessage` parts, by shape (requestParts.ts). */
const textPart = cutText.map((value) => ({ value }));
const dataPart = fc.record({ mimeType: fc.constantFrom('text/plain', 'application/octet-stream', 'cache_control'), data: fc.uint8Array({ maxLength: 6 }) });
const toolCallPart = fc.record({ callId, name: fc.constantFrom('read_file', 'find\uDE00'), input: fc.dictionary(cutText, cutText, { maxKeys: 2 }) });
const toolResultPart = fc.record({ callId, content: fc.array(textPart, { maxLength: 2 }) });
const lmMessage = fc.oneof(
  fc.record({ role: fc.constant(1), content: fc.array(fc.oneof(textPart, dataPart, toolResultPart), { maxLength: 4 }) }),
  fc.record({ role: fc.constant(2), content: fc.array(fc.oneof(textPart, dataPart, toolCallPart), { maxLength: 3 }) }),
  fc.record({ role: fc.constant(3), content: fc.array(textPart, { maxLength: 1 }) }),
);

/** The chat panel's stored entries: prompts, answers with tool calls (run, stopped before running, cut). */
const storedCall = fc.record(
  { id: callId, name: fc.constant('read_file'), arguments: rawArguments, result: cutText, argsSummary: fc.constant('') },
  { requiredKeys: ['id', 'name', 'arguments', 'argsSummary'] },
);
const entry: fc.Arbitrary<Entry> = fc.oneof(
  fc.record({ role: fc.constant('user' as const), id: fc.constant('u'), createdAt: fc.constant(1), text: cutText, chips: fc.constant([] as []), prompt: cutText }),
  fc.record({
    role: fc.constant('assistant' as const),
    id: fc.constant('a'),
    createdAt: fc.constant(1),
    steps: fc.array(
      fc.record(
        { content: cutText, reasoning: cutText, reasoningItems: fc.array(reasoningItem, { maxLength: 2 }), toolCalls: fc.array(storedCall, { maxLength: 2 }) },
        { requiredKeys: ['content'] },
      ),
      { maxLength: 3 },
    ),
    stopped: fc.boolean(),
  }),
);

const tools = fc.array(
  fc.record({ name: fc.constantFrom('read_file', 'search\uD83D'), description: cutText, inputSchema: schema as fc.Arbitrary<object> }, { requiredKeys: ['name', 'description'] }),
  { maxLength: 2 },
);

const decoder = new TextDecoder();
function textOfPart(part: object): string {
  if ('value' in part) return String(part.value);
  if ('mimeType' in part && part.mimeType === 'text/plain' && 'data' in part && part.data instanceof Uint8Array) return decoder.decode(part.data);
  return '';
}

/** A history as a surface sends it, with a summary (any messages left out) and the user's own texts. */
interface History {
  messages: ChatMessage[];
  userTexts: string[];
}

const lmHistory: fc.Arbitrary<History> = fc.array(lmMessage, { minLength: 1, maxLength: 6 }).map((messages) => ({
  messages: toChatMessages(messages, { model: MODEL, imageInput: false }),
  // A message's text parts (and text data parts) are one text: VS Code may split an emoji between two parts.
  userTexts: messages.filter((m) => m.role === 1).map((m) => m.content.map(textOfPart).join('')),
}));
const panelHistory: fc.Arbitrary<History> = fc.array(entry, { minLength: 1, maxLength: 5 }).map((entries) => ({
  messages: toWireMessages(entries),
  userTexts: entries.flatMap((e) => (e.role === 'user' ? [e.prompt] : [])),
}));
/** A summarised history: some messages are gone (a call whose result stays, a result whose call stays). */
const history = fc
  .tuple(fc.oneof(lmHistory, panelHistory), fc.array(fc.boolean(), { maxLength: 20 }))
  .map(([h, keep]) => ({ ...h, messages: h.messages.filter((message, i) => message.role === 'user' || keep[i] !== false) }));

function request(h: History, offered: ReturnType<typeof toolRequest>, prompt: string, maxTokens: number | undefined): GenerateRequest {
  return { messages: h.messages, prompt: `${prompt}?`, options: { ...offered, ...(maxTokens === undefined ? {} : { maxTokens }) } };
}

/** Every string of a JSON value, keys too. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)]);
}

function keepsEveryUserCharacter(body: object, texts: readonly string[]): void {
  const sent = stringsOf(body);
  for (const text of texts) {
    const expected = wellFormed(text);
    if (expected !== '') assert.ok(sent.some((s) => s.includes(expected)), `user text ${JSON.stringify(expected)} is missing from the body`);
  }
}

describe('outbound normaliser', () => {
  it('property: any lm or panel history, summarised or not, gives bodies the strict fake accepts on both formats, keeping every user character', () => {
    fc.assert(
      fc.property(history, tools, fc.integer({ min: 1, max: 3 }), cutText, fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: undefined }), (h, offered, mode, prompt, maxTokens) => {
        const req = request(h, toolRequest(offered, offered.length === 0 || mode === 3 ? 1 : mode), prompt, maxTokens);
        const chatBody = buildChatRequestBody(req, settings);
        assert.equal(checkChatBody(chatBody, facts), undefined);
        const responsesBody = buildResponsesRequestBody(req, { ...settings, conversationId: 'c' });
        assert.equal(checkResponsesBody(responsesBody, facts), undefined);
        keepsEveryUserCharacter(chatBody, [...h.userTexts, prompt]);
        keepsEveryUserCharacter(responsesBody, [...h.userTexts, prompt]);
        assert.equal(chatBody.max_tokens, responsesBody.max_output_tokens);
      }),
      { numRuns: 500 },
    );
  });

  describe('examples', () => {
    const user = (content: string): ChatMessage => ({ role: 'user', content });

    it('a tool result whose call was summarised away becomes user text (microsoft/vscode#320060)', () => {
      const messages = normaliseMessages([user('go'), { role: 'tool', toolCallId: 'call_x', content: 'file text' }, user('next')], [MODEL]);
      assert.deepEqual(messages, [user('go'), user('Result of an earlier tool call (call_x):\nfile text'), user('next')]);
    });

    it('a tool result ending in half an emoji reaches the body as U+FFFD, on both formats (opencode#14630)', () => {
      const req: GenerateRequest = {
        messages: [
          user('party?'),
          { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'fetch', arguments: '{}' }] },
          { role: 'tool', toolCallId: 'c1', content: 'Party time \uD83D' },
        ],
      };
      const chatBody = buildChatRequestBody(req, settings);
      assert.equal(chatBody.messages.at(-1)!.content, 'Party time \uFFFD');
      assert.ok(!JSON.stringify(chatBody).includes('\\ud83d'));
      const input = buildResponsesRequestBody(req, settings).input;
      assert.deepEqual(input.at(-1), { type: 'function_call_output', call_id: 'c1', output: 'Party time \uFFFD' });
    });

    it('a VS Code tool declared with inputSchema {} is sent with an object schema (microsoft/vscode#330610)', () => {
      const offered = toolRequest([{ name: 'run', description: 'Runs it', inputSchema: {} }], 1);
      const chatBody = buildChatRequestBody({ prompt: 'q', options: offered }, settings);
      assert.deepEqual(chatBody.tools![0].function.parameters, { type: 'object', properties: {} });
      assert.deepEqual(buildResponsesRequestBody({ prompt: 'q', options: offered }, settings).tools![0].parameters, { type: 'object', properties: {} });
      assert.deepEqual(objectSchema({ properties: { a: {} } }), { type: 'object', properties: { a: {} } });
    });

    it('an assistant turn holding only a data part is left out, not sent as content ""', () => {
      const messages = toChatMessages(
        [
          { role: 1, content: [{ value: 'hi' }] },
          { role: 2, content: [{ mimeType: 'cache_control', data: new Uint8Array([1]) }] },
          { role: 1, content: [{ value: 'again' }] },
        ],
        { model: MODEL, imageInput: false },
      );
      const body = buildChatRequestBody({ messages }, settings);
      assert.deepEqual(body.messages.map((m) => m.role), ['system', 'user', 'user']);
    });

    it('a call with no result gets a "not run" result before the next turn', () => {
      const messages = normaliseMessages([user('go'), { role: 'assistant', content: 'x', toolCalls: [{ id: 'c1', name: 'f', arguments: 'null' }] }, user('stop')], [MODEL]);
      assert.deepEqual(messages, [
        user('go'),
        { role: 'assistant', content: 'x', toolCalls: [{ id: 'c1', name: 'f', arguments: '{}' }] },
        { role: 'tool', toolCallId: 'c1', content: CALL_NOT_RUN_RESULT },
        user('stop'),
      ]);
    });

    it('arguments: empty and null are {}, a JSON object is kept byte for byte, anything else is wrapped', () => {
      assert.equal(objectArguments(''), '{}');
      assert.equal(objectArguments('null'), '{}');
      assert.equal(objectArguments('{ "a": 1 }'), '{ "a": 1 }');
      assert.equal(objectArguments('{"path":"src/ut'), '{"arguments":"{\\"path\\":\\"src/ut"}');
    });

    it('reasoning goes only to the model that produced it, and never without encrypted content (opencode#7724)', () => {
      const items: ReasoningItem[] = [
        { id: 'rs_mine', summary: 's', encryptedContent: encryptedBy(MODEL), model: MODEL },
        { id: 'rs_other', summary: 's', encryptedContent: encryptedBy('grok-4.6'), model: 'grok-4.6' },
        { id: 'rs_plain', summary: 's', model: MODEL },
      ];
      const req: GenerateRequest = { messages: [user('one'), { role: 'assistant', content: 'a', reasoningItems: items }, user('two')] };
      const input = buildResponsesRequestBody(req, { ...settings, modelNames: [MODEL, 'grok-4.3-latest'] }).input;
      assert.deepEqual(input.filter((item) => 'type' in item && item.type === 'reasoning').map((item) => (item as { id: string }).id), ['rs_mine']);
    });

    it('max tokens: setting 4,000 and a request for 8,000 send 8,000 on both formats; the model cap holds on both', () => {
      const asked: GenerateRequest = { prompt: 'q', options: { maxTokens: 8000 } };
      assert.equal(buildChatRequestBody(asked, settings).max_tokens, 8000);
      assert.equal(buildResponsesRequestBody(asked, settings).max_output_tokens, 8000);
      assert.equal(buildChatRequestBody({ prompt: 'q' }, settings).max_tokens, 4000);
      assert.equal(buildResponsesRequestBody({ prompt: 'q' }, settings).max_output_tokens, 4000);
      const huge: GenerateRequest = { prompt: 'q', options: { maxTokens: 1_000_000 } };
      assert.equal(buildChatRequestBody(huge, settings).max_tokens, MAX_OUTPUT_TOKENS);
      assert.equal(buildResponsesRequestBody(huge, { ...settings, maxOutputTokens: 16_000 }).max_output_tokens, 16_000);
    });
  });
});
