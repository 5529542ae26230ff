import * as assert from 'node:assert/strict';
import { InflightRequests, type RunModel, type RunProgress } from '../../../src/completion/inflight';
import type { Suggestion } from '../../../src/completion/types';
import { FakeClock } from '../../support/fakeClock';

const PREFIX = 'const sum = ';
const SUFFIX = '\n';

/** A run whose pending text and result the test controls. */
function controlledRun(): {
  run: RunModel;
  emit: (pending: string) => void;
  early: (s: Suggestion) => void;
  finish: (s?: Suggestion) => void;
  signal: () => AbortSignal;
} {
  let progress: RunProgress | undefined;
  let resolve: (s: Suggestion | undefined) => void = () => undefined;
  let runSignal: AbortSignal | undefined;
  return {
    run: (signal, p) => {
      runSignal = signal;
      progress = p;
      return new Promise((r) => (resolve = r));
    },
    emit: (p) => progress?.pending(p),
    early: (s) => progress?.early(s),
    finish: (s) => resolve(s),
    signal: () => runSignal as AbortSignal,
  };
}

describe('completion/inflight', () => {
  it('reuses a request whose pending completion matches what was typed since', async () => {
    const requests = new InflightRequests(new FakeClock(), 100);
    const control = controlledRun();
    requests.start(PREFIX, SUFFIX, control.run);
    control.emit('items.reduce(');
    const match = requests.match(`${PREFIX}ite`, SUFFIX);
    assert.ok(match !== undefined);
    assert.equal(match.typed, 'ite');
    const answer = requests.wait(match.request, 'ite', new AbortController().signal);
    control.finish({ text: 'items.reduce((a, b) => a + b, 0);', replaceLength: 0 });
    assert.deepEqual(await answer, { text: 'ms.reduce((a, b) => a + b, 0);', replaceLength: 0 });
  });

  it('keeps a request whose answer has not started yet: any typing may still match', () => {
    const requests = new InflightRequests(new FakeClock(), 100);
    const control = controlledRun();
    requests.start(PREFIX, SUFFIX, control.run);
    assert.equal(requests.match(`${PREFIX}xyz`, SUFFIX)?.typed, 'xyz');
    assert.equal(control.signal().aborted, false);
  });

  it('aborts a request once the typing diverges from its pending completion', () => {
    const requests = new InflightRequests(new FakeClock(), 100);
    const control = controlledRun();
    requests.start(PREFIX, SUFFIX, control.run);
    control.emit('items.reduce(');
    assert.equal(requests.match(`${PREFIX}total`, SUFFIX), undefined);
    assert.equal(control.signal().aborted, true);
  });

  it('aborts a request when the cursor moved elsewhere or text was deleted', () => {
    const clock = new FakeClock();
    const requests = new InflightRequests(clock, 100);
    const moved = controlledRun();
    requests.start(PREFIX, SUFFIX, moved.run);
    assert.equal(requests.match(PREFIX, '\nother();\n'), undefined);
    assert.equal(moved.signal().aborted, true);
    const deleted = controlledRun();
    requests.start(PREFIX, SUFFIX, deleted.run);
    assert.equal(requests.match('const sum =', SUFFIX), undefined);
    assert.equal(deleted.signal().aborted, true);
  });

  it('aborts a request nobody waits for after the grace period, not before', async () => {
    const clock = new FakeClock();
    const requests = new InflightRequests(clock, 100);
    const control = controlledRun();
    const request = requests.start(PREFIX, SUFFIX, control.run);
    const caller = new AbortController();
    const answer = requests.wait(request, '', caller.signal);
    caller.abort();
    assert.equal(await answer, undefined);
    await clock.advance(99);
    assert.equal(control.signal().aborted, false);
    await clock.advance(1);
    assert.equal(control.signal().aborted, true);
  });

  it('survives the grace period when the next keystroke attaches to it', async () => {
    const clock = new FakeClock();
    const requests = new InflightRequests(clock, 100);
    const control = controlledRun();
    const request = requests.start(PREFIX, SUFFIX, control.run);
    const first = new AbortController();
    void requests.wait(request, '', first.signal);
    first.abort();
    await clock.advance(50);
    const match = requests.match(`${PREFIX}i`, SUFFIX);
    assert.ok(match !== undefined);
    void requests.wait(match.request, match.typed, new AbortController().signal);
    await clock.advance(500);
    assert.equal(control.signal().aborted, false);
  });

  it('with no grace, the request dies with its caller (the baselines)', () => {
    const requests = new InflightRequests(new FakeClock(), 0);
    const control = controlledRun();
    const request = requests.start(PREFIX, SUFFIX, control.run);
    const caller = new AbortController();
    void requests.wait(request, '', caller.signal);
    caller.abort();
    assert.equal(control.signal().aborted, true);
  });

  it('returns nothing to a waiter whose typing the final completion does not continue', async () => {
    const requests = new InflightRequests(new FakeClock(), 100);
    const control = controlledRun();
    requests.start(PREFIX, SUFFIX, control.run);
    const match = requests.match(`${PREFIX}it`, SUFFIX);
    assert.ok(match !== undefined);
    const answer = requests.wait(match.request, match.typed, new AbortController().signal);
    control.finish({ text: 'values.length;', replaceLength: 0 });
    assert.equal(await answer, undefined);
  });

  it('answers a fresh waiter with the early part, and keeps streaming the rest for the next keystroke', async () => {
    const clock = new FakeClock();
    const requests = new InflightRequests(clock, 100);
    const control = controlledRun();
    const request = requests.start(PREFIX, SUFFIX, control.run);
    const caller = new AbortController();
    const first = requests.wait(request, '', caller.signal);
    control.emit('items.map(f)\n');
    control.early({ text: 'items.map(f)', replaceLength: 0, partial: true });
    assert.deepEqual(await first, { text: 'items.map(f)', replaceLength: 0, partial: true });
    await clock.advance(1_000);
    assert.equal(control.signal().aborted, false, 'no grace abort while its first part is on screen');
    const match = requests.match(`${PREFIX}items.map(f)`, SUFFIX);
    assert.ok(match !== undefined);
    const rest = requests.wait(match.request, match.typed, new AbortController().signal);
    control.finish({ text: 'items.map(f)\n  .filter(g);', replaceLength: 0 });
    assert.deepEqual(await rest, { text: '\n  .filter(g);', replaceLength: 0 });
  });

  it('keeps a follow-up while the typing heads for its position, and aborts it when the typing leaves', () => {
    const requests = new InflightRequests(new FakeClock(), 100);
    const followUp = controlledRun();
    const path = { anchor: PREFIX, text: 'total + 1;' };
    requests.startFollowUp(`${PREFIX}total + 1;`, SUFFIX, path, followUp.run);
    assert.equal(requests.hasFollowUpAt(`${PREFIX}total + 1;`), true);
    assert.equal(requests.match(`${PREFIX}tot`, SUFFIX), undefined);
    assert.equal(followUp.signal().aborted, false, 'on the way');
    assert.ok(requests.match(`${PREFIX}total + 1;`, SUFFIX) !== undefined, 'arrived');
    assert.equal(requests.match(`${PREFIX}tox`, SUFFIX), undefined);
    assert.equal(followUp.signal().aborted, true, 'left the way');
  });
});
