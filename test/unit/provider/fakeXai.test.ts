import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { request } from 'undici';
import { type FakeXai, LATE_2026_SERVED_BY, scenarios, startFakeXai, TEST_API_KEY } from '../../fake-xai';

/** The fake must behave like xai-api.md says xAI does, or the provider tests prove nothing. */
describe('fake xAI server', () => {
  let fake: FakeXai;
  beforeEach(async () => {
    fake = await startFakeXai();
  });
  afterEach(async () => fake.close());

  async function post(body: unknown, headers: Record<string, string> = {}, route = '/chat/completions') {
    const response = await request(`${fake.url}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
  }

  const chat = { model: 'grok-code-fast-1', messages: [{ role: 'user', content: 'hi' }] };

  describe('POST /v1/responses', () => {
    const input = { model: 'grok-code-fast-1', input: [{ role: 'user', content: 'hi' }], store: false };

    it('streams `event:` + `data:` frames numbered from 0, ending at response.completed with no [DONE]', async () => {
      fake.enqueue({ kind: 'answer', reasoning: ['hm'], content: ['a', 'b'] });
      const { headers, text } = await post({ ...input, stream: true, include: ['reasoning.encrypted_content'] }, {}, '/responses');
      assert.match(String(headers['content-type']), /text\/event-stream/);
      const frames = text.split('\n\n').filter(Boolean).map((frame) => frame.split('\n'));
      const events = frames.map(([name, data]) => ({ name: name.slice('event: '.length), json: JSON.parse(data.slice('data: '.length)) }));
      assert.deepEqual(events.map((event) => event.json.sequence_number), events.map((_, i) => i));
      assert.ok(events.every((event) => event.name === event.json.type));
      assert.deepEqual(events.filter((e) => e.json.type === 'response.output_text.delta').map((e) => e.json.delta), ['a', 'b']);
      const last = events.at(-1)!.json;
      assert.equal(last.type, 'response.completed');
      assert.equal(last.response.usage.output_tokens, last.response.usage.output_tokens_details.reasoning_tokens + 1);
      const reasoning = events.find((e) => e.json.type === 'response.output_item.done' && e.json.item.type === 'reasoning');
      assert.ok(reasoning?.json.item.encrypted_content, 'encrypted reasoning when include asks for it');
      assert.ok(!text.includes('[DONE]'));
    });

    it('answers without stream as one response object, incomplete at the output limit', async () => {
      fake.enqueue({ kind: 'answer', content: ['cut'], finishReason: 'length' });
      const body = JSON.parse((await post(input, {}, '/responses')).text);
      assert.equal(body.object, 'response');
      assert.equal(body.status, 'incomplete');
      assert.equal(body.output[0].content[0].text, 'cut');
    });

    it('refuses fields that are not Responses fields, in xAI\'s error shape', async () => {
      const { status, text } = await post({ ...input, stop: ['x'] }, {}, '/responses');
      assert.equal(status, 400);
      assert.match(JSON.parse(text).error, /stop/);
    });
  });

  it('answers without stream as one chat.completion with usage', async () => {
    const { status, text } = await post(chat);
    assert.equal(status, 200);
    const body = JSON.parse(text);
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.choices[0].message.content, 'Hello from the fake Grok.');
    assert.ok(body.usage.cost_in_usd_ticks > 0);
  });

  it('streams chunks, a finish chunk, a usage chunk with no choices, then [DONE]', async () => {
    const { headers, text } = await post({ ...chat, stream: true });
    assert.match(String(headers['content-type']), /text\/event-stream/);
    const events = text.split('\n\n').filter(Boolean);
    assert.equal(events.at(-1), 'data: [DONE]');
    const usage = JSON.parse(events.at(-2)!.slice(6));
    assert.deepEqual(usage.choices, []);
    assert.equal(usage.usage.total_tokens, usage.usage.prompt_tokens + usage.usage.completion_tokens + usage.usage.completion_tokens_details.reasoning_tokens);
    assert.equal(JSON.parse(events.at(-3)!.slice(6)).choices[0].finish_reason, 'stop');
  });

  it('rejects stop and penalties with 400', async () => {
    for (const name of ['stop', 'presence_penalty', 'frequency_penalty']) {
      const { status, text } = await post({ ...chat, [name]: 1 });
      assert.equal(status, 400, name);
      assert.match(text, new RegExp(name));
    }
  });

  it("rejects reasoning_effort like xAI unless the catalogue lists the effort for the model", async () => {
    const codeFast = await post({ ...chat, reasoning_effort: 'low' });
    assert.equal(codeFast.status, 400);
    assert.equal(JSON.parse(codeFast.text).error, 'Model grok-code-fast-1 does not support parameter reasoningEffort.');
    const nonReasoning = await post({ ...chat, model: 'grok-4.20-non-reasoning', reasoning_effort: 'low' });
    assert.equal(JSON.parse(nonReasoning.text).error, 'Model grok-4.20-non-reasoning does not support parameter reasoningEffort.');
    assert.equal((await post({ ...chat, model: 'grok-4.3', reasoning_effort: 'xhigh' })).status, 400);
    assert.equal((await post({ ...chat, model: 'grok-4.7', reasoning_effort: 'xhigh' })).status, 200);
  });

  it('serves GET /v1/language-models in xAI\'s shape, and 404 without the route', async () => {
    const response = await request(`${fake.url}/language-models`, { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
    const body = (await response.body.json()) as { models: { id: string; aliases: string[]; prompt_text_token_price: number }[] };
    assert.deepEqual(
      body.models.map((model) => model.id),
      ['grok-4.3', 'grok-4.5', 'grok-4.6', 'grok-4.7', 'grok-4.20-0309-non-reasoning'],
    );
    assert.deepEqual(body.models[0].aliases, ['grok-4.3-latest']);
    assert.equal(body.models[0].prompt_text_token_price, 12500);
    const plain = await startFakeXai({ languageModelsRoute: false });
    try {
      const missing = await request(`${plain.url}/language-models`, { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
      assert.equal(missing.statusCode, 404);
      await missing.body.dump();
    } finally {
      await plain.close();
    }
  });

  it('answers an alias under its model id, a redirected name under the serving model, a retired one with 404', async () => {
    await fake.close();
    fake = await startFakeXai({ servedBy: LATE_2026_SERVED_BY, retired: ['grok-4'] });
    assert.equal(JSON.parse((await post({ ...chat, model: 'grok-4.3-latest' })).text).model, 'grok-4.3');
    assert.equal(JSON.parse((await post(chat)).text).model, 'grok-4.3');
    const retired = await post({ ...chat, model: 'grok-4' });
    assert.equal(retired.status, 404);
    assert.deepEqual(JSON.parse(retired.text), {
      code: 'Some requested entity was not found',
      error: 'The model grok-4 does not exist or your team does not have access to it.',
    });
  });

  it('checks the key like xAI: 400 for a wrong key, 401 without one', async () => {
    const wrong = await post(chat, { authorization: 'Bearer xai-nope-nope' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /Incorrect API key provided: xa\*\*\*pe/);
    const missing = await post(chat, { authorization: '' });
    assert.equal(missing.status, 401);
  });

  it('answers 415 without a JSON content type and 404 for an unknown model', async () => {
    assert.equal((await post(chat, { 'content-type': 'text/plain' })).status, 415);
    assert.equal((await post({ ...chat, model: 'grok-9' })).status, 404);
  });

  it('records requests and serves queued scenarios in order', async () => {
    fake.enqueue(scenarios.status(503), scenarios.text('second'));
    assert.equal((await post(chat)).status, 503);
    assert.match((await post(chat)).text, /second/);
    assert.equal(fake.requests.length, 2);
    assert.deepEqual(fake.requests[0].body, chat);
  });

  it('runs on its own and prints its URL', async function () {
    this.timeout(10_000);
    const child = spawn(process.execPath, [path.join(__dirname, '../../fake-xai/main.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (part: Buffer) => {
          output += part.toString();
          const match = /FAKE_XAI_URL=(\S+)/.exec(output);
          if (match) resolve(match[1]);
        });
        child.once('exit', () => reject(new Error(`exited early: ${output}`)));
      });
      const response = await request(`${url}/models`, { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
      assert.equal(response.statusCode, 200);
      await response.body.text();
    } finally {
      child.kill('SIGTERM');
    }
  });
});
