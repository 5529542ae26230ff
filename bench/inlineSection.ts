/**
 * Section 3, inline completions: runs the completion engineer's `benchInline` from bench/inline/
 * (typing traces replayed against the fake server at fixed model latencies, beside its naive and
 * fixed-debounce baselines). Its figures come back either as `figures` in this ledger's Figure shape
 * or as plain numbers, which are listed as they are.
 */
import * as path from 'node:path';
import { z } from 'zod';
import { type Figure, FigureSchema, type SectionResult } from './figure';

export interface InlineSectionOptions {
  latenciesMs: number[];
  /** Source files to replay instead of the built-in set. */
  sources?: string;
  quick: boolean;
}

type BenchInline = (options: { latenciesMs: number[]; sources?: string; quick?: boolean }) => Promise<unknown>;

const InlineModuleSchema = z.object({ benchInline: z.custom<BenchInline>((value) => typeof value === 'function') });
const FiguresResultSchema = z.object({ figures: z.array(FigureSchema.omit({ section: true }).extend({ section: z.string().optional() })) });

const MAX_LISTED_NUMBERS = 80;

function loadBenchInline(): BenchInline | undefined {
  const entry = path.join(__dirname, 'inline');
  let loaded: unknown;
  try {
    // Optional at build time: bench/inline/ is written by another engineer and may not exist yet.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(entry);
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(entry)) return undefined;
    throw error;
  }
  const parsed = InlineModuleSchema.safeParse(loaded);
  return parsed.success ? parsed.data.benchInline : undefined;
}

/** Every number in a result, named by its path, for results that bring no figures of their own. */
function numbersIn(value: unknown, name: string, into: Figure[]): Figure[] {
  if (into.length >= MAX_LISTED_NUMBERS) return into;
  if (typeof value === 'number') into.push({ section: 'inline', name, value, unit: '' });
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
      figures: [{ section: 'inline', name: 'inline completion economy', value: null, unit: '', note: 'not available: bench/inline/ exports no benchInline yet' }],
      raw: { available: false },
    };
  }
  const raw = await benchInline({ latenciesMs: options.latenciesMs, ...(options.sources && { sources: options.sources }), quick: options.quick });
  const withFigures = FiguresResultSchema.safeParse(raw);
  const figures = withFigures.success ? withFigures.data.figures.map((figure) => ({ ...figure, section: 'inline' })) : numbersIn(raw, '', []);
  return { figures, raw };
}
