export { RateLimiter, type RateLimitLease, type RateLimiterOptions, type RateLimitStore } from './rateLimiter';
export { DEFAULT_RATE_LIMITS, RateLimitsInputSchema, RateLimitsSchema, type RateLimits } from './rateLimits';
export { WindowCountersSchema, type WindowCounters } from './userWindows';
export { budgetSetting, NOTICE_SHARE, SpendBudget, SpendCountersSchema, type BudgetLimits, type BudgetSnapshot, type BudgetThreshold, type SpendBudgetOptions, type SpendCounters, type SpendStore } from './spendBudget';
