/**
 * The core's public API (also built on its own as dist/provider.js). Surfaces import from here,
 * never from the files behind it.
 */
export { createLogger, type LoggerOptions, type LogLevel } from './logger';
export { GrokCodeFast1Provider, type ProviderDependencies, type ServiceStatus } from './grokCodeFast1';
export { ModelRegistry, XAI_ENDPOINT, type ModelRegistryOptions } from './registry';
export {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  endpointProblem,
  providerConfigSchema,
  sharedConfigSchema,
  type ProviderConfig,
  type ProviderConfigInput,
  type SharedConfigInput,
} from './config';
export {
  GROK_CODE_FAST_1,
  GROK_CODE_FAST_1_FACTS,
  KNOWN_MODELS,
  MAX_OUTPUT_TOKENS,
  costUsd,
  type ModelFacts,
  type ModelPricing,
} from './models';
export { SYSTEM_PROMPT, buildChatRequestBody, renderContext } from './prompt';
/** What provider.getMetrics() returns (the same figures as the analytics tracker's session metrics). */
export { type RequestMetricsSnapshot as ProviderMetrics } from './analytics';
export { type ApiKeyCheck } from './client/accountQueries';
export { type ProxySettings } from './client/connectionPool';
export { EMPTY_ANSWER_MESSAGE } from './client/streamAssembler';
export { NO_API_KEY_MESSAGE } from './client/xaiClient';
export * from './errors';
export * from './types';
export { redactSecrets } from './redact';
export { UsageSchema, ZERO_USAGE, addUsage } from './usageSchema';
export * from './consent';
export * from './limits';
export * from './analytics';
