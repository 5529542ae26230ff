/**
 * Issue 17, item 6: "Nothing is left on this machine" is true. The holders are wired as the extension
 * wires them (globalState as a Memento, the global storage folder on disk), every storage key and file
 * is listed before and after, and a second window's holders drop what they hold instead of writing it back.
 */
import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type * as vscode from 'vscode';
import { type Conversation } from '../../../src/chat/historySchema';
import { HistoryStore } from '../../../src/chat/historyStore';
import { erasePersonalData } from '../../../src/dataRights/personalDataEraser';
import { type PersonalDataHolders, personalDataErasers } from '../../../src/dataRights/personalDataHolders';
import { FileAnalyticsStore } from '../../../src/platform/analyticsFileStore';
import { GlobalStateConsentStore } from '../../../src/platform/consentStore';
import { DATA_GENERATION_KEY } from '../../../src/platform/dataGeneration';
import { GlobalStateRateLimitStore } from '../../../src/platform/rateLimitStore';
import { ANALYTICS_SALT_KEY, LiveIdentity, USER_ID_KEY } from '../../../src/platform/identity';
import { GlobalStateSpendStore, SPEND_KEY } from '../../../src/platform/spendStore';
import { AnalyticsTracker } from '../../../src/provider/analytics';
import { ConsentManager } from '../../../src/provider/consent';
import { DEFAULT_RATE_LIMITS, RateLimiter, SpendBudget } from '../../../src/provider/limits';
import { MemoryMemento } from '../chat/memoryMemento';

const NOW = Date.parse('2026-11-25T12:00:00Z');

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

function conversation(id: string, text: string): Conversation {
  return { id, title: text, createdAt: 1, updatedAt: 2, entries: [{ role: 'user', id: `${id}-u`, createdAt: 1, text, chips: [], prompt: text }] };
}

