import * as assert from 'node:assert/strict';
import {
  CONSENT_NOTICE,
  CONSENT_NOTICE_VERSION,
  ConsentManager,
  MemoryConsentStore,
  type ConsentChange,
} from '../../../../src/provider/consent';

const now = () => new Date('2026-11-02T10:00:00.000Z');
const full = { userId: 'u1', modelId: 'grok-code-fast-1', consentGiven: true, dataUsageAcknowledged: true };

describe('ConsentManager', () => {
  it('requires consent until both flags are recorded, then stops asking', async () => {
    const manager = new ConsentManager(new MemoryConsentStore(), { now });
    const asked = await manager.requestConsent({ userId: 'u1', modelId: 'grok-code-fast-1' });
    assert.deepEqual(asked, { required: true, version: CONSENT_NOTICE_VERSION, message: CONSENT_NOTICE });
    await manager.recordConsent({ ...full, dataUsageAcknowledged: false });
    assert.equal(await manager.hasConsent('u1', 'grok-code-fast-1'), false);
    await manager.recordConsent(full);
    assert.equal(await manager.hasConsent('u1', 'grok-code-fast-1'), true);
    assert.equal((await manager.requestConsent({ userId: 'u1', modelId: 'grok-code-fast-1' })).required, false);
    assert.equal(await manager.hasConsent('u1', 'another-model'), false);
    assert.equal(await manager.hasConsent('u2', 'grok-code-fast-1'), false);
  });

  it('the notice says what is collected, where the key stays and how to revoke', () => {
    assert.match(CONSENT_NOTICE, /recorded by xAI|records the prompts/);
    assert.match(CONSENT_NOTICE, /code context/);
    assert.match(CONSENT_NOTICE, /keychain/);
    assert.match(CONSENT_NOTICE, /Grok: Revoke Data-Use Consent/);
    assert.match(CONSENT_NOTICE, /stay on this machine/);
  });

  it('does not speak of "the free route" to every endpoint: what xAI records is said of xAI\'s endpoint only', () => {
    assert.doesNotMatch(CONSENT_NOTICE, /free route/i);
    assert.match(CONSENT_NOTICE, /When the endpoint is xAI's, xAI records/);
    assert.match(CONSENT_NOTICE, /custom endpoint's own terms/);
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
    assert.deepEqual(await new ConsentManager(store).getConsent('u1', 'grok-code-fast-1'), record);
  });

  it('asks again when the stored answer is for an older notice version', async () => {
    const store = new MemoryConsentStore();
    const manager = new ConsentManager(store, { now });
    await manager.recordConsent(full);
    const [key] = await store.keys();
    await store.set(key, { ...(await store.get(key) as object), version: '2020-01-01' });
    assert.equal(await manager.hasConsent('u1', 'grok-code-fast-1'), false);
    assert.equal((await manager.requestConsent({ userId: 'u1', modelId: 'grok-code-fast-1' })).required, true);
  });

  it('treats an invalid stored record as absent', async () => {
    const store = new MemoryConsentStore();
    const manager = new ConsentManager(store, { now });
    await manager.recordConsent(full);
    const [key] = await store.keys();
    await store.set(key, { consentGiven: 'yes', dataUsageAcknowledged: true });
    assert.equal(await manager.getConsent('u1', 'grok-code-fast-1'), undefined);
    assert.equal(await manager.hasConsent('u1', 'grok-code-fast-1'), false);
    assert.deepEqual(await manager.listConsents(), []);
  });

  it('revocation takes effect at once and tells listeners', async () => {
    const manager = new ConsentManager(new MemoryConsentStore(), { now });
    const events: ConsentChange[] = [];
    const subscription = manager.onDidChange((e) => events.push(e));
    await manager.recordConsent(full);
    assert.equal(manager.hasConsentSync('u1', 'grok-code-fast-1'), true);
    await manager.revokeConsent('u1', 'grok-code-fast-1');
    assert.equal(manager.hasConsentSync('u1', 'grok-code-fast-1'), false);
    assert.equal(await manager.hasConsent('u1', 'grok-code-fast-1'), false);
    assert.deepEqual(events, [
      { userId: 'u1', modelId: 'grok-code-fast-1', granted: true },
      { userId: 'u1', modelId: 'grok-code-fast-1', granted: false },
    ]);
    subscription.dispose();
    await manager.recordConsent(full);
    assert.equal(events.length, 2);
  });

  it('hasConsentSync is unknown until the answer was read once', async () => {
    const store = new MemoryConsentStore();
    await new ConsentManager(store, { now }).recordConsent(full);
    const fresh = new ConsentManager(store, { now });
    assert.equal(fresh.hasConsentSync('u1', 'grok-code-fast-1'), undefined);
    await fresh.hasConsent('u1', 'grok-code-fast-1');
    assert.equal(fresh.hasConsentSync('u1', 'grok-code-fast-1'), true);
  });

  it('a read that started before a revocation does not leave a stale grant in hasConsentSync', async () => {
    const manager = new ConsentManager(new MemoryConsentStore(), { now });
    await manager.recordConsent(full);
    const reading = manager.hasConsent('u1', 'grok-code-fast-1');
    await manager.revokeConsent('u1', 'grok-code-fast-1');
    await reading;
    assert.equal(manager.hasConsentSync('u1', 'grok-code-fast-1'), false);
    assert.equal(await manager.hasConsent('u1', 'grok-code-fast-1'), false);
  });

  it('keeps ids that contain separators apart', async () => {
    const manager = new ConsentManager(new MemoryConsentStore(), { now });
    await manager.recordConsent({ ...full, userId: 'a/b', modelId: 'c' });
    assert.equal(await manager.hasConsent('a', 'b/c'), false);
    assert.equal(await manager.hasConsent('a/b', 'c'), true);
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
    assert.equal(manager.hasConsentSync('u1', 'grok-code-fast-1'), false);
    assert.deepEqual(events, [{ userId: 'u1', modelId: 'grok-code-fast-1', granted: false }]);
  });
});
