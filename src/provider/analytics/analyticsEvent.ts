/** What the analytics log holds, one event a line; every line read back is parsed with this schema. */
import * as z from 'zod';
import { type Feature } from '../types';
import { UsageSchema } from '../usageSchema';

const FEATURES = ['inline', 'chat', 'action', 'health', 'other'] as const satisfies readonly Feature[];
export const FeatureSchema = z.enum(FEATURES);

const count = z.number().int().nonnegative();
const epochMs = z.number().int().nonnegative();

export const RequestEventSchema = z.object({
  kind: z.literal('request'),
  v: z.literal(1),
  time: epochMs,
  requestId: z.string(),
  /** sha256(salt + userId): the user id itself is never stored. */
  userHash: z.string(),
  feature: FeatureSchema,
  model: z.string(),
  outcome: z.enum(['success', 'error', 'aborted']),
  errorCode: z.string().optional(),
  /** null: refused before it was sent (no key, no consent, a local limit), so there is no latency to count. */
  latencyMs: z.number().nonnegative().nullable(),
  ttftMs: z.number().nonnegative().nullable(),
  ...UsageSchema.shape,
});

const InteractionEventSchema = z.object({
  kind: z.literal('interaction'),
  v: z.literal(1),
  time: epochMs,
  feature: z.literal('inline'),
  model: z.string(),
  action: z.enum(['shown', 'accepted', 'partial']),
  chars: count,
});

export const AnalyticsEventSchema = z.discriminatedUnion('kind', [RequestEventSchema, InteractionEventSchema]);

export type RequestEvent = z.infer<typeof RequestEventSchema>;
export type InteractionEvent = z.infer<typeof InteractionEventSchema>;
export type AnalyticsEvent = z.infer<typeof AnalyticsEventSchema>;
