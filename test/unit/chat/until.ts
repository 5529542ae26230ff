/** Waits (a bounded number of event-loop turns, no timers) until the condition holds; fails the test otherwise. */
import * as assert from 'node:assert/strict';

export async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail('condition never became true');
}
