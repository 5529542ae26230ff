import * as assert from 'node:assert/strict';
import { DAY_MS } from '../../../src/provider/analytics/reportPeriod';
import { CatalogueRefresh } from '../../../src/platform/catalogueRefresh';
import { FakeClock } from '../../support/fakeClock';

function setup(allowed: { value: boolean }) {
  const clock = new FakeClock();
  const reads: number[] = [];
  const errors: unknown[] = [];
  const refresh = new CatalogueRefresh({
    read: async () => {
      reads.push(clock.now());
    },
    allowed: () => allowed.value,
    scheduler: clock,
    logger: { error: (...args: unknown[]) => errors.push(args) },
  });
  return { clock, reads, errors, refresh };
}

describe('CatalogueRefresh: when the model list is read in the background', () => {
  it('reads once a day while allowed, the first time a day after start', async () => {
    const { clock, reads, refresh } = setup({ value: true });
    refresh.start();
    await clock.advance(DAY_MS - 1);
    assert.deepEqual(reads, [], 'read before a day passed');
    await clock.advance(1);
    await clock.advance(DAY_MS);
    assert.deepEqual(reads, [DAY_MS, 2 * DAY_MS]);
    refresh.dispose();
    await clock.advance(3 * DAY_MS);
    assert.equal(reads.length, 2, 'read after dispose');
  });

  it('sends nothing without consent (or key, or endpoint), neither daily nor on a change', async () => {
    const allowed = { value: false };
    const { clock, reads, refresh } = setup(allowed);
    refresh.start();
    refresh.now();
    await clock.advance(3 * DAY_MS);
    assert.deepEqual(reads, []);
    allowed.value = true;
    refresh.now();
    await clock.advance(DAY_MS);
    assert.deepEqual(reads, [3 * DAY_MS, 4 * DAY_MS], 'a change once allowed, then the next daily read');
  });

  it('logs a failed read instead of throwing from the timer', async () => {
    const clock = new FakeClock();
    const errors: unknown[] = [];
    const refresh = new CatalogueRefresh({
      read: () => Promise.reject(new Error('offline')),
      allowed: () => true,
      scheduler: clock,
      logger: { error: (...args: unknown[]) => errors.push(args) },
    });
    refresh.start();
    await clock.advance(DAY_MS);
    assert.equal(errors.length, 1);
  });
});
