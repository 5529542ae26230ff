/**
 * The models the extension can use and one provider per model. Providers share one connection
 * pool, one rate limiter, one consent manager and one analytics tracker, so limits and consent hold
 * across features whichever model each feature picked. The model list starts from the facts the core
 * knows and grows with the server's `GET /models`.
 */
import { AnalyticsTracker } from './analytics';
import { fetchModels } from './client/accountQueries';
import { ConnectionPool } from './client/connectionPool';
import { XaiClient } from './client/xaiClient';
import { clientSettings, parseConfig, sharedConfigSchema, type SharedConfig, type SharedConfigInput } from './config';
import { ConsentManager } from './consent';
import { InvalidConfigError } from './errors';
import { GrokCodeFast1Provider } from './grokCodeFast1';
import { DEFAULT_RATE_LIMITS, RateLimiter } from './limits';
import { defaultFactsFor, KNOWN_MODELS, knownFactsFor, type ModelFacts } from './models';
import { RequestOutcomes, type RequestFinishedListener } from './requestOutcomes';
import { type Logger } from './types';

/** xAI's API base URL (docs.x.ai: `https://api.x.ai/v1`). */
export const XAI_ENDPOINT = 'https://api.x.ai/v1';

/**
 * The shared configuration of every provider: endpoint, key, user id, limits, time-outs, proxy, switches, and optionally the
 * consent manager, analytics tracker and rate limiter to share. Validated: InvalidConfigError names the bad field.
 */
export type ModelRegistryOptions = Partial<SharedConfigInput>;

/**
 * The models the extension can use and one provider per model, sharing one connection pool, rate limiter, consent manager,
 * analytics tracker and user id, so limits and consent hold across features. Announces every finished request once
 * (onDidFinishRequest). getProvider throws InvalidConfigError for an unknown model.
 */
export class ModelRegistry {
  private input: SharedConfigInput;
  private config: SharedConfig;
  private readonly pool: ConnectionPool;
  private readonly client: XaiClient;
  private readonly consentManager: ConsentManager;
  private readonly analyticsTracker: AnalyticsTracker;
  private readonly rateLimiter: RateLimiter;
  private readonly models = new Map<string, ModelFacts>(KNOWN_MODELS.map((facts) => [facts.id, facts]));
  private readonly providers = new Map<string, GrokCodeFast1Provider>();
  private readonly outcomes = new RequestOutcomes();

  constructor(
    private readonly logger: Logger,
    options: ModelRegistryOptions = {},
  ) {
    this.input = { endpoint: XAI_ENDPOINT, apiKey: '', ...options };
    this.config = parseConfig(sharedConfigSchema, this.input);
    this.pool = new ConnectionPool(this.config.proxy);
    this.client = new XaiClient(this.pool, clientSettings(this.config));
    this.consentManager = this.config.consentManager ?? new ConsentManager();
    this.analyticsTracker = this.config.analyticsTracker ?? new AnalyticsTracker();
    this.rateLimiter = this.config.rateLimiter ?? new RateLimiter(this.config.rateLimits ?? DEFAULT_RATE_LIMITS);
  }

  /** Adds the server's models when an API key is set; an unreachable server is logged, not thrown. */
  async initialize(signal?: AbortSignal): Promise<void> {
    if (!this.client.hasApiKey) return;
    try {
      await this.refreshModels(signal);
    } catch (error) {
      this.logger.warn(`Could not load the model list: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  getProvider(modelId: string): GrokCodeFast1Provider {
    const cached = this.providers.get(modelId);
    if (cached) return cached;
    const facts = this.models.get(modelId);
    if (!facts) {
      const known = [...this.models.keys()].join(', ');
      throw new InvalidConfigError(`Unknown model "${modelId}". Known models: ${known}.`, 'model');
    }
    const provider = new GrokCodeFast1Provider(
      this.logger,
      {
        ...this.input,
        model: modelId,
        consentManager: this.consentManager,
        analyticsTracker: this.analyticsTracker,
        rateLimiter: this.rateLimiter,
      },
      { pool: this.pool, facts, outcomes: this.outcomes },
    );
    this.providers.set(modelId, provider);
    return provider;
  }

  listModels(): ModelFacts[] {
    return [...this.models.values()];
  }

  /** Reads `GET /models`; ids the core does not know join with default facts. */
  async refreshModels(signal?: AbortSignal): Promise<ModelFacts[]> {
    for (const model of await fetchModels(this.client, signal)) {
      if (!this.models.has(model.id)) this.models.set(model.id, knownFactsFor(model.id) ?? defaultFactsFor(model.id));
    }
    return this.listModels();
  }

  /**
   * Calls `listener` once per finished request of any of this registry's providers (any feature,
   * any model, success, error or cancellation), until the returned handle is disposed.
   */
  onDidFinishRequest(listener: RequestFinishedListener): { dispose(): void } {
    return this.outcomes.onDidFinish(listener);
  }

  /** The registry's user's requests and tokens in the trailing 24 hours, as the shared rate limiter counted them. */
  dayUsage(): { requests: number; tokens: number } {
    return this.rateLimiter.dayUsage(this.config.userId);
  }

  getAnalyticsTracker(): AnalyticsTracker {
    return this.analyticsTracker;
  }

  getConsentManager(): ConsentManager {
    return this.consentManager;
  }

  getRateLimiter(): RateLimiter {
    return this.rateLimiter;
  }

  /** New key, endpoint, proxy, limits or timeouts for every provider; new endpoint or proxy: fresh connections. */
  updateConfig(partial: ModelRegistryOptions): void {
    const input = { ...this.input, ...partial };
    const next = parseConfig(sharedConfigSchema, input);
    const reconnect = next.endpoint !== this.config.endpoint || JSON.stringify(next.proxy) !== JSON.stringify(this.config.proxy);
    this.input = input;
    this.config = next;
    this.client.updateSettings(clientSettings(next));
    if (reconnect) this.pool.replace(next.proxy);
    if (partial.rateLimits) this.rateLimiter.setLimits(next.rateLimits ?? DEFAULT_RATE_LIMITS);
    for (const provider of this.providers.values()) provider.updateConfig(partial);
  }

  /** Disposes every provider and closes the shared connections. */
  async dispose(): Promise<void> {
    await Promise.all([...this.providers.values()].map((provider) => provider.dispose()));
    this.providers.clear();
    await this.pool.close();
  }
}
