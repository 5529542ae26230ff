export { RateLimiter, type RateLimitLease, type RateLimiterOptions, type RateLimitStore } from './rateLimiter';
export { DEFAULT_RATE_LIMITS, RateLimitsInputSchema, RateLimitsSchema, type RateLimits } from './rateLimits';
export { WindowCountersSchema, type WindowCounters } from './userWindows';
