/**
 * `bench/results.json` is the ledger of every section, while a run may measure only some
 * (`--only`). Merging keeps what the run did not measure: a section that ran replaces its figures,
 * raw data and failures, the others stay as they were, and `environments` says where and when each
 * section was last measured.
 */
import * as z from 'zod';
import { type BenchEnvironment } from './environment';
import { FigureSchema } from './figure';
import { type BenchResults } from './runBench';

const PreviousSchema = z
  .object({
    environment: z.unknown().optional(),
    environments: z.record(z.string(), z.unknown()).optional(),
    figures: z.array(FigureSchema).default([]),
    sections: z.record(z.string(), z.unknown()).default({}),
    failures: z.array(z.object({ section: z.string(), error: z.string() })).default([]),
  })
  .passthrough();

export interface MergedResults extends Omit<BenchResults, 'sections' | 'failures'> {
  /** Where each section's figures were measured (the run that last ran it). */
  environments: Record<string, unknown>;
  sections: Record<string, unknown>;
  failures: { section: string; error: string }[];
}

/**
 * `previous`: the parsed JSON of the existing file (anything; a file that does not parse as a ledger
 * is replaced whole). Returns the ledger with this run's sections replaced and the rest kept.
 */
export function mergeResults(previous: unknown, run: BenchResults): MergedResults {
  const ran = new Set<string>(run.options.only);
  const parsed = PreviousSchema.safeParse(previous);
  const old = parsed.success ? parsed.data : { environments: {}, figures: [], sections: {}, failures: [] };
  const environments: Record<string, unknown> = {};
  const oldEnvironment = old.environment as BenchEnvironment | undefined;
  for (const name of Object.keys(old.sections)) {
    if (!ran.has(name)) environments[name] = old.environments?.[name] ?? oldEnvironment;
  }
  for (const name of ran) environments[name] = run.environment;
  const sections: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(old.sections)) if (!ran.has(name)) sections[name] = raw;
  Object.assign(sections, run.sections);
  return {
    ...run,
    environments,
    figures: [...old.figures.filter((figure) => !ran.has(figure.section)), ...run.figures],
    sections,
    failures: [...old.failures.filter((failure) => !ran.has(failure.section)), ...run.failures],
  };
}
