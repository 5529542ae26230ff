/**
 * The inline-completion benchmark: typing traces replayed on a virtual clock against a simulated
 * model at fixed latencies, this pipeline side by side with a naive baseline (a request on every
 * keystroke) and a fixed 350 ms debounce without reuse. Called by the bench entry; also runnable
 * alone: `node out/bench/inline/benchInline.js [--sources DIR] [--smoke]`.
 */
import { builtInCorpusDir, loadSources } from './corpus';
import { type ScenarioResult, checkTargets, formatScenario, summarize } from './report';
import { STRATEGIES, replay, type ReplayMetrics } from './replay';
import type { ModelKind } from './simulatedModel';

export interface BenchInlineOptions {
  /** A folder whose source files are replayed instead of the built-in corpus. */
  sources?: string;
  /** Model latencies (ms to the first content token); default 200, 400, 1000. */
  latenciesMs?: number[];
  models?: ModelKind[];
  seed?: number;
  /** A few keystrokes of one file: fast enough for a unit test. */
  smoke?: boolean;
  log?: (line: string) => void;
}

export interface BenchInlineResult {
  files: string[];
  scenarios: ScenarioResult[];
  allTargetsPass: boolean;
}

const SMOKE_KEYSTROKES = 60;

export async function benchInline(options: BenchInlineOptions = {}): Promise<BenchInlineResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const seed = options.seed ?? 1;
  const latencies = options.latenciesMs ?? [200, 400, 1000];
  const models = options.models ?? ['oracle', 'realistic'];
  let files = loadSources(options.sources ?? builtInCorpusDir());
  if (files.length === 0) throw new Error(`no source files found in ${options.sources ?? 'the built-in corpus'}`);
  if (options.smoke === true) files = files.slice(0, 1);
  const maxKeystrokes = options.smoke === true ? SMOKE_KEYSTROKES : undefined;

  // Warm the JIT first, so CPU percentiles measure the steady state, not compilation.
  await replay({ file: files[0], strategy: STRATEGIES[0], model: 'oracle', latencyMs: latencies[0] ?? 200, seed, maxKeystrokes: SMOKE_KEYSTROKES });
  log(`Inline completions: ${files.length} files (${files.map((f) => f.relativePath).join(', ')}), seed ${seed}`);
  const scenarios: ScenarioResult[] = [];
  for (const latencyMs of latencies) {
    for (const model of models) {
      const strategies = [];
      for (const strategy of STRATEGIES) {
        const runs: ReplayMetrics[] = [];
        for (const file of files) runs.push(await replay({ file, strategy, model, latencyMs, seed, maxKeystrokes }));
        strategies.push(summarize(strategy.name, runs));
      }
      const scenario = { latencyMs, model, strategies, targets: checkTargets(latencyMs, strategies) };
      scenarios.push(scenario);
      log(formatScenario(scenario));
    }
  }
  return { files: files.map((f) => f.relativePath), scenarios, allTargetsPass: scenarios.every((s) => s.targets.every((t) => t.pass)) };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const sourcesAt = args.indexOf('--sources');
  benchInline({ sources: sourcesAt >= 0 ? args[sourcesAt + 1] : undefined, smoke: args.includes('--smoke') }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