describe('Delete My Data leaves nothing behind (issue 17)', () => {
  let dir: string;
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  /** Both windows' holders over one globalState and one storage folder. */
  async function machine() {
    dir = await mkdtemp(join(tmpdir(), 'grok-global-storage-'));
    const state = new MemoryMemento();
    const memento = state as unknown as vscode.Memento;
    const analyticsDir = join(dir, 'analytics');
    const window = async () => {
      const identity = new LiveIdentity(memento);
      const userId = identity.userId();
      const store = await FileAnalyticsStore.open(analyticsDir, { now: () => NOW, flushDelayMs: 60_000 });
      const tracker = new AnalyticsTracker({ store, salt: () => identity.salt(), now: () => NOW });
      const consentManager = new ConsentManager(new GlobalStateConsentStore(memento), { now: () => new Date(NOW) });
      const limiter = new RateLimiter(DEFAULT_RATE_LIMITS, { store: new GlobalStateRateLimitStore(memento), now: () => NOW });
      const history = new HistoryStore(state, 'ws1');
      const spendBudget = new SpendBudget({ dailyUsd: 1, monthlyUsd: 0 }, { store: new GlobalStateSpendStore(memento), now: () => NOW, timeZone: 'UTC' });
      const holders: PersonalDataHolders = {
        tracker,
        consentManager,
        spendBudget,
        features: { list: () => [{ key: 'chatHistory', what: 'chat history', exportAll: () => history.exportAll(), deleteAll: () => history.deleteAll() }] },
        storage: { state, dir },
        now: () => NOW,
      };
      const use = async (requestId: string) => {
        const userId = identity.userId();
        (await limiter.acquire(userId, { estimatedTokens: 10 })).release(10);
        spendBudget.record(0.01);
        tracker.trackRequest({ requestId, userId, feature: 'chat', model: 'grok-4.3' });
        await tracker.trackResponse({ requestId, outcome: 'success', latencyMs: 500, timeToFirstTokenMs: 100 });
        await store.flush();
      };
      return { identity, userId, store, tracker, consentManager, history, holders, use, spendBudget };
    };
    return { state, window };
  }

  it('lists every key and file before, and after only the generation marker and a fresh identity', async () => {
    const { state, window } = await machine();
    const here = await window();
    await here.consentManager.recordConsent({ userId: here.userId, modelId: 'grok-4.3', endpoint: 'https://api.x.ai', consentGiven: true, dataUsageAcknowledged: true });
    await here.use('r1');
    await here.history.save(conversation('c1', 'my private question'));
    // What the status bar keeps, and a file some later feature might leave in the storage folder.
    await state.update('grokCodeFast.statusBar.today', { day: '2026-11-25', requests: 1, tokens: 10 });
    await mkdir(join(dir, 'cache'), { recursive: true });
    await writeFile(join(dir, 'cache', 'models.json'), '[]');

    const keysBefore = state.keys();
    const saltBefore = state.get(ANALYTICS_SALT_KEY);
    for (const key of ['grokCodeFast.userId', 'grokCodeFast.analyticsSalt', `grokCodeFast.rateLimits.${here.userId}`, SPEND_KEY, 'grokCodeFast.statusBar.today']) {
      assert.ok(keysBefore.includes(key), `${key} was written to begin with`);
    }
    assert.ok(keysBefore.some((key) => key.startsWith('grokCodeFast.consent/')));
    assert.ok(keysBefore.some((key) => key.startsWith('grokCodeFast.chat.')));
    assert.ok((await filesUnder(dir)).some((file) => file.startsWith('analytics')));

    const result = await erasePersonalData(personalDataErasers(here.holders));
    assert.deepEqual(result.failed, []);
    await here.store.close();

    assert.deepEqual(
      [...state.keys()].sort(),
      [ANALYTICS_SALT_KEY, DATA_GENERATION_KEY, USER_ID_KEY].sort(),
      'only the data generation marker and a new identity (random ids) are left',
    );
    assert.notEqual(state.get(USER_ID_KEY), here.userId, 'the user id was not renewed');
    assert.notEqual(state.get(ANALYTICS_SALT_KEY), saltBefore, 'the salt was not renewed');
    assert.equal(here.spendBudget.snapshot().dayUsd, 0, 'the budget counts from $0 again');
    assert.deepEqual(await filesUnder(dir), [], 'no file is left in the global storage folder');
  });

  it("another window drops the deleted chat and statistics instead of writing them back", async () => {
    const { state, window } = await machine();
    const other = await window();
    const here = await window();
    await other.use('other-1');
    await other.history.save(conversation('c1', 'asked in the other window'));

    await erasePersonalData(personalDataErasers(here.holders));
    await here.store.close();

    // The other window still holds its aggregate and its conversation: neither comes back.
    await other.history.save(conversation('c1', 'asked in the other window, continued'));
    await other.store.flush();
    assert.deepEqual(await filesUnder(dir), []);
    assert.deepEqual(other.history.list(), []);
    assert.equal((await other.tracker.generatePerformanceReport()).totalRequests, 0, 'the other window shows no deleted statistics');

    // Once it has noticed, it works on from zero.
    assert.equal(other.history.erasedSinceLoad(), true);
    assert.equal(other.history.erasedSinceLoad(), false, 'it is told once');
    await other.history.save(conversation('c2', 'a new question'));
    assert.deepEqual(other.history.list().map((summary) => summary.id), ['c2']);
    await other.use('other-2');
    // The other window's rate limiter counts from zero too: one request stored, not two.
    const counters = state.get<{ day: { requests: number }[] }>(`grokCodeFast.rateLimits.${other.identity.userId()}`);
    assert.equal(counters?.day.reduce((sum, bucket) => sum + bucket.requests, 0), 1);
    const report = await other.tracker.generatePerformanceReport();
    assert.equal(report.totalRequests, 1, 'only the request made after the deletion');
    assert.ok(!state.keys().some((key) => key.endsWith('conversation.c1')), 'the deleted conversation came back');
  });

  it('consent given right after the deletion survives Reload Window, in this window and the others (issue 24 item 5)', async () => {
    const { window } = await machine();
    const here = await window();
    const other = await window();
    const subject = (userId: string) => ({ userId, modelId: 'grok-4.3', endpoint: 'https://api.x.ai' });
    await here.consentManager.recordConsent({ ...subject(here.identity.userId()), consentGiven: true, dataUsageAcknowledged: true });
    const renewed: string[] = [];
    other.identity.onDidChange((userId) => renewed.push(userId));
    const saltBefore = here.identity.salt();

    await erasePersonalData(personalDataErasers(here.holders));
    await here.store.close();

    // A fresh identity at once, in this window and the other: nothing links what follows to what was deleted.
    const fresh = here.identity.userId();
    assert.notEqual(fresh, here.userId);
    assert.notEqual(here.identity.salt(), saltBefore);
    assert.equal(other.identity.userId(), fresh);
    assert.deepEqual(renewed, [fresh], 'the other window was told once of the new user id');
    assert.equal(await here.consentManager.hasConsent(subject(fresh)), false, 'consent was deleted');

    // Consent given right after, in this window and then in the other one, under the live identity.
    await here.consentManager.recordConsent({ ...subject(here.identity.userId()), consentGiven: true, dataUsageAcknowledged: true });
    await other.consentManager.recordConsent({ ...subject(other.identity.userId()), modelId: 'grok-code-fast-1', consentGiven: true, dataUsageAcknowledged: true });

    // Reload Window: a new session reads the identity and the consent records from globalState.
    const reloaded = await window();
    assert.equal(reloaded.identity.userId(), fresh);
    assert.equal(await reloaded.consentManager.hasConsent(subject(reloaded.identity.userId())), true, 'consent given after the deletion was lost on reload');
    assert.equal(await reloaded.consentManager.hasConsent({ ...subject(reloaded.identity.userId()), modelId: 'grok-code-fast-1' }), true);
    await reloaded.store.close();
    await other.store.close();
  });
});
