/** The configured limits, validated wherever they come from (settings, callers). */
import * as z from 'zod';

const positiveInt = z.number().int().positive();

/** Validates a set of limits: positive integers (requests per minute, hour, day; tokens per minute, day; concurrent requests). */
export const RateLimitsSchema = z.object({
  requestsPerMinute: positiveInt,
  requestsPerHour: positiveInt,
  requestsPerDay: positiveInt,
  tokensPerMinute: positiveInt,
  tokensPerDay: positiveInt,
  concurrentRequests: positiveInt,
});
/** The local limits: requests per minute, hour and day, tokens per minute and day, requests in flight at once. */
export type RateLimits = z.infer<typeof RateLimitsSchema>;

/**
 * The default local limits (the figures of the retired free tier, documented-api.md); the minute's token limit is no higher
 * than the day's (a larger one could never be reached).
 */
export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({
  requestsPerMinute: 60,
  requestsPerHour: 3600,
  requestsPerDay: 10_000,
  tokensPerMinute: 1_000_000,
  tokensPerDay: 1_000_000,
  concurrentRequests: 4,
});

/**
 * Validates limits a caller gives, any of them: the ones left out take DEFAULT_RATE_LIMITS' values (the document's Model
 * Configuration names five of the six).
 */
export const RateLimitsInputSchema = RateLimitsSchema.partial().transform(
  (given): RateLimits => ({ ...DEFAULT_RATE_LIMITS, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) }),
);
