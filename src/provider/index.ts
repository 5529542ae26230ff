/**
 * The core's public API, built on its own as dist/provider.js (plain Node, no `vscode`) and used by
 * the extension's platform layer (features import the few core modules they need directly). Every
 * export is documented (test/unit/provider/publicApiDocs.test.ts checks).
 */
export { createLogger, type LoggerOptions, type LogLevel } from './logger';
export { GrokCodeFast1Provider, type ProviderDependencies, type ServiceStatus } from './grokCodeFast1';
export { ModelRegistry, XAI_ENDPOINT, type ModelRegistryOptions } from './registry';
export { ChatInterface } from './chatInterface';
export { EndpointService, RooCodeCloudService, type EndpointServiceConfig, type HealthStatus } from './endpointService';
export { type RequestFinished, type RequestFinishedListener } from './requestOutcomes';
export {
  endpointProblem,
  providerConfigSchema,
  type ProviderConfig,
  type ProviderConfigInput,
  type SharedConfigInput,
} from './config';
export { GROK_CODE_FAST_1, costUsd, effortToSend, type ModelFacts, type ModelPricing, type PriceTier } from './models';
export { ModelCatalogue, type CatalogueSnapshot } from './catalogue';
export { SYSTEM_PROMPT, buildChatRequestBody } from './prompt';
export { type ApiKeyCheck } from './client/accountQueries';
export { type ProxySettings } from './client/connectionPool';
export { EMPTY_ANSWER_MESSAGE } from './client/answerAssembler';
export { formatDuration } from './duration';
export * from './errors';
export * from './types';
export { redactSecrets, registerSecret } from './redact';
export { UsageSchema, ZERO_USAGE, addUsage } from './usageSchema';
export * from './consent';
export * from './limits';
export * from './analytics';
