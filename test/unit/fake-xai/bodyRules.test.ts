import { strict as assert } from 'node:assert';
import { request } from 'undici';
import { type FakeXai, scenarios, startFakeXai, TEST_API_KEY } from '../../fake-xai';
import { BODY_RULES, checkChatBody, checkResponsesBody, encryptedReasoningModel, type BodyRule } from '../../fake-xai/bodyRules';

const facts = { model: 'grok-4.3', maxOutputTokens: 1000 };
const schema = { type: 'object', properties: { path: { type: 'string' } } };
const call = (id: string, args = '{"path":"a.ts"}') => ({ id, type: 'function', function: { name: 'read_file', arguments: args } });
/** What the fake puts in `encrypted_content` for a reasoning item of `model`. */
const encrypted = (model: string) => Buffer.from(`fake-reasoning:${model}:plan`).toString('base64');

function chat(messages: object[], extra: object = {}) {
  return { model: 'grok-4.3', messages: [{ role: 'system', content: 'S' }, ...messages], ...extra };
}

function responses(input: object[], extra: object = {}) {
  return { model: 'grok-4.3', input: [{ role: 'system', content: 'S' }, ...input], store: false, stream: true, ...extra };
}

/** One broken body per rule and wire format, next to the same body made right. */
const CASES: { rule: BodyRule; chat?: [object, object]; responses?: [object, object] }[] = [
  {
    rule: 'well-formed-utf16',
    chat: [
      chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1')] }, { role: 'tool', tool_call_id: 'c1', content: 'Party time \uD83D' }]),
      chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1')] }, { role: 'tool', tool_call_id: 'c1', content: 'Party time \uD83D\uDE00' }]),
    ],
    responses: [responses([{ role: 'user', content: 'half \uDE00 of it' }]), responses([{ role: 'user', content: 'whole \uD83D\uDE00' }])],
  },
  {
    rule: 'tool-result-follows-call',
    chat: [
      chat([{ role: 'user', content: 'go' }, { role: 'tool', tool_call_id: 'call_x', content: 'summarised away' }]),
      chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('call_x')] }, { role: 'tool', tool_call_id: 'call_x', content: 'r' }]),
    ],
    responses: [
      responses([{ role: 'user', content: 'go' }, { type: 'function_call_output', call_id: 'call_x', output: 'r' }]),
      responses([{ role: 'user', content: 'go' }, { type: 'function_call', call_id: 'call_x', name: 'read_file', arguments: '{}' }, { type: 'function_call_output', call_id: 'call_x', output: 'r' }]),
    ],
  },
  {
    rule: 'tool-call-has-result',
    chat: [
      chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1'), call('c2')] }, { role: 'tool', tool_call_id: 'c1', content: 'r' }, { role: 'user', content: 'next' }]),
      chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1'), call('c2')] }, { role: 'tool', tool_call_id: 'c1', content: 'r' }, { role: 'tool', tool_call_id: 'c2', content: 'r' }, { role: 'user', content: 'next' }]),
    ],
    responses: [
      responses([{ role: 'user', content: 'go' }, { type: 'function_call', call_id: 'c1', name: 'read_file', arguments: '{}' }]),
      responses([{ role: 'user', content: 'go' }, { type: 'function_call', call_id: 'c1', name: 'read_file', arguments: '{}' }, { type: 'function_call_output', call_id: 'c1', output: 'r' }]),
    ],
  },
  {
    rule: 'no-empty-message',
    chat: [
      chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '' }, { role: 'user', content: 'again' }]),
      chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: 'ok' }, { role: 'user', content: 'again' }]),
    ],
    responses: [responses([{ role: 'user', content: [] }]), responses([{ role: 'user', content: [{ type: 'input_text', text: 'go' }] }])],
  },
  {
    rule: 'tool-parameters-object-schema',
    chat: [
      chat([{ role: 'user', content: 'go' }], { tools: [{ type: 'function', function: { name: 't', description: '', parameters: {} } }] }),
      chat([{ role: 'user', content: 'go' }], { tools: [{ type: 'function', function: { name: 't', description: '', parameters: schema } }] }),
    ],
    responses: [
      responses([{ role: 'user', content: 'go' }], { tools: [{ type: 'function', name: 't', description: '', parameters: { properties: {} } }] }),
      responses([{ role: 'user', content: 'go' }], { tools: [{ type: 'function', name: 't', description: '', parameters: schema }] }),
    ],
  },
  {
    rule: 'tool-arguments-json-object',
    chat: [
      chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1', 'null')] }, { role: 'tool', tool_call_id: 'c1', content: 'r' }]),
      chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1', '{}')] }, { role: 'tool', tool_call_id: 'c1', content: 'r' }]),
    ],
    responses: [
      responses([{ role: 'user', content: 'go' }, { type: 'function_call', call_id: 'c1', name: 'read_file', arguments: '' }, { type: 'function_call_output', call_id: 'c1', output: 'r' }]),
      responses([{ role: 'user', content: 'go' }, { type: 'function_call', call_id: 'c1', name: 'read_file', arguments: '{}' }, { type: 'function_call_output', call_id: 'c1', output: 'r' }]),
    ],
  },
  {
    rule: 'reasoning-encrypted-content',
    responses: [
      responses([{ role: 'user', content: 'one' }, { type: 'reasoning', id: 'rs_1', summary: [] }, { role: 'assistant', content: 'a' }, { role: 'user', content: 'two' }]),
      responses([{ role: 'user', content: 'one' }, { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encrypted('grok-4.3') }, { role: 'assistant', content: 'a' }, { role: 'user', content: 'two' }]),
    ],
  },
  {
    rule: 'reasoning-item-model',
    responses: [
      responses([{ role: 'user', content: 'one' }, { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encrypted('grok-4.6') }, { role: 'assistant', content: 'a' }, { role: 'user', content: 'two' }]),
      responses([{ role: 'user', content: 'one' }, { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encrypted('grok-4.3') }, { role: 'assistant', content: 'a' }, { role: 'user', content: 'two' }]),
    ],
  },
  {
    rule: 'at-most-350-tools',
    responses: [
      responses([{ role: 'user', content: 'go' }], { tools: Array.from({ length: 351 }, (_, n) => ({ type: 'function', name: `t${n}`, parameters: schema })) }),
      responses([{ role: 'user', content: 'go' }], { tools: Array.from({ length: 350 }, (_, n) => ({ type: 'function', name: `t${n}`, parameters: schema })) }),
    ],
  },
  {
    rule: 'unique-item-ids',
    responses: [
      responses([{ role: 'user', content: 'one' }, { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encrypted('grok-4.3') }, { role: 'assistant', content: 'Done.' }, { role: 'user', content: 'two' }, { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encrypted('grok-4.3') }, { role: 'assistant', content: 'Done.' }, { role: 'user', content: 'three' }]),
      responses([{ role: 'user', content: 'one' }, { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: encrypted('grok-4.3') }, { role: 'assistant', content: 'Done.' }, { role: 'user', content: 'two' }, { type: 'reasoning', id: 'rs_2', summary: [], encrypted_content: encrypted('grok-4.3') }, { role: 'assistant', content: 'Done.' }, { role: 'user', content: 'three' }]),
    ],
  },
  {
    rule: 'max-tokens-within-limit',
    chat: [chat([{ role: 'user', content: 'go' }], { max_tokens: 1001 }), chat([{ role: 'user', content: 'go' }], { max_tokens: 1000 })],
    responses: [responses([{ role: 'user', content: 'go' }], { max_output_tokens: 0 }), responses([{ role: 'user', content: 'go' }], { max_output_tokens: 1000 })],
  },
];

