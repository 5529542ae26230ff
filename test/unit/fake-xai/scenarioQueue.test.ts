/** The fake's scenario queue: a queued answer goes to the next request of its route, and dropQueued forgets the ones no request took. */
import { strict as assert } from 'node:assert';
import { request } from 'undici';
import { type FakeXai, scenarios, startFakeXai, TEST_API_KEY } from '../../fake-xai';

describe('fake xAI: scenario queue', () => {
  let fake: FakeXai;
  afterEach(async () => fake?.close());

  async function answerText(): Promise<string> {
    const response = await request(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'grok-4.3', messages: [{ role: 'user', content: 'hi' }] }),
    });
    const json = (await response.body.json()) as { choices: { message: { content: string } }[] };
    return json.choices[0]!.message.content;
  }

  it('drops the queued answers no request took, so the next request gets the default', async () => {
    fake = await startFakeXai();
    fake.setDefault(scenarios.text('default'));
    fake.enqueue(scenarios.text('first'), scenarios.text('left over'));
    assert.equal(await answerText(), 'first');
    assert.equal(fake.dropQueued(), 1);
    assert.equal(await answerText(), 'default');
    assert.equal(fake.dropQueued(), 0);
  });
});
