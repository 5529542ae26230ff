/**
 * The provider for grok-code-fast-1 (and any model an xAI-compatible server serves). Every request
 * goes the same way: consent gate -> API key -> rate limiter -> streamed HTTP with retries (only
 * before anything reached the caller) -> typed events; every outcome is measured and recorded once.
 */
import * as l10n from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import { checkApiKey, fetchModels, probeService, type ApiKeyCheck } from './client/accountQueries';
import { ConnectionPool } from './client/connectionPool';
import { DEFAULT_RETRY_POLICY, RetryableFailure, retryingStream, type RetryPolicy } from './client/retry';
import { buildWireRequest, promptTextOf, startAttempt, type WireRequest } from './client/answerStream';
import { type AssembledAnswer } from './client/answerAssembler';
import { unbatch } from './client/unbatch';
import { estimateTokens, estimateUsage } from './client/usage';
import { NO_API_KEY_MESSAGE, XaiClient } from './client/xaiClient';
import { clientSettings, parseConfig, providerConfigSchema, type ProviderConfig, type ProviderConfigInput } from './config';
import { type RequestMetricsSnapshot } from './analytics';
import { ConsentManager, endpointOrigin } from './consent';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  ConsentRequiredError,
  InvalidConfigError,
  isGrokError,
  ModelNotServedError,
  NetworkError,
  type PartialAnswer,
} from './errors';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitLease } from './limits';
import { ModelCatalogue } from './catalogue';
import { effortToSend, estimateInputUsd, type ModelFacts } from './models';
import { ModelIdSchema } from './identifiers';
import { registerSecret } from './redact';
import { formatDuration } from './duration';
import { OutcomeRecorder } from './outcomeRecorder';
import { type RequestOutcomes } from './requestOutcomes';
import { addUsage, ZERO_USAGE } from './usageSchema';
import {
  type Feature,
  type GenerateRequest,
  type GenerateResult,
  type Logger,
  type ModelInfo,
  type RateLimitStatus,
  type StreamEvent,
  type Usage,
} from './types';

/**
 * getStatus()'s verdict: whether the endpoint answered a timed `GET /models`, in how many ms, the share of this provider's
 * sent requests that failed (0..1) and a message.
 */
export interface ServiceStatus {
  operational: boolean;
  responseTime: number;
  /** Failed over sent requests since start, 0..1. */
  errorRate: number;
  message: string;
}

/** Collaborators a registry shares between its providers, and seams for tests. */
export interface ProviderDependencies {
  /** Shared connections; a provider given one does not close it on dispose. */
  pool?: ConnectionPool;
  /** Model facts by id or alias (the registry's live catalogue); last-resort facts when absent. */
  catalogue?: Pick<ModelCatalogue, 'factsFor'>;
  retry?: Partial<Pick<RetryPolicy, 'random' | 'sleep' | 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>>;
  now?: () => number;
  /** The stream every finished request is announced on (the registry's, shared by its providers). */
  outcomes?: RequestOutcomes;
}

/** What one attempt yields per network read: its events; the last batch also has the whole answer. */
interface AttemptBatch {
  events: StreamEvent[];
  answer?: AssembledAnswer;
}

/**
 * One model on one endpoint: every request goes consent check (ConsentRequiredError) -> key (AuthenticationError) -> local
 * limits (RateLimitError, retryAfter in s) -> the endpoint, with retries only before the first byte reached the caller, ->
 * typed events. Each outcome is recorded once (metrics, analytics, the registry's request-outcome stream). Errors are the
 * core's GrokError subclasses; an aborted signal gives AbortError.
 */
export class GrokCodeFast1Provider {
  readonly consentManager: ConsentManager;
  private input: ProviderConfigInput;
  private config: ProviderConfig;
  private readonly pool: ConnectionPool;
  private readonly ownsPool: boolean;
  private readonly client: XaiClient;
  private readonly limiter: RateLimiter;
  private readonly ownsLimiter: boolean;
  private readonly catalogue: Pick<ModelCatalogue, 'factsFor'>;
  private readonly outcomes: OutcomeRecorder;
  private readonly now: () => number;
  private readonly retry: Omit<RetryPolicy, 'maxRetries'>;
  /** Requests in flight, so a consent revocation can stop them. */
  private readonly inFlight = new Set<{ userId: string; controller: AbortController }>();
  private readonly consentSubscription: { dispose(): void };