const caseOf = (rule: BodyRule) => CASES.find((c) => c.rule === rule)!;

describe('fake-xai/bodyRules', () => {
  it('has a case for every rule', () => {
    assert.deepEqual(CASES.map((c) => c.rule).sort(), [...BODY_RULES].sort());
  });

  for (const { rule, chat: chatCase, responses: responsesCase } of CASES) {
    if (chatCase) {
      it(`${rule}: Chat Completions refuses the broken body and accepts it made right`, () => {
        assert.equal(checkChatBody(chatCase[0] as Record<string, unknown>, facts)?.rule, rule);
        assert.equal(checkChatBody(chatCase[1] as Record<string, unknown>, facts), undefined);
      });
    }
    if (responsesCase) {
      it(`${rule}: Responses refuses the broken body and accepts it made right`, () => {
        assert.equal(checkResponsesBody(responsesCase[0] as Record<string, unknown>, facts)?.rule, rule);
        assert.equal(checkResponsesBody(responsesCase[1] as Record<string, unknown>, facts), undefined);
      });
    }
  }

  it('reasoning-encrypted-content applies only with store:false (a stored item is found by id)', () => {
    const body = responses([{ role: 'user', content: 'one' }, { type: 'reasoning', id: 'rs_1', summary: [] }, { role: 'assistant', content: 'a' }], { store: true });
    assert.equal(checkResponsesBody(body, facts), undefined);
  });

  it('a call needs its result before the end of the conversation too, on both formats', () => {
    const chatBody = chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1')] }]);
    assert.equal(checkChatBody(chatBody, facts)?.rule, 'tool-call-has-result');
    const responsesBody = responses([{ role: 'user', content: 'go' }, { type: 'function_call', call_id: 'c1', name: 'read_file', arguments: '{}' }, { role: 'user', content: 'x' }]);
    assert.equal(checkResponsesBody(responsesBody, facts)?.rule, 'tool-call-has-result');
  });

  it('well-formed-utf16 reads call arguments as the server does: a lone surrogate escaped in them is refused, an escaped pair is not', () => {
    const withArguments = (args: string) => chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1', args)] }, { role: 'tool', tool_call_id: 'c1', content: 'r' }]);
    assert.equal(checkChatBody(withArguments('{"pa\\ud83dth":"x"}'), facts)?.rule, 'well-formed-utf16');
    assert.equal(checkChatBody(withArguments('{"path":"\\ud83d\\ude00"}'), facts), undefined);
    const item = (args: string) => responses([{ role: 'user', content: 'go' }, { type: 'function_call', call_id: 'c1', name: 'f', arguments: args }, { type: 'function_call_output', call_id: 'c1', output: 'r' }]);
    assert.equal(checkResponsesBody(item('{"path":"\\udc00"}'), facts)?.rule, 'well-formed-utf16');
  });

  it('no-empty-message: a message with no content element (absent, null, []) is refused even beside tool calls or as a tool result; "" beside calls is one', () => {
    for (const content of [undefined, null, []]) {
      const assistant = chat([{ role: 'user', content: 'go' }, { role: 'assistant', content, tool_calls: [call('c1')] }, { role: 'tool', tool_call_id: 'c1', content: 'r' }]);
      assert.equal(checkChatBody(assistant, facts)?.rule, 'no-empty-message', JSON.stringify(content));
      const tool = chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1')] }, { role: 'tool', tool_call_id: 'c1', content }]);
      assert.equal(checkChatBody(tool, facts)?.rule, 'no-empty-message', JSON.stringify(content));
      assert.equal(checkResponsesBody(responses([{ role: 'developer', content }, { role: 'user', content: 'go' }]), facts)?.rule, 'no-empty-message');
    }
    assert.equal(checkChatBody(chat([{ role: 'user', content: [{ type: 'text', text: '' }] }]), facts)?.rule, 'no-empty-message');
    assert.equal(checkChatBody(chat([{ role: 'user', content: 'go' }, { role: 'assistant', content: '', tool_calls: [call('c1')] }, { role: 'tool', tool_call_id: 'c1', content: '' }]), facts), undefined);
  });

  it('reads the model back from the encrypted reasoning it sent, and nothing from content it did not make', () => {
    assert.equal(encryptedReasoningModel(encrypted('grok-4.6')), 'grok-4.6');
    assert.equal(encryptedReasoningModel('b3BhcXVl'), undefined);
  });

  describe('on the wire', () => {
    let fake: FakeXai;
    afterEach(async () => fake?.close());

    async function post(route: string, body: object) {
      const response = await request(`${fake.url}${route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.statusCode, json: (await response.body.json()) as Record<string, unknown> };
    }

    it('answers a broken body with 400 in xAI error shape naming the rule, on both routes', async () => {
      fake = await startFakeXai();
      const chatAnswer = await post('/chat/completions', { ...caseOf('tool-result-follows-call').chat![0], model: 'grok-4.3' });
      assert.equal(chatAnswer.status, 400);
      assert.equal(chatAnswer.json.code, 'Client specified an invalid argument');
      assert.match(String(chatAnswer.json.error), /^tool-result-follows-call: messages\[2\] \(tool\)/);
      const responsesAnswer = await post('/responses', caseOf('well-formed-utf16').responses![0]);
      assert.equal(responsesAnswer.status, 400);
      assert.match(String(responsesAnswer.json.error), /^well-formed-utf16: body\.input\[1\]\.content/);
      assert.deepEqual(fake.requests.map((r) => r.refusedBy), ['tool-result-follows-call', 'well-formed-utf16']);
    });

    it('checks against the served model: an alias is served by its model, whose reasoning it accepts', async () => {
      fake = await startFakeXai();
      fake.enqueue(scenarios.text('ok'));
      const body = { ...caseOf('reasoning-item-model').responses![1], model: 'grok-4.3-latest', stream: false };
      assert.equal((await post('/responses', body)).status, 200);
    });

    it('with maxOutputTokens set refuses a larger max_tokens', async () => {
      fake = await startFakeXai({ maxOutputTokens: 10 });
      const answer = await post('/chat/completions', { ...chat([{ role: 'user', content: 'go' }]), max_tokens: 11 });
      assert.equal(answer.status, 400);
      assert.match(String(answer.json.error), /^max-tokens-within-limit: max_tokens 11 is not within 1\.\.10 for grok-4\.3/);
    });

    it('a scripted answer (raw bytes, a JSON body, a status) is given only to a body that keeps the rules', async () => {
      fake = await startFakeXai();
      const broken = { ...caseOf('tool-result-follows-call').chat![0], model: 'grok-4.3' };
      fake.enqueue({ kind: 'raw', body: 'data: [DONE]\n\n' }, scenarios.errorIn200(), scenarios.status(503));
      for (let n = 0; n < 3; n++) assert.equal((await post('/chat/completions', broken)).status, 400);
      assert.deepEqual(fake.requests.map((r) => r.refusedBy), ['tool-result-follows-call', 'tool-result-follows-call', 'tool-result-follows-call']);
    });

    it('lenient server: accepts a body that breaks the rules', async () => {
      fake = await startFakeXai({ bodyRules: 'lenient' });
      fake.enqueue(scenarios.text('ok'));
      assert.equal((await post('/chat/completions', { ...caseOf('tool-result-follows-call').chat![0] })).status, 200);
    });
  });
});
