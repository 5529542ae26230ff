import { strict as assert } from 'node:assert';
import { ChatInterface } from '../../../src/provider/chatInterface';
import { createLogger } from '../../../src/provider/logger';
import { ModelRegistry } from '../../../src/provider/registry';
import { type FakeXai, startFakeXai, TEST_API_KEY } from '../../fake-xai';

describe('ChatInterface (the document\'s chat over a ModelRegistry)', function () {
  this.timeout(10_000);
  let fake: FakeXai;
  let registry: ModelRegistry;
  let chat: ChatInterface;

  beforeEach(async () => {
    fake = await startFakeXai();
    registry = new ModelRegistry(createLogger({ sink: () => {} }), { endpoint: fake.url, apiKey: TEST_API_KEY });
    await registry.initialize();
    chat = new ChatInterface(createLogger({ sink: () => {} }), undefined, undefined, 8080, registry);
  });

  afterEach(async () => {
    await registry.getConsentManager().deleteAll();
    await registry.dispose();
    await fake.close();
  });

  const chatRequests = () => fake.requests.filter((r) => r.path === '/v1/chat/completions');

  it('answers with the consent notice until the user replies "I consent", sending nothing before', async () => {
    for (const reply of ['Hello', 'yes', 'I consent to nothing']) {
      assert.match(await chat.sendMessage(reply, 'ann'), /Reply with "I consent" to continue\.$/);
    }
    assert.equal(chatRequests().length, 0);
    assert.match(await chat.sendMessage('  i consent. ', 'ann'), /consent is recorded/);
    const record = await registry.getConsentManager().getConsent('ann', 'grok-4.3');
    assert.deepEqual([record?.consentGiven, record?.dataUsageAcknowledged, record?.endpoint], [true, true, new URL(fake.url).origin]);
    assert.equal(await chat.sendMessage('Hi', 'ann'), 'Hello from the fake Grok.');
    assert.match(await chat.sendMessage('Hi', 'bob'), /we need your consent/, 'consent is per user');
    assert.equal(chatRequests().length, 1);
  });

  it("keeps each user's conversation: the next message is sent after the previous turn", async () => {
    await chat.sendMessage('I consent', 'ann');
    await chat.sendMessage('First question', 'ann');
    await chat.sendMessage('Second question', 'ann');
    const last = chatRequests().at(-1)?.body as { model: string; messages: { role: string; content: string }[] };
    assert.equal(last.model, 'grok-4.3');
    const turns = last.messages.filter((m) => m.role !== 'system').map((m) => [m.role, m.content]);
    assert.deepEqual(turns, [
      ['user', 'First question'],
      ['assistant', 'Hello from the fake Grok.'],
      ['user', 'Second question'],
    ]);
  });
});
