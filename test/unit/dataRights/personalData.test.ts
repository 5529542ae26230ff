import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeErasure, erasePersonalData } from '../../../src/dataRights/personalDataEraser';
import { buildPersonalDataExport, PERSONAL_DATA_FORMAT } from '../../../src/dataRights/personalDataExport';
import { type PersonalDataHolders, personalDataErasers, personalDataSources } from '../../../src/dataRights/personalDataHolders';
import { FileAnalyticsStore } from '../../../src/platform/analyticsFileStore';
import { GlobalStateSpendStore } from '../../../src/platform/spendStore';
import { AnalyticsTracker } from '../../../src/provider/analytics';
import { ConsentManager, MemoryConsentStore } from '../../../src/provider/consent';
import { SpendBudget } from '../../../src/provider/limits';
import { MemoryMemento } from '../chat/memoryMemento';

const NOW = Date.parse('2026-11-25T12:00:00Z');

/** The holders as the extension wires them, on a real file store in a temporary directory. */
async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'grok-data-rights-'));
  let clock = NOW - 40 * 86_400_000;
  const store = await FileAnalyticsStore.open(dir, { now: () => clock, flushDelayMs: 1 });
  const tracker = new AnalyticsTracker({ store, salt: 's', now: () => clock });
  // Its own store: the process's is shared with every other test file (the bench's tests consent there too).
  const consentManager = new ConsentManager(new MemoryConsentStore(), { now: () => new Date(clock) });
  let history: { conversations: { id: string; text: string }[] } = { conversations: [{ id: 'c1', text: 'How do I parse JSON?' }] };
  const state = new MemoryMemento();
  const spendBudget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 10 }, { now: () => clock, timeZone: 'UTC', store: new GlobalStateSpendStore(state) });
  const holders: PersonalDataHolders = {
    tracker,
    consentManager,
    spendBudget,
    features: {
      list: () => [
        {
          key: 'chatHistory',
          what: 'chat history',
          exportAll: async () => history,
          deleteAll: async () => {
            history = { conversations: [] };
          },
        },
      ],
    },
    storage: { state, dir },
    now: () => clock,
  };
  await consentManager.recordConsent({ userId: 'u1', modelId: 'grok-code-fast-1', endpoint: 'https://api.x.ai', consentGiven: true, dataUsageAcknowledged: true });
  for (let i = 0; i < 5; i++) {
    clock += 8 * 86_400_000; // spread over the 40 days, one event file per day
    tracker.trackRequest({ requestId: `r${i}`, userId: 'u1', feature: 'chat', model: 'grok-code-fast-1' });
    await tracker.trackResponse({ requestId: `r${i}`, outcome: 'success', latencyMs: 900, timeToFirstTokenMs: 300 });
  }
  await store.flush();
  spendBudget.record(0.25);
  return { dir, store, tracker, consentManager, holders, history: () => history };
}

describe('Export My Data / Delete My Data', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('exports consent records, every retained analytics event, the chat history and the budget counters', async () => {
    const s = await setup();
    dir = s.dir;
    const exported = await buildPersonalDataExport(personalDataSources(s.holders));
    const parsed = JSON.parse(JSON.stringify(exported)) as typeof exported & { analytics: { events: { requestId: string }[] } };
    assert.equal(parsed.format, PERSONAL_DATA_FORMAT);
    assert.equal(parsed.exportedAt, '2026-11-25T12:00:00.000Z');
    assert.deepEqual(parsed.consents.map((c) => [c.userId, c.consentGiven]), [['u1', true]]);
    assert.deepEqual(parsed.analytics.events.map((e) => e.requestId), ['r0', 'r1', 'r2', 'r3', 'r4']);
    assert.deepEqual(parsed.chatHistory, { conversations: [{ id: 'c1', text: 'How do I parse JSON?' }] });
    assert.deepEqual(parsed.spendBudget, { v: 1, day: '2026-11-25', dayUsd: 0.25, month: '2026-11', monthUsd: 0.25 });
    assert.ok(!JSON.stringify(parsed).includes('"userId":"u1","feature"'), 'analytics holds only the salted user hash');
  });

  it('deletes analytics, chat history and consent records, leaving nothing behind', async () => {
    const s = await setup();
    dir = s.dir;
    assert.ok((await readdir(dir)).length >= 5, 'the store wrote files to begin with');

    const result = await erasePersonalData(personalDataErasers(s.holders));
    assert.deepEqual(result.failed, []);
    assert.deepEqual(result.erased.slice(0, 3), ['consent records', 'analytics', 'chat history']);

    await s.store.close();
    assert.deepEqual(await readdir(dir), [], 'the analytics directory is empty');
    assert.deepEqual(await s.consentManager.listConsents(), []);
    assert.equal(await s.consentManager.hasConsent({ userId: 'u1', modelId: 'grok-code-fast-1', endpoint: 'https://api.x.ai' }), false);
    assert.deepEqual(s.history(), { conversations: [] });
    assert.equal((await s.tracker.generatePerformanceReport()).totalRequests, 0);
    assert.equal(s.tracker.getMetrics().totalRequests, 0);
    const after = await buildPersonalDataExport(personalDataSources(s.holders));
    assert.deepEqual((after.analytics as { events: unknown[] }).events, []);
    assert.equal(after.spendBudget.dayUsd, 0, 'the budget counters are erased too');
  });

  it('keeps going when one holder fails and says which', async () => {
    const erased: string[] = [];
    const result = await erasePersonalData([
      { what: 'consent records', erase: async () => void erased.push('consents') },
      { what: 'analytics', erase: async () => Promise.reject(new Error('EACCES')) },
      { what: 'chat history', erase: async () => void erased.push('history') },
    ]);
    assert.deepEqual(erased, ['consents', 'history']);
    assert.deepEqual(result.failed, [{ what: 'analytics', error: 'EACCES' }]);
    assert.equal(describeErasure(result), 'Could not delete your analytics (EACCES). Deleted: consent records and chat history. Try Delete My Data again.');
  });

  it('describes a complete deletion', () => {
    assert.equal(
      describeErasure({ erased: ['consent records', 'analytics', 'chat history'], failed: [] }),
      'Deleted your consent records, analytics and chat history. Nothing is left on this machine; your API key stays in the OS keychain until you run "Grok: Clear API Key".',
    );
  });
});
