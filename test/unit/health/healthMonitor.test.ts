import * as assert from 'node:assert/strict';
import { type HealthState, type ServiceProbe } from '../../../src/health/healthAssessment';
import { HealthMonitor } from '../../../src/health/healthMonitor';
import { FakeClock } from '../../support/fakeClock';

const MIN = 60_000;
const UP: ServiceProbe = { operational: true, responseTime: 150, errorRate: 0, message: 'ok' };
const DOWN: ServiceProbe = { operational: false, responseTime: 5000, errorRate: 1, message: 'HTTP 503' };

/** A service whose probe answer and request counters the test steers. */
function setup(options: { canCheck?: () => boolean; p95ThresholdMs?: () => number } = {}) {
  const clock = new FakeClock(Date.parse('2026-11-25T12:00:00Z'));
  const service = { probe: UP as ServiceProbe | Error, successful: 0, failed: 0, p95: 500, probes: 0 };
  const monitor = new HealthMonitor({
    check: async () => {
      service.probes += 1;
      if (service.probe instanceof Error) throw service.probe;
      return service.probe;
    },
    metrics: () => ({ successfulRequests: service.successful, failedRequests: service.failed, p95Latency: service.p95 }),
    canCheck: options.canCheck,
    thresholds: () => ({ p95ThresholdMs: options.p95ThresholdMs?.() ?? 10_000 }),
    now: clock.now,
    scheduler: clock,
  });
  const states: HealthState[] = [];
  const warnings: string[] = [];
  monitor.onDidChangeState((verdict) => states.push(verdict?.state ?? 'ok'));
  monitor.onWarning((verdict) => warnings.push(verdict.summary));
  return { clock, service, monitor, states, warnings };
}

describe('HealthMonitor', () => {
  it('checks once per interval, starting one interval after start', async () => {
    const { clock, service, monitor } = setup();
    monitor.start(5 * MIN);
    await clock.advance(5 * MIN - 1);
    assert.equal(service.probes, 0);
    await clock.advance(1);
    assert.equal(service.probes, 1);
    await clock.advance(20 * MIN);
    assert.equal(service.probes, 5);
    assert.equal(monitor.lastVerdict?.checkedAt, clock.now());
  });

  it('warns once per bad episode, and again only after a recovery', async () => {
    const { clock, service, monitor, states, warnings } = setup();
    monitor.start(5 * MIN);
    const failRequests = () => {
      service.successful += 80;
      service.failed += 20;
    };
    const fineRequests = () => {
      service.successful += 100;
    };

    fineRequests();
    await clock.advance(5 * MIN);
    assert.equal(monitor.state, 'ok');

    failRequests();
    await clock.advance(5 * MIN); // degraded: warns
    failRequests();
    await clock.advance(5 * MIN); // still degraded: quiet
    service.probe = DOWN;
    await clock.advance(5 * MIN); // down: same episode, quiet
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^Grok is slow or failing: 90\.0% of the last 200 requests succeeded/); // the window reaches back to start

    service.probe = UP;
    for (let i = 0; i < 3; i++) {
      fineRequests();
      await clock.advance(5 * MIN); // the bad requests leave the 15-minute window
    }
    assert.equal(monitor.state, 'ok');
    assert.equal(warnings.length, 1);

    service.p95 = 25_000;
    fineRequests();
    await clock.advance(5 * MIN); // a new episode: warns again
    assert.equal(warnings.length, 2);
    assert.match(warnings[1], /p95 latency is 25 s/);
    // Back up, the failures still in the window keep it degraded for a check before it is ok.
    assert.deepEqual(states, ['degraded', 'down', 'degraded', 'ok', 'degraded']);
  });

  it('treats a probe that throws as down', async () => {
    const { clock, service, monitor, states } = setup();
    service.probe = new Error('getaddrinfo ENOTFOUND api.x.ai');
    monitor.start(MIN);
    await clock.advance(MIN);
    assert.equal(monitor.state, 'down');
    assert.deepEqual(states, ['down']);
    assert.match(monitor.lastVerdict?.summary ?? '', /ENOTFOUND/);
  });

  it('skips ticks while a check could not mean anything', async () => {
    let hasKey = false;
    const { clock, service, monitor } = setup({ canCheck: () => hasKey });
    monitor.start(MIN);
    await clock.advance(3 * MIN);
    assert.equal(service.probes, 0);
    hasKey = true;
    await clock.advance(MIN);
    assert.equal(service.probes, 1);
  });

  it('reads the threshold at every check', async () => {
    let threshold = 10_000;
    const { clock, service, monitor } = setup({ p95ThresholdMs: () => threshold });
    monitor.start(MIN);
    service.successful = 50;
    service.p95 = 4000;
    await clock.advance(MIN);
    assert.equal(monitor.state, 'ok');
    threshold = 3000;
    service.successful = 100;
    await clock.advance(MIN);
    assert.equal(monitor.state, 'degraded');
  });

  it('checks on demand without a second warning when the caller shows the verdict itself', async () => {
    const { clock, service, monitor, warnings } = setup();
    monitor.start(5 * MIN);
    service.probe = DOWN;
    const verdict = await monitor.checkNow({ announce: false });
    assert.equal(verdict.state, 'down');
    assert.equal(monitor.state, 'down');
    await clock.advance(10 * MIN);
    assert.deepEqual(warnings, [], 'the episode was already shown by the command');
  });

  it('forgets a bad state on reset, so the next bad check warns again', async () => {
    const { clock, service, monitor, states, warnings } = setup();
    monitor.start(MIN);
    service.probe = DOWN;
    await clock.advance(MIN);
    monitor.stop();
    monitor.reset();
    assert.equal(monitor.state, 'ok');
    assert.equal(monitor.lastVerdict, undefined);
    monitor.start(MIN);
    await clock.advance(MIN);
    assert.deepEqual(states, ['down', 'ok', 'down']);
    assert.equal(warnings.length, 2);
  });

  it('shares a check already running instead of probing twice', async () => {
    const { service, monitor } = setup();
    const [a, b] = await Promise.all([monitor.checkNow(), monitor.checkNow()]);
    assert.equal(service.probes, 1);
    assert.equal(a, b);
  });

  it('leaves no timer behind when stopped, restarted or disposed', async () => {
    const { clock, service, monitor } = setup();
    monitor.start(MIN);
    monitor.start(2 * MIN);
    assert.equal(clock.activeTimers, 1);
    assert.equal(monitor.running, true);
    await clock.advance(2 * MIN);
    assert.equal(service.probes, 1);
    monitor.stop();
    assert.equal(clock.activeTimers, 0);
    assert.equal(monitor.running, false);
    monitor.start(MIN);
    monitor.dispose();
    assert.equal(clock.activeTimers, 0);
    await clock.advance(10 * MIN);
    assert.equal(service.probes, 1);
  });
});
