import * as assert from 'node:assert/strict';
import { benchInline } from '../../../bench/inline/benchInline';

describe('bench/inline (smoke)', () => {
  it('replays a few keystrokes per strategy and reports every figure', async () => {
    const lines: string[] = [];
    const result = await benchInline({ smoke: true, latenciesMs: [400], models: ['oracle'], log: (line) => lines.push(line) });
    assert.equal(result.scenarios.length, 1);
    const [scenario] = result.scenarios;
    assert.deepEqual(
      scenario.strategies.map((s) => s.strategy),
      ['pipeline', 'naive', 'fixed-350ms'],
    );
    const naive = scenario.strategies[1];
    assert.equal(naive.requests, naive.keystrokes, 'naive asks on every keystroke');
    for (const s of scenario.strategies) assert.ok(s.keystrokes > 0 && s.keystrokes <= 60);
    assert.ok(scenario.targets.some((t) => t.name.startsWith('>= 90%')));
    assert.ok(lines.some((line) => line.includes('pipeline')));
  });

  it('is repeatable: the same seed gives the same figures', async () => {
    const run = () => benchInline({ smoke: true, latenciesMs: [200], models: ['realistic'], log: () => undefined });
    const [a, b] = [await run(), await run()];
    const figures = (r: typeof a) => r.scenarios[0].strategies.map((s) => [s.keystrokes, s.requests, s.acceptedChars, s.pauses]);
    assert.deepEqual(figures(a), figures(b));
  });
});
