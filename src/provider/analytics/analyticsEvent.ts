/** What the analytics log holds, one event a line; every line read back is parsed with this schema. */
import * as z from 'zod';
import { type Feature } from '../types';
import { ErrorCodeSchema, ModelIdSchema } from '../identifiers';
import { UsageSchema } from '../usageSchema';

const FEATURES = ['inline', 'chat', 'vscode-chat', 'action', 'apply', 'health', 'other'] as const satisfies readonly Feature[];
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
  /** The model asked for. */
  model: ModelIdSchema,
  /** The model that answered (the response's `model`), present only when it is not `model`: a redirect. */
  servedModel: ModelIdSchema.optional(),
  outcome: z.enum(['success', 'error', 'aborted']),
  /** Present on a success whose answer was empty (inline: the model had nothing to suggest); not an error. */
  noSuggestion: z.literal(true).optional(),
  errorCode: ErrorCodeSchema.optional(),
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
  model: ModelIdSchema,
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
