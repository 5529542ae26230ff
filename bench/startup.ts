/**
 * Section 4, start-up: the sizes of what ships, and the time to load dist/extension.js and run its
 * `activate` against a stub `vscode`, each run in a fresh process (cold require cache), interleaved
 * with the baseline of loading an empty CommonJS module the same way. Optionally, the activation
 * time a real VS Code (code-server) reports.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { artefactSizes } from './activation/bundleSizes';
import { type VsCodeActivation } from './activation/codeServerActivation';
import { type ActivationSample } from './activation/protocol';
import { runActivationChild } from './activation/runActivation';
import { atMost, type Figure, type SectionResult } from './figure';
import { median, round } from './stats';

export interface StartupBenchOptions {
  root: string;
  runs: number;
  /**
   * Measures the activation VS Code itself reports, for the extension and for one that does nothing
   * (VS Code's own floor, the baseline) in the same window; returns ms or why it could not.
   */
  measureInVsCode?: () => Promise<VsCodeActivation>;
}

const BUNDLE_BUDGET_BYTES = 300 * 1024;
const ACTIVATION_BUDGET_MS = 20;
/** In a real VS Code: at most this times the empty extension's activation, plus VS_CODE_SLACK_MS. */
const VS_CODE_RATIO = 1.1;
const VS_CODE_SLACK_MS = 5;

type Measured = Extract<ActivationSample, { ok: true }>;

export async function benchStartup(options: StartupBenchOptions): Promise<SectionResult> {
  const section = 'startup';
  const sizes = await artefactSizes(options.root);
  const bundleModified = sizes[0].modifiedMs ?? 0;
  const figures: Figure[] = sizes.map((size) => ({
    section,
    name: `size of ${size.name}`,
    value: size.bytes === null ? null : round(size.bytes / 1024),
    unit: 'KB',
    ...(size.name === 'dist/extension.js' && { target: atMost(size.bytes, BUNDLE_BUDGET_BYTES, '≤ 300 KB') }),
    ...(size.bytes === null && { note: size.name === '.vsix' ? 'not built (npm run package)' : 'not built' }),
    ...(size.name === '.vsix' && size.modifiedMs !== null && size.modifiedMs < bundleModified && { note: 'older than dist/extension.js: rebuild with npm run package' }),
  }));

  const bundle = path.join(options.root, 'dist/extension.js');
  const bundleBuilt = sizes[0].bytes !== null;
  const activation = bundleBuilt ? await measureActivation(bundle, options.root, options.runs) : undefined;
  figures.push(activationFigure(activation, options.runs));
  const starts = activation?.bundle.map((sample) => sample.startMs).filter((ms): ms is number => ms !== null) ?? [];
  if (starts.length > 0) {
    figures.push({
      section,
      name: 'deferred start after activation (dist/main.js load + set-up)',
      value: round(median(starts)),
      unit: 'ms',
      runs: starts.length,
      note: 'runs on the turn after activate() returns; not part of the activation budget, shown so nothing is hidden',
    });
  }

  const inVsCode: VsCodeActivation = options.measureInVsCode ? await options.measureInVsCode() : { skipped: 'not measured (--quick or --no-code-server)' };
  figures.push(vsCodeActivationFigure(inVsCode));
  return { figures, raw: { sizes, activation, inVsCode } };
}

interface ActivationRuns {
  bundle: Measured[];
  baseline: Measured[];
  failure?: string;
}

async function measureActivation(bundle: string, root: string, runs: number): Promise<ActivationRuns> {
  const scratch = await fs.mkdtemp(path.join(tmpdir(), 'grok-bench-startup-'));
  try {
    const empty = path.join(scratch, 'empty.js');
    await fs.writeFile(empty, 'module.exports = {};\n');
    const result: ActivationRuns = { bundle: [], baseline: [] };
    for (let i = 0; i < runs; i++) {
      const storage = await fs.mkdtemp(path.join(scratch, 'storage-'));
      const sample = await runActivationChild(bundle, root, storage);
      if (!sample.ok) return { ...result, failure: sample.error };
      result.bundle.push(sample);
      const base = await runActivationChild(empty, root, storage);
      if (!base.ok) return { ...result, failure: `baseline: ${base.error}` };
      result.baseline.push(base);
    }
    return result;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

function activationFigure(activation: ActivationRuns | undefined, runs: number): Figure {
  const name = 'load + activate dist/extension.js (vscode stub)';
  if (!activation) return { section: 'startup', name, value: null, unit: 'ms', note: 'dist/extension.js not built' };
  if (activation.failure) return { section: 'startup', name, value: null, unit: 'ms', note: `failed: ${activation.failure.split('\n')[0]}` };
  const total = median(activation.bundle.map((sample) => sample.totalMs));
  const load = median(activation.bundle.map((sample) => sample.loadMs));
  const activate = median(activation.bundle.map((sample) => sample.activateMs));
  return {
    section: 'startup',
    name,
    value: round(total),
    unit: 'ms',
    baseline: { name: 'empty CommonJS module', value: round(median(activation.baseline.map((sample) => sample.totalMs))) },
    target: atMost(total, ACTIVATION_BUDGET_MS, `≤ ${ACTIVATION_BUDGET_MS} ms`),
    runs,
    note: `load ${round(load)} ms + activate ${round(activate)} ms`,
  };
}

/**
 * VS Code's reported activation: ours against the empty extension's. Each sample pair comes from one
 * window load (same moment, same load on the machine), so pairs are compared, not two medians that
 * may come from different loads: the target holds when the median pair's excess over
 * 1.1× empty + 5 ms is at most 0.
 */
export function vsCodeActivationFigure(inVsCode: VsCodeActivation): Figure {
  const name = 'activation reported by VS Code (code-server)';
  if ('skipped' in inVsCode) return { section: 'startup', name, value: null, unit: 'ms', note: inVsCode.skipped };
  const pairs = inVsCode.ms.map((ms, i) => ({ ours: ms, empty: inVsCode.emptyMs[i] }));
  const excess = median(pairs.map((pair) => pair.ours - (VS_CODE_RATIO * pair.empty + VS_CODE_SLACK_MS)));
  const ratios = pairs.filter((pair) => pair.empty > 0).map((pair) => pair.ours / pair.empty);
  return {
    section: 'startup',
    name,
    value: round(median(inVsCode.ms)),
    unit: 'ms',
    baseline: { name: 'an extension that does nothing, same window', value: round(median(inVsCode.emptyMs)) },
    ...(ratios.length > 0 && { ratio: round(median(ratios)) }),
    target: { text: `≤ ${VS_CODE_RATIO}× the empty extension + ${VS_CODE_SLACK_MS} ms (median of paired samples)`, pass: excess <= 0 },
    runs: pairs.length,
    note: `paired samples (ours, empty): ${pairs.map((pair) => `(${pair.ours}, ${pair.empty})`).join(' ')} ms; median excess over the limit ${round(excess)} ms (code loading + activate call, as VS Code shows it)`,
  };
}
