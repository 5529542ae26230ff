/**
 * The configured endpoint as one object: its models (a ModelRegistry made with the feature switches) and a
 * health check. This is the present-day meaning of the design document's Cloud Service Configuration
 * (`RooCodeCloudService`): Roo Code Cloud shut down, so the service is whichever endpoint is configured
 * (xAI's API by default).
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { AnalyticsTracker } from './analytics';
import { parseConfig } from './config';
import { ModelRegistry, XAI_ENDPOINT, type ModelRegistryOptions } from './registry';
import { type Logger } from './types';

const FeaturesSchema = z.strictObject({
  /** false: no analytics are kept (the registry's tracker stores nothing). */
  analytics: z.boolean().default(true),
  /** false: getHealthStatus sends nothing and says so. */
  monitoring: z.boolean().default(true),
  /** false: only warnings and errors reach the logger. */
  logging: z.boolean().default(true),
  /** false: no conversation id (`x-grok-conv-id`, `prompt_cache_key`) is sent, so xAI's prompt cache is not steered. */
  caching: z.boolean().default(true),
  /** false: the local rate limits are not applied (the server's still are). */
  rateLimiting: z.boolean().default(true),
});

const EndpointServiceConfigSchema = z.object({
  endpoint: z.string().default(XAI_ENDPOINT),
  /** Undefined (e.g. an unset environment variable) means no key: requests then fail with AuthenticationError. */
  apiKey: z.string().optional(),
  /** Accepted for the document's shape and not used: the endpoint alone decides where requests go. */
  region: z.string().optional(),
  /** Accepted for the document's shape and not used. */
  environment: z.string().optional(),
  features: FeaturesSchema.default(FeaturesSchema.parse({})),
});

/**
 * What an EndpointService is made with: endpoint (default xAI's), API key, the feature switches (analytics, monitoring, logging,
 * caching, rateLimiting; each default true) and `region`/`environment`, which are accepted and do nothing.
 */
export type EndpointServiceConfig = z.input<typeof EndpointServiceConfigSchema>;

/**
 * getHealthStatus()'s answer: `success` when the endpoint listed its models with this key; `data` the verdict and the
 * round trip in ms (absent when no check was made); `error` why it failed.
 */
export interface HealthStatus {
  success: boolean;
  data?: { status: 'healthy' | 'unavailable'; latencyMs: number };
  error?: string;
}

/**
 * The configured endpoint (InvalidConfigError names a bad field): `registry` serves its models with the feature switches
 * applied, getHealthStatus() times a real `GET /models`.
 */
export class EndpointService {
  readonly registry: ModelRegistry;
  private readonly monitoring: boolean;

  constructor(logger: Logger, config: EndpointServiceConfig = {}, options: Omit<ModelRegistryOptions, 'endpoint' | 'apiKey'> = {}) {
    const { endpoint, apiKey, features } = parseConfig(EndpointServiceConfigSchema, config);
    this.monitoring = features.monitoring;
    const quiet: Logger = { debug: () => {}, info: () => {}, warn: (...line) => logger.warn(...line), error: (...line) => logger.error(...line) };
    this.registry = new ModelRegistry(features.logging ? logger : quiet, {
      analyticsTracker: new AnalyticsTracker({ enabled: () => features.analytics }),
      ...options,
      endpoint,
      apiKey: apiKey ?? '',
      cachingEnabled: features.caching,
      rateLimitingEnabled: features.rateLimiting,
    });
  }

  /** One timed `GET /models` (nothing is sent when `features.monitoring` is false); never throws. */
  async getHealthStatus(signal?: AbortSignal): Promise<HealthStatus> {
    if (!this.monitoring) return { success: false, error: l10n.t('Health checks are off (features.monitoring is false).') };
    const probe = await this.registry.probe(signal);
    return {
      success: probe.ok,
      data: { status: probe.ok ? 'healthy' : 'unavailable', latencyMs: probe.responseTimeMs },
      ...(!probe.ok && { error: probe.message }),
    };
  }

  /** Closes the registry's connections. */
  dispose(): Promise<void> {
    return this.registry.dispose();
  }
}

/**
 * EndpointService under the design document's name, kept so its Cloud Service Configuration sample runs as written.
 * @deprecated Roo Code Cloud shut down on 2026-05-15 (xai-api.md); use EndpointService.
 */
export const RooCodeCloudService = EndpointService;
