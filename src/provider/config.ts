/**
 * The provider's configuration, validated by zod. A bad value fails with InvalidConfigError naming
 * the field; the endpoint must be https:// (plain http only for loopback hosts) so an API key never
 * crosses the network in the clear.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { InvalidConfigError } from './errors';
import { GROK_CODE_FAST_1, MAX_OUTPUT_TOKENS } from './models';
import { type AnalyticsTracker } from './analytics';
import { type ConsentManager } from './consent';
import { type RateLimiter, RateLimitsInputSchema, type SpendBudget } from './limits';
import { isLoopbackHost } from './client/loopback';
import { type XaiClientSettings } from './client/xaiClient';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

/** Why `endpoint` is unacceptable, or undefined when it is fine. */
export function endpointProblem(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return l10n.t('"{0}" is not a URL', endpoint);
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname) ? undefined : l10n.t('must use https:// (plain http:// is allowed only for 127.0.0.1, ::1 and localhost)');
  }
  return l10n.t('must use https://, not {0}//', url.protocol);
}

/** An object that has the named methods: enough to accept a shared instance (or a test double). */
function withMethods<T>(...methods: string[]) {
  return z.custom<T>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      methods.every((name) => typeof (value as Record<string, unknown>)[name] === 'function'),
    { message: l10n.t('expected an object with {0}', methods.join(', ')) },
  );
}

const positiveInt = z.number().int().positive();

const proxySchema = z.object({
  url: z.string().refine((value) => /^https?:\/\/[^/]/i.test(value), { message: l10n.t('must be an http:// or https:// URL') }),
  strictSSL: z.boolean().optional(),
  authorization: z.string().min(1).optional(),
});

/** Settings shared by every model a registry serves (everything but the model id). */
export const sharedConfigSchema = z.object({
  endpoint: z.string().superRefine((value, ctx) => {
    const problem = endpointProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  apiKey: z.string(),
  /** Who the requests are for (consent, limits and analytics are kept per user) unless a request names one; given once per install. */
  userId: z.string().min(1).default('default'),
  maxTokens: z.number().int().min(1).max(MAX_OUTPUT_TOKENS).default(MAX_OUTPUT_TOKENS),
  temperature: z.number().min(0).max(2).optional(),
  /** Any of the six limits; the ones left out keep their defaults (DEFAULT_RATE_LIMITS). */
  rateLimits: RateLimitsInputSchema.optional(),
  timeoutMs: positiveInt.default(DEFAULT_TIMEOUT_MS),
  idleTimeoutMs: positiveInt.default(DEFAULT_IDLE_TIMEOUT_MS),
  maxRetries: z.number().int().min(0).max(10).default(DEFAULT_MAX_RETRIES),
  proxy: proxySchema.optional(),
  appInfo: z.object({ name: z.string().min(1), version: z.string().min(1) }).optional(),
  rateLimitingEnabled: z.boolean().default(true),
  /** Sends `x-grok-conv-id` (and `prompt_cache_key`) so a conversation's requests reuse xAI's prompt cache. */
  cachingEnabled: z.boolean().default(true),
  /**
   * The wire format: `responses` (`POST /responses`, xAI's recommended API) or `chat-completions`
   * (`POST /chat/completions`, what other OpenAI-compatible servers speak).
   */
  wireApi: z.enum(['responses', 'chat-completions']).default('chat-completions'),
  /**
   * The reasoning effort per feature: `auto` (inline: the lowest the model accepts; chat and
   * actions: the model's default, nothing sent) or an effort name, sent only to models whose
   * catalogue lists it.
   */
  reasoningEffort: z.partialRecord(z.enum(['chat', 'inline', 'action']), z.string().min(1)).optional(),
  consentManager: withMethods<ConsentManager>('hasConsent', 'onDidChange').optional(),
  analyticsTracker: withMethods<AnalyticsTracker>('trackRequest', 'trackResponse').optional(),
  /** A limiter shared with other providers; wins over `rateLimits`. */
  rateLimiter: withMethods<RateLimiter>('acquire', 'check').optional(),
  /** The user's USD budget, checked before every request by its estimated cost; none: no cap. */
  spendBudget: withMethods<SpendBudget>('admit', 'record').optional(),
});

/** Validates one provider's configuration: the shared configuration plus the model id (default grok-code-fast-1). */
export const providerConfigSchema = sharedConfigSchema.extend({
  model: z.string().min(1).default(GROK_CODE_FAST_1),
});

/** What a GrokCodeFast1Provider is constructed with (defaults applied by providerConfigSchema). */
export type ProviderConfigInput = z.input<typeof providerConfigSchema>;
/** A provider's configuration after validation, defaults filled in. */
export type ProviderConfig = z.output<typeof providerConfigSchema>;
/**
 * The configuration every provider of a registry shares: endpoint, key, user id, max tokens (<= 32,000), temperature (0..2),
 * limits, time-outs and retries (ms, count), proxy, app info and switches.
 */
export type SharedConfigInput = z.input<typeof sharedConfigSchema>;

/** Parses with `schema`; the first problem becomes an InvalidConfigError naming its field. */
export function parseConfig<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'config';
  throw new InvalidConfigError(l10n.t('Invalid provider configuration: {0} {1}.', field, issue?.message ?? l10n.t('is invalid')), field);
}

export type SharedConfig = z.output<typeof sharedConfigSchema>;

/** What the HTTP client needs from a validated configuration. */
export function clientSettings(config: SharedConfig): XaiClientSettings {
  return {
    endpoint: config.endpoint,
    apiKey: config.apiKey,
    headersTimeoutMs: config.timeoutMs,
    idleTimeoutMs: config.idleTimeoutMs,
    userAgent: config.appInfo ? `${config.appInfo.name}/${config.appInfo.version}` : 'grok-code-fast',
  };
}
