/** What the analytics log holds, one event a line; every line read back is parsed with this schema. */
import * as z from 'zod';
import { type Feature } from '../types';
import { UsageSchema } from '../usageSchema';

const FEATURES = ['inline', 'chat', 'action', 'health', 'other'] as const satisfies readonly Feature[];
export const FeatureSchema = z.enum(FEATURES);

const count = z.number().int().nonnegative();
const epochMs = z.number().int().nonnegative();

/**
 * Validates a stored `request` event (one per request, see README "Analytics export format"): time (epoch ms), ids, hashed
 * user, feature, model, outcome, error code, latency and time to first token (ms), tokens and cost (USD).
 */
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
  latencyMs: z.number().nonnegative(),
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

/** Validates any stored analytics event: a `request` event or an inline `interaction` event (shown, accepted, partial; chars). */
export const AnalyticsEventSchema = z.discriminatedUnion('kind', [RequestEventSchema, InteractionEventSchema]);

/** One request's stored record (see RequestEventSchema). */
export type RequestEvent = z.infer<typeof RequestEventSchema>;
export type InteractionEvent = z.infer<typeof InteractionEventSchema>;
/** Any stored analytics event (see AnalyticsEventSchema). */
export type AnalyticsEvent = z.infer<typeof AnalyticsEventSchema>;
