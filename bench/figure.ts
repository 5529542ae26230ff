/**
 * One line of the ledger: a measured value, the baseline it is read against, and the target it is
 * judged by. Every section returns its figures in this shape, so the table and results.json are
 * written in one place.
 */
import * as z from 'zod';

export const TargetSchema = z.object({
  /** Human-readable, e.g. "≤ 1.1× raw undici". */
  text: z.string(),
  pass: z.boolean(),
});

export const FigureSchema = z.object({
  section: z.string(),
  name: z.string(),
  /** null when the figure could not be measured (see `note`). */
  value: z.number().nullable(),
  unit: z.string(),
  baseline: z.object({ name: z.string(), value: z.number().nullable() }).optional(),
  /** value / baseline, when the comparison is a ratio. */
  ratio: z.number().optional(),
  target: TargetSchema.optional(),
  runs: z.number().int().optional(),
  note: z.string().optional(),
});

export type Target = z.infer<typeof TargetSchema>;
export type Figure = z.infer<typeof FigureSchema>;

/** The result of one section: its figures for the table plus whatever raw data it wants kept. */
export interface SectionResult {
  figures: Figure[];
  raw: unknown;
}

export function atMost(value: number | null, limit: number, text: string): Target {
  return { text, pass: value !== null && value <= limit };
}

export function atLeast(value: number | null, limit: number, text: string): Target {
  return { text, pass: value !== null && value >= limit };
}
