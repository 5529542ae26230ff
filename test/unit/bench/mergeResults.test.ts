import { strict as assert } from 'node:assert';
import { type BenchEnvironment } from '../../../bench/environment';
import { type Figure } from '../../../bench/figure';
import { mergeResults } from '../../../bench/mergeResults';
import { parseBenchArgs } from '../../../bench/options';
import { type BenchResults } from '../../../bench/runBench';

const environment = (date: string): BenchEnvironment => ({ date, node: 'v20', platform: 'linux', arch: 'x64', cpuModel: 'cpu', cpus: 2, totalMemoryMb: 1 });
const figure = (section: string, name: string, value: number): Figure => ({ section, name, value, unit: 'ms' });

function run(only: string, figures: Figure[], sections: Record<string, unknown>, failures: BenchResults['failures'] = []): BenchResults {
  return { environment: environment('new'), options: parseBenchArgs(['--only', only]), figures, sections, failures };
}

describe('bench results ledger (mergeResults)', () => {
  const previous = {
    environment: environment('old'),
    figures: [figure('streaming', 'ttft', 1), figure('startup', 'activation', 20)],
    sections: { streaming: { raw: 'old streaming' }, startup: { raw: 'old startup' } },
    failures: [{ section: 'startup', error: 'old failure' }],
  };

  it('replaces the sections a run measured and keeps the others, with where each was measured', () => {
    const merged = mergeResults(previous, run('startup', [figure('startup', 'activation', 5)], { startup: { raw: 'new startup' } }));
    assert.deepEqual(merged.figures, [figure('streaming', 'ttft', 1), figure('startup', 'activation', 5)]);
    assert.deepEqual(merged.sections, { streaming: { raw: 'old streaming' }, startup: { raw: 'new startup' } });
    assert.deepEqual(merged.failures, []);
    assert.equal((merged.environments.streaming as BenchEnvironment).date, 'old');
    assert.equal((merged.environments.startup as BenchEnvironment).date, 'new');
  });

  it('keeps an earlier run’s environment per section across merges', () => {
    const once = mergeResults(previous, run('startup', [], { startup: {} }));
    const twice = mergeResults(JSON.parse(JSON.stringify(once)), run('streaming', [], { streaming: {} }));
    assert.equal((twice.environments.startup as BenchEnvironment).date, 'new');
    assert.deepEqual(Object.keys(twice.sections).sort(), ['startup', 'streaming']);
  });

  it('starts a new ledger when the file is missing or is not one', () => {
    for (const broken of [undefined, 'text', { figures: 'no' }]) {
      const merged = mergeResults(broken, run('streaming', [figure('streaming', 'ttft', 2)], { streaming: {} }, [{ section: 'streaming', error: 'e' }]));
      assert.deepEqual(merged.figures, [figure('streaming', 'ttft', 2)]);
      assert.deepEqual(merged.failures, [{ section: 'streaming', error: 'e' }]);
    }
  });
});
