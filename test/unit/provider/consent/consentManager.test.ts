import * as assert from 'node:assert/strict';
import {
  consentNotice,
  CONSENT_NOTICE_VERSION,
  ConsentManager,
  endpointOrigin,
  MemoryConsentStore,
  type ConsentChange,
} from '../../../../src/provider/consent';
import { InvalidConfigError } from '../../../../src/provider/errors';

const now = () => new Date('2026-11-02T10:00:00.000Z');
const XAI = 'https://api.x.ai';
const subject = { userId: 'u1', modelId: 'grok-code-fast-1', endpoint: XAI };
const full = { ...subject, consentGiven: true, dataUsageAcknowledged: true };

describe('ConsentManager', () => {
  it('requires consent until both flags are recorded, then stops asking', async () => {
    const manager = new ConsentManager(new MemoryConsentStore(), { now });
    const asked = await manager.requestConsent(subject);
    assert.deepEqual(asked, { required: true, version: CONSENT_NOTICE_VERSION, message: consentNotice(XAI, 'grok-code-fast-1') });
    await manager.recordConsent({ ...full, dataUsageAcknowledged: false });
    assert.equal(await manager.hasConsent(subject), false);
    await manager.recordConsent(full);
    assert.equal(await manager.hasConsent(subject), true);
    assert.equal((await manager.requestConsent(subject)).required, false);
    assert.equal(await manager.hasConsent({ userId: 'u1', modelId: 'another-model', endpoint: XAI }), false);
    assert.equal(await manager.hasConsent({ userId: 'u2', modelId: 'grok-code-fast-1', endpoint: XAI }), false);
  });

  it('the notice says what is collected, where the key stays and how to revoke', () => {
    for (const notice of [consentNotice(XAI), consentNotice('http://127.0.0.1:11434')]) {
      assert.match(notice, /code context/);
      assert.match(notice, /keychain/);
      assert.match(notice, /Grok: Revoke Data-Use Consent/);
      assert.match(notice, /stay on this machine/);
      assert.match(notice, /another endpoint asks again/);
      // Truthful about VS Code's own chat (issue 21 kind 9): what it screens, and what it cannot know.
      assert.match(notice, /In VS Code's own chat, VS Code runs the tools/);
      assert.match(notice, /cannot recognise excluded content that arrives without its file's name/);
      assert.doesNotMatch(notice, /exclude are never sent\./);
    }
  });

  it("writes each endpoint's data-use facts into its notice: xAI's 30-day storage and store:false", () => {
    assert.match(consentNotice(XAI), /Responses are stored for 30 days unless a request sends store:false; Grok Code Fast sends store:false/);
    assert.match(consentNotice(XAI), /key .* sent only to https:\/\/api\.x\.ai\./s);
    const custom = consentNotice('https://attacker.example');
    assert.match(custom, /Your requests go to https:\/\/attacker\.example/);
    assert.match(custom, /sent only to https:\/\/attacker\.example\./);
    assert.doesNotMatch(custom, /store:false/, 'a custom server is not promised xAI\'s storage rules');
  });

  it('binds consent to the endpoint origin: another origin asks again, the same origin by another spelling does not', async () => {
    const manager = new ConsentManager(new MemoryConsentStore(), { now });
    await manager.recordConsent({ ...full, endpoint: endpointOrigin('https://api.x.ai/v1') });
    assert.equal(await manager.hasConsent({ ...subject, endpoint: endpointOrigin('HTTPS://API.X.AI:443/v2/') }), true);
    for (const elsewhere of ['https://attacker.example/v1', 'http://api.x.ai/v1', 'https://api.x.ai:8443/v1', 'https://api.x.ai.attacker.example/v1', 'not a url']) {
      const asked = await manager.requestConsent({ ...subject, endpoint: endpointOrigin(elsewhere) });
      assert.equal(asked.required, true, elsewhere);
      assert.match(asked.message, new RegExp(`requests go to ${endpointOrigin(elsewhere).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), elsewhere);
    }
  });

  it('does not speak of "the free route" to every endpoint: what xAI records is said of xAI\'s endpoint only', () => {
    const custom = consentNotice(endpointOrigin('http://127.0.0.1:11434/v1'));
    const xai = consentNotice(endpointOrigin('https://api.x.ai/v1'));
    for (const notice of [custom, xai]) assert.doesNotMatch(notice, /free route/i);
    assert.match(custom, /operator's terms decide what is kept/);
    assert.doesNotMatch(custom, /xAI/);
    assert.match(xai, /store:false/);
  });

  it('stores an audit record with version, time and app', async () => {
    const store = new MemoryConsentStore();
    const manager = new ConsentManager(store, { now, audit: { appName: 'Grok Code Fast', appVersion: '0.1.0' } });
    const record = await manager.recordConsent(full);
    assert.deepEqual(record, {
      ...full,
      version: CONSENT_NOTICE_VERSION,
      timestamp: '2026-11-02T10:00:00.000Z',
      appName: 'Grok Code Fast',
      appVersion: '0.1.0',
    });
    assert.deepEqual(await new ConsentManager(store).getConsent(subject), record);
  });

  it('asks again when the stored answer is for an older notice version', async () => {
    const store = new MemoryConsentStore();
    const manager = new ConsentManager(store, { now });
    await manager.recordConsent(full);
    const [key] = await store.keys();
    await store.set(key, { ...(await store.get(key) as object), version: '2020-01-01' });
    assert.equal(await manager.hasConsent(subject), false);
    assert.equal((await manager.requestConsent(subject)).required, true);
  });

  it('treats an invalid stored record as absent', async () => {
    const store = new MemoryConsentStore();
    const manager = new ConsentManager(store, { now });
    await manager.recordConsent(full);
    const [key] = await store.keys();
    await store.set(key, { consentGiven: 'yes', dataUsageAcknowledged: true });
    assert.equal(await manager.getConsent(subject), undefined);
    assert.equal(await manager.hasConsent(subject), false);
    assert.deepEqual(await manager.listConsents(), []);
  });

  it('revocation takes effect at once and tells listeners', async () => {
    const manager = new ConsentManager(new MemoryConsentStore(), { now });
    const events: ConsentChange[] = [];
    const subscription = manager.onDidChange((e) => events.push(e));
    await manager.recordConsent(full);
    assert.equal(manager.hasConsentSync(subject), true);
    await manager.revokeConsent(subject);
    assert.equal(manager.hasConsentSync(subject), false);
    assert.equal(await manager.hasConsent(subject), false);
    assert.deepEqual(events, [
      { ...subject, granted: true },
      { ...subject, granted: false },
    ]);
    subscription.dispose();
    await manager.recordConsent(full);
    assert.equal(events.length, 2);
  });

  it('hasConsentSync is unknown until the answer was read once', async () => {
    const store = new MemoryConsentStore();
    await new ConsentManager(store, { now }).recordConsent(full);
    const fresh = new ConsentManager(store, { now });
    assert.equal(fresh.hasConsentSync(subject), undefined);
    await fresh.hasConsent(subject);
    assert.equal(fresh.hasConsentSync(subject), true);
  });

  it('a read that started before a revocation does not leave a stale grant in hasConsentSync', async () => {
    const manager = new ConsentManager(new MemoryConsentStore(), { now });
    await manager.recordConsent(full);
    const reading = manager.hasConsent(subject);
    await manager.revokeConsent(subject);
    await reading;
    assert.equal(manager.hasConsentSync(subject), false);
    assert.equal(await manager.hasConsent(subject), false);
  });

  it('keeps ids that contain separators apart', async () => {
    const manager = new ConsentManager(new MemoryConsentStore(), { now });
    await manager.recordConsent({ ...full, userId: 'a/b', modelId: 'c' });
    await manager.recordConsent({ ...full, userId: 'x', modelId: 'y', endpoint: 'z/w' });
    assert.equal(await manager.hasConsent({ userId: 'x', modelId: 'y/z', endpoint: 'w' }), false);
    assert.equal(await manager.hasConsent({ userId: 'a', modelId: 'b/c', endpoint: XAI }), false);
    assert.equal(await manager.hasConsent({ userId: 'a/b', modelId: 'c', endpoint: XAI }), true);
  });

  it('lists every record for export and deletes only its own keys', async () => {
    const store = new MemoryConsentStore();
    await store.set('someone.else', 42);
    const manager = new ConsentManager(store, { now });
    const events: ConsentChange[] = [];
    manager.onDidChange((e) => events.push(e));
    await manager.recordConsent(full);
    await manager.recordConsent({ ...full, modelId: 'grok-4', consentGiven: false });
    const listed = await manager.listConsents();
    assert.deepEqual(listed.map((r) => r.modelId).sort(), ['grok-4', 'grok-code-fast-1']);
    events.length = 0;
    await manager.deleteAll();
    assert.deepEqual(await manager.listConsents(), []);
    assert.deepEqual(await store.keys(), ['someone.else']);
    assert.equal(manager.hasConsentSync(subject), false);
    assert.deepEqual(events, [{ ...subject, granted: false }]);
  });

  describe("a registry's or provider's manager knows its endpoint", () => {
    it('fills in the owner\'s endpoint; the positional (userId, modelId) and object forms name the same subject', async () => {
      const manager = new ConsentManager(new MemoryConsentStore(), { now, endpoint: () => XAI });
      const asked = await manager.requestConsent('u1', 'grok-code-fast-1');
      assert.deepEqual(asked, await manager.requestConsent({ userId: 'u1', modelId: 'grok-code-fast-1' }));
      assert.equal(asked.message, consentNotice(XAI, 'grok-code-fast-1'));
      const record = await manager.recordConsent({ userId: 'u1', modelId: 'grok-code-fast-1', consentGiven: true, dataUsageAcknowledged: true });
      assert.equal(record.endpoint, XAI);
      assert.equal(await manager.hasConsent('u1', 'grok-code-fast-1'), true);
      assert.equal(await manager.hasConsent(subject), true, 'the same record as naming the endpoint');
      assert.deepEqual(await manager.getConsent('u1', 'grok-code-fast-1'), record);
      assert.equal(await manager.hasConsent({ userId: 'u1', modelId: 'grok-code-fast-1', endpoint: 'https://elsewhere.example' }), false, 'a named endpoint wins');
      await manager.revokeConsent('u1', 'grok-code-fast-1');
      assert.equal(await manager.hasConsent(subject), false);
    });

    it("follows the owner's endpoint when it changes: consent given for the old one does not count for the new one", async () => {
      let endpoint = XAI;
      const manager = new ConsentManager(new MemoryConsentStore(), { now, endpoint: () => endpoint });
      await manager.recordConsent({ userId: 'u1', modelId: 'grok-code-fast-1', consentGiven: true, dataUsageAcknowledged: true });
      endpoint = 'http://127.0.0.1:11434';
      assert.equal(await manager.hasConsent('u1', 'grok-code-fast-1'), false);
      assert.match((await manager.requestConsent('u1', 'grok-code-fast-1')).message, /requests go to http:\/\/127\.0\.0\.1:11434/);
    });

    it('a manager made on its own refuses every call that names no endpoint (InvalidConfigError, field endpoint) and stores nothing', async () => {
      const store = new MemoryConsentStore();
      const manager = new ConsentManager(store, { now });
      const calls: [string, () => Promise<unknown>][] = [
        ['requestConsent', () => manager.requestConsent({ userId: 'u1', modelId: 'grok-code-fast-1' })],
        ['recordConsent', () => manager.recordConsent({ userId: 'u1', modelId: 'grok-code-fast-1', consentGiven: true, dataUsageAcknowledged: true })],
        ['hasConsent', () => manager.hasConsent('u1', 'grok-code-fast-1')],
        ['getConsent', () => manager.getConsent('u1', 'grok-code-fast-1')],
        ['revokeConsent', () => manager.revokeConsent('u1', 'grok-code-fast-1')],
      ];
      for (const [name, call] of calls) {
        await assert.rejects(call(), (error: unknown) => error instanceof InvalidConfigError && error.field === 'endpoint' && /no endpoint/.test(error.message), name);
      }
      assert.throws(() => manager.hasConsentSync({ userId: 'u1', modelId: 'grok-code-fast-1' }), InvalidConfigError);
      assert.deepEqual(await store.keys(), []);
      // Naming the endpoint works on it as before.
      await manager.recordConsent(full);
      assert.equal(await manager.hasConsent(subject), true);
    });

    it('refuses a subject without userId or modelId, naming the field', async () => {
      const manager = new ConsentManager(new MemoryConsentStore(), { now, endpoint: () => XAI });
      await assert.rejects(manager.hasConsent('', 'grok-code-fast-1'), { name: 'InvalidConfigError', field: 'userId' });
      await assert.rejects(manager.getConsent({ userId: 'u1' } as never), { name: 'InvalidConfigError', field: 'modelId' });
    });

    it('reads a record stored without an endpoint (as before consent was per endpoint) as nothing', async () => {
      const store = new MemoryConsentStore();
      const manager = new ConsentManager(store, { now, endpoint: () => XAI });
      const { endpoint: _none, ...withoutEndpoint } = await manager.recordConsent({ ...full });
      for (const key of await store.keys()) await store.delete(key);
      await store.set('grokCodeFast.consent/u1/grok-code-fast-1', withoutEndpoint);
      assert.deepEqual(await manager.listConsents(), []);
      assert.equal(await manager.hasConsent('u1', 'grok-code-fast-1'), false);
    });
  });
});
