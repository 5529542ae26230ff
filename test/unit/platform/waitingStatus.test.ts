import * as assert from 'node:assert/strict';
import { WaitingStatus } from '../../../src/platform/waitingStatus';

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('WaitingStatus', () => {
  it('counts a 429 retry down in whole seconds, then goes quiet when data flows', () => {
    const c = clock();
    const status = new WaitingStatus(c.now);
    status.retrying({ code: 'rate_limited', delayMs: 7000 });
    assert.equal(status.text(), 'rate-limited, retrying in 7 s');
    c.t += 2500;
    assert.equal(status.text(), 'rate-limited, retrying in 5 s');
    c.t += 4500;
    assert.equal(status.text(), undefined, 'the retry has started: a fresh wait');
    status.data();
    assert.equal(status.text(), undefined);
  });

  it('names a server failure as such, not as a rate limit', () => {
    const c = clock();
    const status = new WaitingStatus(c.now);
    status.retrying({ code: 'api_error', delayMs: 1200 });
    assert.equal(status.text(), 'the server failed, retrying in 2 s');
  });

  it('says "no data for N s…" early in a stall, long before a 60 s timeout, in seconds not ms', () => {
    const c = clock();
    const status = new WaitingStatus(c.now);
    c.t += 4999;
    assert.equal(status.text(), undefined);
    c.t += 1;
    assert.equal(status.text(), 'no data for 5 s…');
    status.data();
    c.t += 12_700;
    assert.equal(status.text(), 'no data for 12 s…');
    c.t += 60_000;
    assert.equal(status.text(), 'no data for 72 s…');
  });

  it('counts a stall after a retry from when the retry started', () => {
    const c = clock();
    const status = new WaitingStatus(c.now);
    status.retrying({ code: 'rate_limited', delayMs: 3000 });
    c.t += 3000 + 4000;
    assert.equal(status.text(), undefined);
    c.t += 1000;
    assert.equal(status.text(), 'no data for 5 s…');
  });
});
