/**
 * THE model list and one provider per model id. The list is the endpoint's catalogue
 * (`GET /v1/language-models`, else `GET /v1/models`), read by `initialize()` or restored from a
 * stored snapshot; any id or alias works with `getProvider` (an unlisted id gets default facts: the
 * server judges). Providers share one connection pool, one rate limiter, one consent manager and one
 * analytics tracker, so limits and consent hold across features whichever model each picked.
 */
import { AnalyticsTracker } from './analytics';
import { ModelCatalogue, catalogueSnapshotSchema, type CatalogueSnapshot } from './catalogue';
import { fetchCatalogue } from './catalogueFetch';
import { probeService, type ServiceProbe } from './client/accountQueries';
import { ConnectionPool } from './client/connectionPool';
import { XaiClient } from './client/xaiClient';
import { clientSettings, parseConfig, sharedConfigSchema, type SharedConfig, type SharedConfigInput } from './config';
import { ConsentManager, endpointOrigin } from './consent';
import { GrokCodeFast1Provider } from './grokCodeFast1';
import { DEFAULT_RATE_LIMITS, RateLimiter } from './limits';
import { type ModelFacts } from './models';
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
 * (onDidFinishRequest). getProvider throws when the registry was never initialised (initialize or restore).
 */
export class ModelRegistry {
  private input: SharedConfigInput;
  private config: SharedConfig;
  private readonly pool: ConnectionPool;
  private readonly client: XaiClient;
  private readonly consentManager: ConsentManager;
  private readonly analyticsTracker: AnalyticsTracker;
  private readonly rateLimiter: RateLimiter;
  /** Undefined until `initialize()` or `restore()`: a provider made before would have no prices. */
  private catalogue: ModelCatalogue | undefined;
  private readonly providers = new Map<string, GrokCodeFast1Provider>();
  private readonly outcomes = new RequestOutcomes();
  private readonly now: () => number;

  constructor(
    private readonly logger: Logger,
    options: ModelRegistryOptions = {},
    deps: { now?: () => number } = {},
  ) {
    this.now = deps.now ?? Date.now;
    this.input = { endpoint: XAI_ENDPOINT, apiKey: '', ...options };
    this.config = parseConfig(sharedConfigSchema, this.input);
    this.pool = new ConnectionPool(this.config.proxy);
    this.client = new XaiClient(this.pool, clientSettings(this.config));
    this.consentManager = this.config.consentManager ?? new ConsentManager(undefined, { endpoint: () => endpointOrigin(this.config.endpoint) });
    this.analyticsTracker = this.config.analyticsTracker ?? new AnalyticsTracker();
    this.rateLimiter = this.config.rateLimiter ?? new RateLimiter(this.config.rateLimits ?? DEFAULT_RATE_LIMITS);
  }

  get initialized(): boolean {
    return this.catalogue !== undefined;
  }

  /**
   * Reads the endpoint's catalogue (needs an API key). Returns the snapshot read, to be stored for
   * an offline start; on failure it is logged, the current list (or the last-resort facts) stays,
   * and undefined is returned.
   */
  async initialize(signal?: AbortSignal): Promise<CatalogueSnapshot | undefined> {
    if (this.client.hasApiKey) {
      try {
        const snapshot = await fetchCatalogue(this.client, this.config.endpoint, this.now, signal);
        // The endpoint may have changed while the list was on its way: that list is not this endpoint's.
        if (snapshot.endpoint === this.config.endpoint) {
          this.catalogue = this.catalogueOf(snapshot);
          return snapshot;
        }
      } catch (error) {
        this.logger.warn(`Could not load the model list: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.catalogue ??= new ModelCatalogue(undefined);
    return undefined;
  }

  /**
   * Uses a stored snapshot (validated; one read from another endpoint is ignored). The registry is
   * initialised afterwards either way, with the last-resort facts when the snapshot is not usable.
   * Returns whether the snapshot was used.
   */
  restore(stored: unknown): boolean {
    const parsed = catalogueSnapshotSchema.safeParse(stored);
    const usable = parsed.success && parsed.data.endpoint === this.config.endpoint;
    if (stored !== undefined && !parsed.success) this.logger.warn('The stored model list is not valid; it is ignored.');
    if (usable) this.catalogue = this.catalogueOf(parsed.data);
    else this.catalogue ??= new ModelCatalogue(undefined);
    return usable;
  }

  /** A provider for any id or alias; throws when the registry was never initialised (a wiring bug). */
  getProvider(modelId: string): GrokCodeFast1Provider {
    this.requireCatalogue();
    const cached = this.providers.get(modelId);
    if (cached) return cached;
    const provider = new GrokCodeFast1Provider(
      this.logger,
      {
        ...this.input,
        model: modelId,
        consentManager: this.consentManager,
        analyticsTracker: this.analyticsTracker,
        rateLimiter: this.rateLimiter,
      },
      {
        pool: this.pool,
        // The registry's current catalogue, also after a refresh (the provider outlives it).
        catalogue: { factsFor: (name) => this.requireCatalogue().factsFor(name) },
        outcomes: this.outcomes,
      },
    );
    this.providers.set(modelId, provider);
    return provider;
  }

  /** The catalogue's models (empty when none was read). */
  listModels(): ModelFacts[] {
    return [...(this.catalogue?.models ?? [])];
  }

  /** Facts for any id or alias (catalogue, else last-resort, else defaults). */
  factsFor(name: string): ModelFacts {
    return this.requireCatalogue().factsFor(name);
  }

  /** The catalogue id an id or alias names: two names of one model are not a redirect. */
  canonicalId(name: string): string {
    return this.requireCatalogue().canonicalId(name);
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

  /** A timed `GET /models` on the endpoint with the key: whether it answered, in how many ms, and a message. */
  probe(signal?: AbortSignal): Promise<ServiceProbe> {
    return probeService(this.client, this.now, signal);
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

  /**
   * New key, endpoint, proxy, limits or timeouts for every provider; new endpoint or proxy: fresh
   * connections. A new endpoint drops the old endpoint's catalogue (last-resort facts until the
   * caller reads the new one).
   */
  updateConfig(partial: ModelRegistryOptions): void {
    const input = { ...this.input, ...partial };
    const next = parseConfig(sharedConfigSchema, input);
    const reconnect = next.endpoint !== this.config.endpoint || JSON.stringify(next.proxy) !== JSON.stringify(this.config.proxy);
    if (next.endpoint !== this.config.endpoint && this.catalogue) this.catalogue = new ModelCatalogue(undefined);
    this.input = input;
    this.config = next;
    this.client.updateSettings(clientSettings(next));
    if (reconnect) this.pool.replace(next.proxy);
    if (partial.rateLimits) this.rateLimiter.setLimits(next.rateLimits ?? DEFAULT_RATE_LIMITS);
    for (const provider of this.providers.values()) provider.updateConfig(partial);
  }

  private requireCatalogue(): ModelCatalogue {
    if (!this.catalogue) throw new Error('ModelRegistry used before initialize() or restore().'); // not UI text: an API misuse
    return this.catalogue;
  }

  private catalogueOf(snapshot: CatalogueSnapshot): ModelCatalogue {
    return new ModelCatalogue(snapshot, (entry) => this.logger.warn(`The model list has an entry that is not valid (${entry}); it is skipped.`));
  }

  /** Disposes every provider and closes the shared connections. */
  async dispose(): Promise<void> {
    await Promise.all([...this.providers.values()].map((provider) => provider.dispose()));
    this.providers.clear();
    await this.pool.close();
  }
}