  constructor(
    private readonly logger: Logger,
    config: ProviderConfigInput,
    deps: ProviderDependencies = {},
  ) {
    this.config = parseConfig(providerConfigSchema, config);
    registerSecret(this.config.apiKey);
    this.input = config;
    this.now = deps.now ?? Date.now;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
    this.catalogue = deps.catalogue ?? new ModelCatalogue(undefined);
    this.ownsPool = !deps.pool;
    this.pool = deps.pool ?? new ConnectionPool(this.config.proxy);
    this.client = new XaiClient(this.pool, clientSettings(this.config));
    this.ownsLimiter = !this.config.rateLimiter;
    this.limiter = this.config.rateLimiter ?? new RateLimiter(this.config.rateLimits ?? DEFAULT_RATE_LIMITS);
    this.outcomes = new OutcomeRecorder(logger, this.config.analyticsTracker, this.now, deps.outcomes);
    this.consentManager = this.config.consentManager ?? new ConsentManager(undefined, { endpoint: () => this.origin });
    this.consentSubscription = this.consentManager.onDidChange((change) => {
      if (change.granted || change.modelId !== this.config.model) return;
      for (const request of this.inFlight) {
        if (request.userId === change.userId) request.controller.abort(new ConsentRequiredError(l10n.t('Data-use consent was revoked.')));
      }
    });
  }

  get model(): string {
    return this.config.model;
  }

  /** The origin of the endpoint requests go to: consent is given per origin. */
  get origin(): string {
    return endpointOrigin(this.config.endpoint);
  }

  /** The current facts (the registry's catalogue may be refreshed while the provider lives). */
  get modelFacts(): ModelFacts {
    return this.catalogue.factsFor(this.model);
  }

  async generateResponse(request: GenerateRequest): Promise<GenerateResult> {
    for await (const batch of this.eventBatches(request)) {
      const last = batch[batch.length - 1];
      if (last.type === 'done') return last.result;
    }
    throw new NetworkError(l10n.t('The stream ended without an answer.'));
  }

  /** The answer's text as it arrives. */
  streamResponse(request: GenerateRequest): AsyncGenerator<string> {
    return unbatch(this.eventBatches(request), (event) => (event.type === 'content' ? event.text : undefined));
  }

  /** Reasoning, content, tool calls, usage, then `done` with the whole result. */
  streamEvents(request: GenerateRequest): AsyncGenerator<StreamEvent> {
    return unbatch(this.eventBatches(request), (event) => event);
  }

