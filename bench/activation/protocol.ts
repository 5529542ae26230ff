/** The one message an activation child sends back (parsed with zod by the parent). */
import * as z from 'zod';

export const ActivationSampleSchema = z.union([
  z.object({ ok: z.literal(true), loadMs: z.number(), activateMs: z.number(), totalMs: z.number(), startMs: z.number().nullable() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export type ActivationSample = z.infer<typeof ActivationSampleSchema>;
