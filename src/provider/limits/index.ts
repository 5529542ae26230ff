export {
  DEFAULT_RATE_LIMITS,
  RateLimiter,
  RateLimitsSchema,
  WindowCountersSchema,
  type RateLimitLease,
  type RateLimiterOptions,
  type RateLimitStore,
  type RateLimits,
  type WindowCounters,
} from './rateLimiter';
