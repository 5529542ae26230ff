import * as assert from 'node:assert/strict';
import { ConsentManager } from '../../../src/provider/consent';
import { GlobalStateConsentStore } from '../../../src/platform/consentStore';
import { SerialMemento, type StateMemento } from '../../../src/platform/serialMemento';
import { eraseExtensionStorage } from '../../../src/dataRights/storageEraser';

/**
 * VS Code's extension-host Memento as it behaves: a write changes the local copy and schedules a
 * flush of the WHOLE object (next macrotask); the main side stores it and echoes the stored object
 * back, which replaces the local copy, before it answers. `deliver()` is the main side answering
 * the oldest flush, so a test decides when an echo arrives.
 */
class EchoingMemento implements StateMemento {
  stored: Record<string, unknown> = {};
  private local: Record<string, unknown> = {};
  private waiting: (() => void)[] = [];
  private scheduled = false;
  private readonly inFlight: { snapshot: Record<string, unknown>; done: (() => void)[] }[] = [];

  keys(): readonly string[] {
    return Object.keys(this.local);
  }

  get<T>(key: string): T | undefined {
    return this.local[key] as T | undefined;
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.local[key];
    else this.local[key] = value;
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (this.scheduled) return;
      this.scheduled = true;
      setTimeout(() => {
        this.scheduled = false;
        this.inFlight.push({ snapshot: { ...this.local }, done: this.waiting });
        this.waiting = [];
      }, 0);
    });
  }

  get flushesInFlight(): number {
    return this.inFlight.length;
  }

  deliver(): void {
    const flush = this.inFlight.shift();
    if (flush === undefined) return;
    this.stored = flush.snapshot;
    this.local = { ...flush.snapshot };
    for (const done of flush.done) done();
  }
}

const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Lets the flushes go out and answers them until `work` is done. */
async function settle(state: EchoingMemento, work: PromiseLike<unknown>): Promise<void> {
  let done = false;
  const finished = Promise.resolve(work).finally(() => (done = true));
  while (!done) {
    await macrotask();
    state.deliver();
  }
  await finished;
}

/** One holder's write goes out, then another holder writes before its echo came back. */
async function writeWhileAnotherIsInFlight(state: StateMemento, vscodeState: EchoingMemento, first: () => PromiseLike<void>, second: () => PromiseLike<void>) {
  const one = first();
  for (let round = 0; round < 10 && vscodeState.flushesInFlight === 0; round++) await macrotask();
  assert.equal(vscodeState.flushesInFlight, 1, 'the first write is on its way');
  const two = second();
  vscodeState.deliver(); // its echo arrives before the second write's flush
  await settle(vscodeState, Promise.all([one, two]));
  return state;
}

describe('SerialMemento (globalState behind one write queue)', () => {
  it('the model of VS Code loses a write made while another is in flight (what the queue prevents)', async () => {
    const vscodeState = new EchoingMemento();
    await writeWhileAnotherIsInFlight(
      vscodeState,
      vscodeState,
      () => vscodeState.update('grokCodeFast.modelCatalogue', ['grok-4.3']),
      () => vscodeState.update('grokCodeFast.consent/x', 'granted'),
    );
    assert.equal(vscodeState.stored['grokCodeFast.consent/x'], undefined);
  });

  it('after Delete My Data, consent recorded from the panel while the model list is saved is kept (issue example)', async () => {
    const vscodeState = new EchoingMemento();
    const state = new SerialMemento(vscodeState);
    await settle(vscodeState, state.update('grokCodeFast.userId', 'old-user'));
    await settle(vscodeState, eraseExtensionStorage({ state, dir: '/nonexistent/grok-serial-memento-test' }));
    // What is left: a fresh identity (never missing) and the data generation.
    assert.deepEqual([...state.keys()].sort(), ['grokCodeFast.analyticsSalt', 'grokCodeFast.dataGeneration', 'grokCodeFast.userId']);
    assert.notEqual(state.get('grokCodeFast.userId'), 'old-user');
    const manager = new ConsentManager(new GlobalStateConsentStore(state));
    const subject = { userId: 'user', modelId: 'grok-4.3', endpoint: 'http://127.0.0.1:1' };

    await writeWhileAnotherIsInFlight(
      state,
      vscodeState,
      () => state.update('grokCodeFast.modelCatalogue', ['grok-4.3']),
      async () => {
        await manager.recordConsent({ ...subject, consentGiven: true, dataUsageAcknowledged: true });
      },
    );

    assert.equal(await manager.hasConsent(subject), true);
    assert.equal(await new ConsentManager(new GlobalStateConsentStore(vscodeState)).hasConsent(subject), true, 'stored by VS Code, not only in memory');
    assert.deepEqual(vscodeState.stored['grokCodeFast.modelCatalogue'], ['grok-4.3']);
  });

  it('keeps a deletion made while a counter is in flight, and reads every write back at once', async () => {
    const vscodeState = new EchoingMemento();
    const state = new SerialMemento(vscodeState);
    await settle(vscodeState, state.update('grokCodeFast.chat.ws.a.draft', 'typed'));

    await writeWhileAnotherIsInFlight(
      state,
      vscodeState,
      () => state.update('grokCodeFast.usage', { requests: 3 }),
      () => {
        const deleted = state.update('grokCodeFast.chat.ws.a.draft', undefined);
        assert.equal(state.get('grokCodeFast.chat.ws.a.draft'), undefined, 'read at once, before VS Code stored it');
        assert.ok(!state.keys().includes('grokCodeFast.chat.ws.a.draft'));
        return deleted;
      },
    );

    assert.ok(!('grokCodeFast.chat.ws.a.draft' in vscodeState.stored), 'the deleted draft came back');
    assert.deepEqual(vscodeState.stored['grokCodeFast.usage'], { requests: 3 });
    assert.equal(state.get('grokCodeFast.missing', 'fallback'), 'fallback');
  });
});
