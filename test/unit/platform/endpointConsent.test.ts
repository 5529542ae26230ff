/** Issue 24 item 6: one consent covers every model at the endpoint, still recorded per model, and every notice says what it covers. */
import * as assert from 'node:assert/strict';
import { extendEndpointConsent } from '../../../src/platform/endpointConsent';
import { consentNotice, ConsentManager, MemoryConsentStore } from '../../../src/provider/consent';

const XAI = 'https://api.x.ai';
const OTHER = 'http://127.0.0.1:8080';
const given = { consentGiven: true, dataUsageAcknowledged: true };

describe('one consent covers every model at the endpoint (issue 24 item 6)', () => {
  it('records a model chosen later at a consented endpoint without asking, per model', async () => {
    const manager = new ConsentManager(new MemoryConsentStore());
    await manager.recordConsent({ userId: 'u1', modelId: 'grok-code-fast-1', endpoint: XAI, ...given });
    const missing = await extendEndpointConsent(manager, [
      { userId: 'u1', modelId: 'grok-code-fast-1', endpoint: XAI },
      { userId: 'u1', modelId: 'grok-4.3', endpoint: XAI },
    ]);
    assert.deepEqual(missing, []);
    // Recorded per model, as the documented API reads it.
    assert.equal(await manager.hasConsent({ userId: 'u1', modelId: 'grok-4.3', endpoint: XAI }), true);
    assert.deepEqual((await manager.listConsents()).map((r) => r.modelId).sort(), ['grok-4.3', 'grok-code-fast-1']);
  });

  it('asks again for another endpoint, another user, and after a withdrawal', async () => {
    const manager = new ConsentManager(new MemoryConsentStore());
    await manager.recordConsent({ userId: 'u1', modelId: 'grok-code-fast-1', endpoint: XAI, ...given });
    const elsewhere = { userId: 'u1', modelId: 'grok-code-fast-1', endpoint: OTHER };
    const someoneElse = { userId: 'u2', modelId: 'grok-4.3', endpoint: XAI };
    assert.deepEqual(await extendEndpointConsent(manager, [elsewhere, someoneElse]), [elsewhere, someoneElse]);
    await manager.revokeConsent({ userId: 'u1', modelId: 'grok-code-fast-1', endpoint: XAI });
    const later = { userId: 'u1', modelId: 'grok-4.3', endpoint: XAI };
    assert.deepEqual(await extendEndpointConsent(manager, [later]), [later], 'a withdrawn endpoint covers nothing');
    assert.equal(await manager.hasConsent(later), false);
  });

  it('records nothing while a withdrawal is under way (mayExtend false): a revocation is never undone', async () => {
    const manager = new ConsentManager(new MemoryConsentStore());
    await manager.recordConsent({ userId: 'u1', modelId: 'grok-code-fast-1', endpoint: XAI, ...given });
    const later = { userId: 'u1', modelId: 'grok-4.3', endpoint: XAI };
    assert.deepEqual(await extendEndpointConsent(manager, [later], () => false), [later]);
    assert.equal(await manager.hasConsent(later), false);
  });

  it("the extension's notice says it covers every model at the endpoint, and names it", () => {
    for (const origin of [XAI, OTHER]) {
      const notice = consentNotice(origin);
      assert.ok(notice.includes(`This consent covers every model at ${origin}`), notice);
      assert.match(notice, /choosing another model there does not ask again/);
      assert.match(notice, /another endpoint asks again/);
      assert.doesNotMatch(notice, /this endpoint only/);
    }
  });

  it("the core's per-model notice names the model it covers", () => {
    const notice = consentNotice(XAI, 'grok-code-fast-1');
    assert.ok(notice.includes('This consent covers the model grok-code-fast-1 at https://api.x.ai only'), notice);
    assert.match(notice, /another model or another endpoint asks again/);
  });
});