  /**
   * The events of `streamEvents`, a network read's worth at a time (never an empty batch; the last
   * is `[done]`). Each batch is made in one synchronous pass, and `unbatch` hands its events out for
   * one settled promise each: no generator step per token in any layer.
   */
  private async *eventBatches(request: GenerateRequest): AsyncGenerator<StreamEvent[]> {
    const userId = request.metadata?.userId ?? this.config.userId;
    const requestId = randomUUID();
    const controller = new AbortController();
    const userSignal = request.options?.signal;
    const onUserAbort = () => controller.abort(new AbortError());
    if (userSignal?.aborted) onUserAbort();
    userSignal?.addEventListener('abort', onUserAbort, { once: true });
    const flight = { userId, controller };
    this.inFlight.add(flight);
    const feature = request.metadata?.feature ?? 'other';
    this.outcomes.started({ requestId, userId, feature, model: this.model });

    let lease: RateLimitLease | undefined;
    let sentAt: number | undefined;
    let firstTokenAt: number | null = null;
    /** What the server billed for the attempts that ended without an answer (failed, empty, retried). */
    let billed: Usage | undefined;
    const bill = (attemptUsage: Usage | undefined) => {
      if (attemptUsage) billed = addUsage(billed ?? ZERO_USAGE, attemptUsage);
    };
    let usage: Usage | undefined;
    let result: GenerateResult | undefined;
    let failure: unknown;
    try {
      this.throwIfStopped(controller.signal);
      if (!(await this.consentManager.hasConsent({ userId, modelId: this.model, endpoint: this.origin }))) throw new ConsentRequiredError();
      if (!this.client.hasApiKey) throw new AuthenticationError(NO_API_KEY_MESSAGE);
      const conversationId = this.config.cachingEnabled ? request.metadata?.conversationId : undefined;
      const { maxTokens, temperature, wireApi } = this.config;
      const reasoningEffort = effortToSend(effortSettingOf(this.config, feature), feature, this.modelFacts);
      const facts = this.modelFacts;
      const body = buildWireRequest(wireApi, request, {
        model: this.model,
        maxTokens,
        maxOutputTokens: facts.maxOutputTokens,
        modelNames: [this.model, facts.id, ...facts.aliases],
        temperature,
        reasoningEffort,
        conversationId,
      });
      this.throwIfStopped(controller.signal);
      const estimatedTokens = estimateTokens(promptTextOf(body));
      const estimateUsd = estimateInputUsd(facts, estimatedTokens);
      await this.config.spendBudget?.admit(feature, estimateUsd);
      this.throwIfStopped(controller.signal);
      request.options?.onEstimate?.(estimateUsd);
      if (this.config.rateLimitingEnabled) {
        lease = await this.limiter.acquire(userId, { estimatedTokens, signal: controller.signal });
      }
      sentAt = this.now();
      const attempts = retryingStream(
        // Ghost text may be nothing: an empty inline answer is the model's "no suggestion", not a failure to retry.
        () => this.attempt(body, conversationId, controller.signal, bill, feature === 'inline'),
        { ...this.retry, maxRetries: this.config.maxRetries },
        controller.signal,
        (retryable, delayMs) => {
          this.logger.warn(`Request ${requestId} failed (${retryable.message}); retrying in ${formatDuration(delayMs)}.`);
          request.options?.onRetry?.({ code: retryable.error.code, delayMs });
        },
      );
      let answer: AssembledAnswer | undefined;
      for await (const batch of attempts) {
        // The clock is read for the first token only, not per token.
        if (firstTokenAt === null && batch.events.some(isToken)) firstTokenAt = this.now();
        if (batch.answer) answer = batch.answer;
        if (batch.events.length > 0) yield batch.events;
      }
      if (!answer) throw new NetworkError(l10n.t('The stream ended without an answer.'));
      const pricing = this.catalogue.factsFor(answer.model).pricing;
      const answered = answer.usage ?? estimateUsage({ prompt: promptTextOf(body), completion: answer.content, reasoning: answer.reasoning }, pricing);
      // Attempts retried before this one were billed too: the request's usage is their sum.
      usage = billed ? addUsage(billed, answered) : answered;
      yield [{ type: 'usage', usage }];
      result = {
        ...answer,
        usage,
        metadata: { requestId, latencyMs: this.now() - sentAt, timeToFirstTokenMs: firstTokenAt === null ? null : firstTokenAt - sentAt },
      };
      yield [{ type: 'done', result }];
    } catch (error) {
      failure = this.explain(error, controller.signal);
      throw failure;
    } finally {
      userSignal?.removeEventListener('abort', onUserAbort);
      this.inFlight.delete(flight);
      // Left without result or error: the consumer stopped reading, which cancels the request.
      if (!result && failure === undefined) failure = new AbortError();
      usage ??= billed;
      lease?.release(usage?.totalTokens ?? 0);
      // Billed when sent, answered or not: the budget counts what the report counts.
      if (usage) this.config.spendBudget?.record(usage.costUsd);
      this.outcomes.finished({ requestId, result, failure, sentAt, firstTokenAt, usage });
    }
  }

  /** Reports whether a request would pass the local limits now; consumes nothing. */
  checkRateLimit(userId: string = this.config.userId): RateLimitStatus {
    return this.limiter.check(userId);
  }

  getMetrics(): RequestMetricsSnapshot {
    return this.outcomes.snapshot();
  }

  /** A real `GET /models`, timed. */
  async getStatus(signal?: AbortSignal): Promise<ServiceStatus> {
    const probe = await probeService(this.client, this.now, signal);
    const { totalRequests, failedRequests } = this.outcomes.snapshot();
    return {
      operational: probe.ok,
      responseTime: probe.responseTimeMs,
      errorRate: totalRequests === 0 ? 0 : failedRequests / totalRequests,
      message: probe.message,
    };
  }

