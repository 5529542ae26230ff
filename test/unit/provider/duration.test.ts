import * as assert from 'node:assert/strict';
import { mapTransportError } from '../../../src/provider/client/errorMapping';
import { formatDuration } from '../../../src/provider/duration';

describe('formatDuration', () => {
  it('writes durations for people, never "60000 ms"', () => {
    assert.equal(formatDuration(60_000), '60 s');
    assert.equal(formatDuration(850.4), '850 ms');
    assert.equal(formatDuration(2500), '2.5 s');
    assert.equal(formatDuration(5000), '5 s');
    assert.equal(formatDuration(30_400), '30.4 s');
    assert.equal(formatDuration(90_400), '90 s');
    assert.equal(formatDuration(300_000), '5 min');
    assert.equal(formatDuration(-3), '0 ms');
    assert.equal(formatDuration(Number.NaN), '0 ms');
  });

  it('is what the timeout messages say', () => {
    const timeouts = { headersTimeoutMs: 30_000, idleTimeoutMs: 60_000 };
    const idle = mapTransportError(Object.assign(new Error('body'), { code: 'UND_ERR_BODY_TIMEOUT' }), undefined, timeouts);
    assert.match(idle.message, /stopped sending for 60 s /);
    const headers = mapTransportError(Object.assign(new Error('headers'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), undefined, timeouts);
    assert.match(headers.message, /within 30 s\./);
  });
});
