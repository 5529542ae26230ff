import * as assert from 'node:assert/strict';
import { assessHealth, type ServiceProbe } from '../../../src/health/healthAssessment';
import { type WindowFigures } from '../../../src/health/requestWindow';

const OK_PROBE: ServiceProbe = { operational: true, responseTime: 180, errorRate: 0, message: 'ok' };
const THRESHOLDS = { p95ThresholdMs: 10_000, minSuccessRate: 0.95, minRequests: 20 };
const quiet: WindowFigures = { requests: 0, failed: 0, successRate: null, p95LatencyMs: null, spanMs: 900_000 };

function windowOf(requests: number, failed: number, p95LatencyMs = 900): WindowFigures {
  return { requests, failed, successRate: (requests - failed) / requests, p95LatencyMs, spanMs: 900_000 };
}

describe('assessHealth', () => {
  it('is ok when the probe answers and the window is fine', () => {
    const verdict = assessHealth({ probe: OK_PROBE, window: windowOf(100, 2), checkedAt: 5 }, THRESHOLDS);
    assert.equal(verdict.state, 'ok');
    assert.deepEqual(verdict.reasons, []);
    assert.equal(verdict.summary, 'Grok is healthy (status check answered in 180 ms).');
    assert.equal(verdict.checkedAt, 5);
    assert.deepEqual(verdict.probe, OK_PROBE);
  });

  it('is down when the probe says not operational, or could not run at all', () => {
    const refused = assessHealth({ probe: { ...OK_PROBE, operational: false, message: 'HTTP 503' }, window: quiet, checkedAt: 0 }, THRESHOLDS);
    assert.equal(refused.state, 'down');
    assert.equal(refused.summary, 'Grok is unreachable: the service did not answer: HTTP 503.');
    const thrown = assessHealth({ probe: new Error('ECONNREFUSED'), window: quiet, checkedAt: 0 }, THRESHOLDS);
    assert.equal(thrown.state, 'down');
    assert.equal(thrown.probe, undefined);
    assert.match(thrown.summary, /ECONNREFUSED/);
  });

  it('is degraded when the success rate falls below 95%, and not at exactly 95%', () => {
    const below = assessHealth({ probe: OK_PROBE, window: windowOf(100, 6), checkedAt: 0 }, THRESHOLDS);
    assert.equal(below.state, 'degraded');
    assert.deepEqual(below.reasons, ['94.0% of the last 100 requests succeeded (below 95.0%)']);
    assert.equal(assessHealth({ probe: OK_PROBE, window: windowOf(100, 5), checkedAt: 0 }, THRESHOLDS).state, 'ok');
  });

  it('judges neither rate nor p95 on fewer requests than the minimum', () => {
    const few = assessHealth({ probe: OK_PROBE, window: windowOf(19, 10, 60_000), checkedAt: 0 }, THRESHOLDS);
    assert.equal(few.state, 'ok');
  });

  it('is degraded when p95 latency passes the threshold, and not when it equals it', () => {
    const slow = assessHealth({ probe: OK_PROBE, window: windowOf(40, 0, 12_500), checkedAt: 0 }, THRESHOLDS);
    assert.equal(slow.state, 'degraded');
    assert.deepEqual(slow.reasons, ['p95 latency is 12.5 s (threshold 10 s)']);
    assert.equal(assessHealth({ probe: OK_PROBE, window: windowOf(40, 0, 10_000), checkedAt: 0 }, THRESHOLDS).state, 'ok');
  });

  it('is degraded when the status check itself is slower than the threshold', () => {
    const verdict = assessHealth({ probe: { ...OK_PROBE, responseTime: 11_000 }, window: quiet, checkedAt: 0 }, THRESHOLDS);
    assert.equal(verdict.state, 'degraded');
    assert.equal(verdict.summary, 'Grok is slow or failing: the service took 11 s to answer a status check.');
  });

  it('lists every reason, and down wins over degraded', () => {
    const verdict = assessHealth(
      { probe: { ...OK_PROBE, operational: false, message: 'timeout' }, window: windowOf(50, 10, 20_000), checkedAt: 0 },
      THRESHOLDS,
    );
    assert.equal(verdict.state, 'down');
    assert.equal(verdict.reasons.length, 3);
  });
});
