/** Issue 24 item 3: a key the endpoint refuses is not stored; one that cannot be checked is, with a warning. */
import * as assert from 'node:assert/strict';
import { type FakeXai, scenarios, startFakeXai, TEST_API_KEY } from '../../fake-xai';
import { adoptApiKey } from '../../../src/onboarding/keyAdoption';
import { GrokCodeFast1Provider } from '../../../src/provider/grokCodeFast1';
import { createLogger } from '../../../src/provider/logger';

const WORKING_KEY = 'xai-the-working-key';

/** Set API Key over a keychain that holds WORKING_KEY, checking against `endpoint` as the command does. */
async function setKey(key: string, endpoint: string | undefined) {
  const stored = { key: WORKING_KEY };
  const verdict = await adoptApiKey({
    key,
    endpoint,
    hadKey: true,
    check: async (candidate) => {
      const probe = new GrokCodeFast1Provider(createLogger({ level: 'error', sink: () => {} }), { endpoint: endpoint!, apiKey: candidate, maxRetries: 0 });
      try {
        return await probe.checkApiKey();
      } finally {
        await probe.dispose();
      }
    },
    store: async (accepted) => {
      stored.key = accepted;
    },
  });
  return { verdict, stored: stored.key };
}

describe('Set API Key keeps the working key when the endpoint refuses the new one (issue 24 item 3)', () => {
  let fake: FakeXai;
  afterEach(async () => fake?.close());

  it('stores a key the endpoint accepts', async () => {
    fake = await startFakeXai();
    const { verdict, stored } = await setKey(TEST_API_KEY, fake.url);
    assert.equal(verdict.kind, 'valid');
    assert.equal(stored, TEST_API_KEY);
  });

  it('does not store a mistyped key ("Incorrect API key"), and says the previous key stays', async () => {
    fake = await startFakeXai();
    const { verdict, stored } = await setKey('xai-typo', fake.url);
    assert.equal(verdict.kind, 'rejected');
    assert.equal(stored, WORKING_KEY);
    assert.match(verdict.text, /^API key not saved: .* rejected it: .*Incorrect API key/);
    assert.match(verdict.text, /Your previous API key stays in use\.$/);
  });

  for (const status of [401, 403]) {
    it(`does not store a key refused with ${status}`, async () => {
      fake = await startFakeXai({ acceptAnyKey: true });
      fake.enqueue({ ...scenarios.status(status), path: '/v1/api-key' });
      const { verdict, stored } = await setKey('xai-refused-key', fake.url);
      assert.equal(verdict.kind, 'rejected', verdict.text);
      assert.equal(stored, WORKING_KEY);
      assert.match(verdict.text, new RegExp(`not saved.*\\(${status}\\)`));
    });
  }

  it('does not store a blocked key', async () => {
    fake = await startFakeXai({ acceptAnyKey: true, apiKeyInfo: { api_key_blocked: true } });
    const { verdict, stored } = await setKey('xai-blocked-key', fake.url);
    assert.equal(verdict.kind, 'rejected');
    assert.equal(stored, WORKING_KEY);
  });

  it('stores a key that cannot be checked (endpoint unreachable), with a warning', async () => {
    fake = await startFakeXai();
    await fake.close();
    const { verdict, stored } = await setKey('xai-unchecked-key', fake.url);
    assert.equal(verdict.kind, 'unreachable');
    assert.equal(stored, 'xai-unchecked-key');
    assert.match(verdict.text, /saved, but .* could not be reached/);
  });

  it('stores a key that cannot be checked (server failure 503)', async () => {
    fake = await startFakeXai({ acceptAnyKey: true });
    fake.enqueue({ ...scenarios.status(503), path: '/v1/api-key' });
    const { verdict, stored } = await setKey('xai-unchecked-key', fake.url);
    assert.equal(verdict.kind, 'unreachable', verdict.text);
    assert.equal(stored, 'xai-unchecked-key');
  });

  it('stores the key unchecked when no endpoint is valid, and says so', async () => {
    fake = await startFakeXai();
    const { verdict, stored } = await setKey('xai-unchecked-key', undefined);
    assert.equal(verdict.kind, 'unreachable');
    assert.equal(stored, 'xai-unchecked-key');
    assert.equal(fake.requests.length, 0);
  });

  it('says no key is set when the refused key was the first one', async () => {
    fake = await startFakeXai();
    const verdict = await adoptApiKey({ key: 'xai-typo', endpoint: fake.url, hadKey: false, check: async () => ({ valid: false, message: 'Incorrect API key' }), store: () => assert.fail('stored') });
    assert.match(verdict.text, /No API key is set\.$/);
  });
});
