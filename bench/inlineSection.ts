/**
 * Section 3, inline completions: runs `benchInline` from bench/inline/ (typing traces replayed on a
 * virtual clock against a simulated model at fixed latencies, the pipeline beside a naive baseline
 * and a fixed 350 ms debounce) and turns each scenario's pipeline figures into ledger lines with the
 * fixed-350 ms strategy as their baseline and the targets as benchInline checked them.
 */
import * as path from 'node:path';
import * as z from 'zod';
import { type Figure, type SectionResult, type Target } from './figure';
import { round } from './stats';

export interface InlineSectionOptions {
  latenciesMs: number[];
  /** Source files to replay instead of the built-in set. */
  sources?: string;
  quick: boolean;
}

type BenchInline = (options: { latenciesMs: number[]; sources?: string; smoke?: boolean }) => Promise<unknown>;

const InlineModuleSchema = z.object({ benchInline: z.custom<BenchInline>((value) => typeof value === 'function') });

const StrategySchema = z.object({
  strategy: z.string(),
  requests: z.number(),
  requestsPer100Keystrokes: z.number(),
  emptyAnswers: z.number(),
  pauses: z.number(),
  pausesServed: z.number(),
  pauseToGhostMedianMs: z.number().nullable(),
  pauseToGhostP90Ms: z.number().nullable(),
  acceptedCharsPerRequest: z.number(),
  cpuPerRequestP50Ms: z.number(),
  cpuPerRequestP99Ms: z.number(),
});
const ScenarioSchema = z.object({
  latencyMs: z.number(),
  model: z.string(),
  strategies: z.array(StrategySchema),
  targets: z.array(z.object({ name: z.string(), pass: z.boolean(), detail: z.string() })),
});
const InlineResultSchema = z.object({ files: z.array(z.string()), scenarios: z.array(ScenarioSchema) });

type Scenario = z.infer<typeof ScenarioSchema>;
type Strategy = z.infer<typeof StrategySchema>;

const PIPELINE = 'pipeline';
const BASELINE = 'fixed-350ms';
const NAIVE = 'naive';

function loadBenchInline(): BenchInline | undefined {
  const entry = path.join(__dirname, 'inline', 'benchInline');
  let loaded: unknown;
  try {
    // Written by another engineer: bench/inline/ may not be there in every checkout.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(entry);
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(entry)) return undefined;
    throw error;
  }
  const parsed = InlineModuleSchema.safeParse(loaded);
  return parsed.success ? parsed.data.benchInline : undefined;
}

function targetFrom(scenario: Scenario, prefix: string): Target | undefined {
  const check = scenario.targets.find((target) => target.name.startsWith(prefix));
  return check && { text: check.name, pass: check.pass };
}

function scenarioFigures(scenario: Scenario): Figure[] {
  const find = (name: string) => scenario.strategies.find((strategy) => strategy.strategy === name);
  const pipeline = find(PIPELINE);
  const fixed = find(BASELINE);
  const naive = find(NAIVE);
  if (!pipeline || !fixed) return [];
  const label = `${scenario.latencyMs} ms ${scenario.model}`;
  const line = (name: string, unit: string, pick: (strategy: Strategy) => number | null, target?: Target, note?: string): Figure => {
    const value = pick(pipeline);
    const baseline = pick(fixed);
    return {
      section: 'inline',
      name: `${label}: ${name}`,
      value: value === null ? null : round(value),
      unit,
      baseline: { name: BASELINE, value: baseline === null ? null : round(baseline) },
      ...(value !== null && baseline !== null && baseline !== 0 && { ratio: round(value / baseline) }),
      ...(target && { target }),
      ...(note && { note }),
    };
  };
  const msOrNever = (ms: number | null) => (ms === null ? 'never' : `${ms} ms`);
  const naiveNote = (pick: (strategy: Strategy) => number | null) => (naive ? `naive: ${pick(naive) ?? 'never'}` : undefined);
  return [
    // The target compares requests for typing the same files: a user who accepts ghost text presses
    // fewer keys, so the per-keystroke rate is shown beside it but is not the cost measure.
    line('requests to type the same files', '', (s) => s.requests, targetFrom(scenario, 'requests'), `per 100 keystrokes ${round(pipeline.requestsPer100Keystrokes)} vs ${round(fixed.requestsPer100Keystrokes)} (fixed-350ms), ${naive ? round(naive.requestsPer100Keystrokes) : '—'} (naive)`),
    line('pause to ghost text p50', 'ms', (s) => s.pauseToGhostMedianMs, targetFrom(scenario, 'median pause-to-ghost'), `p90 ${msOrNever(pipeline.pauseToGhostP90Ms)} (fixed-350ms ${msOrNever(fixed.pauseToGhostP90Ms)})`),
    line('requests answered with no suggestion (empty, not errors)', '', (s) => s.emptyAnswers, undefined, `of ${pipeline.requests} requests`),
    line('pauses ≥ 500 ms served', '%', (s) => s.pausesServed * 100, targetFrom(scenario, '>= 90%'), `of ${pipeline.pauses} pauses`),
    line('accepted chars per request', '', (s) => s.acceptedCharsPerRequest, undefined, naiveNote((s) => round(s.acceptedCharsPerRequest))),
    line('pipeline CPU per request p50', 'ms', (s) => s.cpuPerRequestP50Ms, targetFrom(scenario, 'pipeline CPU'), `p99 ${round(pipeline.cpuPerRequestP99Ms)} ms`),
  ];
}

/** Every number in a result of an unknown shape, named by its path. */
function numbersIn(value: unknown, name: string, into: Figure[]): Figure[] {
  if (typeof value === 'number') into.push({ section: 'inline', name, value: round(value), unit: '' });
  else if (Array.isArray(value)) value.forEach((item, i) => numbersIn(item, `${name}[${i}]`, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) numbersIn(item, name ? `${name}.${key}` : key, into);
  }
  return into;
}

export async function benchInlineSection(options: InlineSectionOptions): Promise<SectionResult> {
  const benchInline = loadBenchInline();
  if (!benchInline) {
    return {
      figures: [{ section: 'inline', name: 'inline completion economy', value: null, unit: '', note: 'not available: bench/inline/benchInline exports no benchInline' }],
      raw: { available: false },
    };
  }
  const raw = await benchInline({ latenciesMs: options.latenciesMs, ...(options.sources && { sources: options.sources }), smoke: options.quick });
  const parsed = InlineResultSchema.safeParse(raw);
  if (!parsed.success) return { figures: numbersIn(raw, '', []), raw };
  return { figures: parsed.data.scenarios.flatMap(scenarioFigures), raw };
}