  /** The server's models; an id that is not a model id (e.g. a formula) is left out, never shown or stored. */
  async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    return (await fetchModels(this.client, signal)).filter((model) => ModelIdSchema.safeParse(model.id).success);
  }

  checkApiKey(signal?: AbortSignal): Promise<ApiKeyCheck> {
    return checkApiKey(this.client, signal);
  }

  /**
   * Changes settings at run time; a new endpoint or proxy starts over with fresh connections. A
   * provider from a registry shares the registry's connections and limiter: change those there.
   */
  updateConfig(partial: Partial<ProviderConfigInput>): void {
    const input = { ...this.input, ...partial };
    const next = parseConfig(providerConfigSchema, input);
    if (next.model !== this.config.model) {
      throw new InvalidConfigError('A provider serves one model; ask the registry for a provider of another model.', 'model'); // not UI text: an API misuse
    }
    const reconnect = next.endpoint !== this.config.endpoint || JSON.stringify(next.proxy) !== JSON.stringify(this.config.proxy);
    this.input = input;
    this.config = next;
    registerSecret(next.apiKey);
    this.client.updateSettings(clientSettings(next));
    if (reconnect && this.ownsPool) this.pool.replace(next.proxy);
    if (this.ownsLimiter && partial.rateLimits) this.limiter.setLimits(next.rateLimits ?? DEFAULT_RATE_LIMITS);
  }

  /** Stops listening for consent changes and closes the connections this provider owns. */
  async dispose(): Promise<void> {
    this.consentSubscription.dispose();
    if (this.ownsPool) await this.pool.close();
  }

  /**
   * One HTTP attempt: wire items in, events out a network read at a time, and the assembled answer
   * last. An attempt that ends in an error (an empty answer too, unless `emptyIsAnswer`) tells `bill`
   * what the server billed.
   */
  private async *attempt(
    body: WireRequest,
    conversationId: string | undefined,
    signal: AbortSignal,
    bill: (usage: Usage | undefined) => void,
    emptyIsAnswer: boolean,
  ): AsyncGenerator<AttemptBatch> {
    const model = { id: this.model, pricingFor: (served: string) => this.catalogue.factsFor(served).pricing };
    const attempt = startAttempt(this.client, body, model, { signal, conversationId });
    let finished: AttemptBatch;
    try {
      // Nothing yielded means nothing reached the caller: the attempt may still be retried.
      for await (const events of attempt.events) yield { events };
      finished = attempt.finish(emptyIsAnswer);
    } catch (error) {
      keepPartial(error, attempt.partial());
      bill(attempt.billed());
      throw error;
    }
    yield finished;
  }

  private throwIfStopped(signal: AbortSignal): void {
    if (signal.aborted) throw isGrokError(signal.reason) ? signal.reason : new AbortError();
  }

  /**
   * The error the caller sees: a revocation's reason wins over the cancellation it caused; a 404
   * that is not about the route ("No handler found on route") means the model is not served.
   */
  private explain(error: unknown, signal: AbortSignal): unknown {
    if (signal.aborted && isGrokError(signal.reason) && (!isGrokError(error) || error.code === 'aborted')) return signal.reason;
    if (error instanceof ApiError && error.status === 404 && !(error instanceof ModelNotServedError) && !/no handler/i.test(error.serverMessage ?? '')) {
      return new ModelNotServedError(this.model, error.serverMessage);
    }
    return error;
  }
}

/** The answer so far goes with the error that ended it, so the surface can still show it. */
function keepPartial(error: unknown, partial: PartialAnswer): void {
  if (partial.content === '' && partial.reasoning === '') return;
  const grokError = error instanceof RetryableFailure ? error.error : error;
  if (isGrokError(grokError)) grokError.partial = partial;
}

/** The `reasoningEffort` setting of the feature (only chat, inline and actions have one). */
function effortSettingOf(config: ProviderConfig, feature: Feature): string | undefined {
  return feature === 'chat' || feature === 'inline' || feature === 'action' ? config.reasoningEffort?.[feature] : undefined;
}

function isToken(event: StreamEvent): boolean {
  return event.type === 'content' || event.type === 'tool_call';
}

