import * as assert from 'node:assert/strict';
import { AdaptiveDebouncer, isNaturalPausePoint } from '../../../src/completion/debounce';
import { FakeClock } from '../../support/fakeClock';

const BOUNDS = { minMs: 40, maxMs: 400 };
const midWord = { linePrefix: '  const total = comp', lineSuffix: '' };
const afterParen = { linePrefix: '  compute(', lineSuffix: ')' };

async function typeWithGaps(clock: FakeClock, debouncer: AdaptiveDebouncer, gaps: number[]): Promise<void> {
  debouncer.recordKeystroke();
  for (const gap of gaps) {
    await clock.advance(gap);
    debouncer.recordKeystroke();
  }
}

describe('completion/debounce', () => {
  it('recognises natural pause points', () => {
    assert.equal(isNaturalPausePoint({ linePrefix: '    ', lineSuffix: '' }), true);
    assert.equal(isNaturalPausePoint({ linePrefix: 'if (ready) {', lineSuffix: '' }), true);
    assert.equal(isNaturalPausePoint({ linePrefix: 'def run(self):', lineSuffix: '' }), true);
    assert.equal(isNaturalPausePoint({ linePrefix: 'let x =', lineSuffix: '' }), true);
    assert.equal(isNaturalPausePoint(afterParen), true);
    assert.equal(isNaturalPausePoint({ linePrefix: '  return ', lineSuffix: '' }), true);
    assert.equal(isNaturalPausePoint({ linePrefix: '  items.', lineSuffix: '' }), true);
    assert.equal(isNaturalPausePoint(midWord), false);
    assert.equal(isNaturalPausePoint({ linePrefix: 'call(', lineSuffix: 'a, b)' }), false);
  });

  it('waits less at a pause point than mid-word', () => {
    const debouncer = new AdaptiveDebouncer(new FakeClock());
    assert.ok(debouncer.delayFor(afterParen, BOUNDS) < debouncer.delayFor(midWord, BOUNDS));
  });

  it('learns a fast rhythm: shorter delays than for a slow typist', async () => {
    const fastClock = new FakeClock();
    const fast = new AdaptiveDebouncer(fastClock);
    await typeWithGaps(fastClock, fast, Array(40).fill(60));
    const slowClock = new FakeClock();
    const slow = new AdaptiveDebouncer(slowClock);
    await typeWithGaps(slowClock, slow, Array(40).fill(300));
    assert.ok(Math.abs(fast.rhythm().meanGapMs - 60) < 5, `fast mean ${fast.rhythm().meanGapMs}`);
    assert.ok(fast.delayFor(midWord, BOUNDS) < slow.delayFor(midWord, BOUNDS));
    assert.ok(fast.delayFor(afterParen, BOUNDS) < slow.delayFor(afterParen, BOUNDS));
  });

  it('ignores thinking pauses when learning the rhythm', async () => {
    const clock = new FakeClock();
    const debouncer = new AdaptiveDebouncer(clock);
    await typeWithGaps(clock, debouncer, [100, 100, 5_000, 100]);
    assert.ok(debouncer.rhythm().meanGapMs < 150);
  });

  it('stays within the configured bounds', async () => {
    const clock = new FakeClock();
    const debouncer = new AdaptiveDebouncer(clock);
    await typeWithGaps(clock, debouncer, Array(30).fill(900));
    assert.equal(debouncer.delayFor(midWord, BOUNDS), 400);
    await typeWithGaps(clock, debouncer, Array(60).fill(5));
    assert.equal(debouncer.delayFor(afterParen, BOUNDS), 40);
  });

  it('resolves true once the delay has passed, not before', async () => {
    const clock = new FakeClock();
    const debouncer = new AdaptiveDebouncer(clock);
    let result: boolean | undefined;
    void debouncer.wait(100, new AbortController().signal).then((r) => (result = r));
    await clock.advance(99);
    assert.equal(result, undefined);
    await clock.advance(1);
    assert.equal(result, true);
  });

  it('resolves false at once when cancelled, and clears its timer', async () => {
    const clock = new FakeClock();
    const debouncer = new AdaptiveDebouncer(clock);
    const controller = new AbortController();
    const waiting = debouncer.wait(100, controller.signal);
    controller.abort();
    assert.equal(await waiting, false);
    await clock.runUntilIdle();
    assert.equal(clock.now(), 0, 'no timer was left to fire');
  });
});
