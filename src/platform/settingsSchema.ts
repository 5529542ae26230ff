/**
 * The extension's settings as plain data: every `grokCodeFast.*` value (and VS Code's proxy settings)
 * validated one by one with zod. A bad value never throws: it becomes a warning naming the setting and
 * the default used instead. No `vscode` here, so it is tested in plain Node.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { endpointProblem } from '../provider/config';
import { proxyFromEnvironment, type Environment } from '../provider/client/proxyFromEnvironment';
import { ModelIdSchema } from '../provider/identifiers';
import { AUTO_MODEL } from '../provider/inlineModelChoice';
import { DEFAULT_EXCLUDE_GLOBS } from './excludeMatcher';

export const SETTINGS_SECTION = 'grokCodeFast';

export const XAI_BASE_URL = 'https://api.x.ai/v1';

/**
 * The profile of Roo Code Cloud's free route, shut down on 2026-05-15 (xai-api.md). A setting that
 * still names it reads as `custom` with no URL (nothing is sent anywhere) until the migration at
 * start moves it; its old host is not kept anywhere in the product.
 */
export const RETIRED_PROFILE = 'rooCodeCloud';

/** The default model: xAI's recommended replacement for the retired grok-code-fast-1 (xai-responses.md §5). */
export const DEFAULT_MODEL = 'grok-4.3';

/** `auto`, or an effort name as xAI's catalogue lists them (xai-responses.md §1). */
const REASONING_EFFORT_SETTING = z.enum(['auto', 'none', 'minimal', 'low', 'medium', 'high', 'xhigh']);

const positiveInt = z.number().int().min(1);
const boundedInt = (min: number, max: number) => z.number().int().min(min).max(max);
const stringList = z.array(z.string());

interface SettingSpec<T extends z.ZodType> {
  schema: T;
  fallback: z.output<T>;
}

function spec<T extends z.ZodType>(schema: T, fallback: z.output<T>): SettingSpec<T> {
  return { schema, fallback };
}

const FEATURE_DEFAULTS = { analytics: true, monitoring: true, logging: true, caching: true, rateLimiting: true };

/** Keys are relative to `grokCodeFast.`; defaults match package.json. */
const SPECS = {
  'endpoint.profile': spec(z.enum(['xai', 'custom', RETIRED_PROFILE]), 'xai'),
  'endpoint.url': spec(z.string(), ''),
  'endpoint.api': spec(z.enum(['auto', 'responses', 'chat-completions']), 'auto'),
  'chat.model': spec(z.string().trim().pipe(ModelIdSchema), DEFAULT_MODEL),
  // `auto`: the catalogue's fastest suitable model (inlineModelChoice.ts).
  'inlineCompletions.model': spec(z.string().trim().pipe(ModelIdSchema), AUTO_MODEL),
  'actions.model': spec(z.string().trim().pipe(ModelIdSchema), DEFAULT_MODEL),
  'chat.reasoningEffort': spec(REASONING_EFFORT_SETTING, 'auto'),
  'inlineCompletions.reasoningEffort': spec(REASONING_EFFORT_SETTING, 'auto'),
  'actions.reasoningEffort': spec(REASONING_EFFORT_SETTING, 'auto'),
  maxTokens: spec(boundedInt(1, 32_000), 32_000),
  temperature: spec(z.number().min(0).max(2).nullable(), null),
  'rateLimits.requestsPerMinute': spec(positiveInt, 60),
  'rateLimits.requestsPerHour': spec(positiveInt, 3600),
  'rateLimits.requestsPerDay': spec(positiveInt, 10_000),
  'rateLimits.tokensPerMinute': spec(positiveInt, 1_000_000),
  'rateLimits.tokensPerDay': spec(positiveInt, 1_000_000),
  'rateLimits.concurrentRequests': spec(boundedInt(1, 32), 4),
  'budget.dailyUsd': spec(z.number().min(0), 0),
  'budget.monthlyUsd': spec(z.number().min(0), 0),
  'budget.estimateNoticeUsd': spec(z.number().min(0), 0.1),
  'inlineCompletions.enabled': spec(z.boolean(), true),
  'inlineCompletions.disabledLanguages': spec(stringList, ['plaintext', 'markdown', 'scminput']),
  'inlineCompletions.debounceMinMs': spec(boundedInt(0, 2000), 40),
  'inlineCompletions.debounceMaxMs': spec(boundedInt(0, 5000), 400),
  exclude: spec(stringList, [...DEFAULT_EXCLUDE_GLOBS]),
  'chat.maxToolRounds': spec(boundedInt(0, 20), 6),
  'analytics.enabled': spec(z.boolean(), true),
  'analytics.retentionDays': spec(boundedInt(1, 3650), 90),
  'health.intervalMinutes': spec(boundedInt(1, 1440), 5),
  'health.p95ThresholdMs': spec(z.number().int().min(100), 10_000),
  'cloud.features': spec(
    z.strictObject({
      analytics: z.boolean().default(true),
      monitoring: z.boolean().default(true),
      logging: z.boolean().default(true),
      caching: z.boolean().default(true),
      rateLimiting: z.boolean().default(true),
    }),
    FEATURE_DEFAULTS,
  ),
} as const;

export type SettingKey = keyof typeof SPECS;
/** Every `grokCodeFast.*` key this module reads, for the VS Code adapter. */
export const SETTING_KEYS = Object.keys(SPECS) as SettingKey[];

/** Whether `value` is acceptable for `key` (a workspace value that is not never competes with the user's, guardSettings.ts). */
export function settingIsValid(key: SettingKey, value: unknown): boolean {
  return SPECS[key].schema.safeParse(value).success;
}

/** The value used when a setting is unset or invalid, by relative key; package.json declares the same defaults (a unit test checks). */
export function settingDefault(key: SettingKey): unknown {
  return SPECS[key].fallback;
}

/** What the adapter hands in: `grokCodeFast.*` values by relative key, and VS Code's proxy settings. */
export interface RawSettings {
  values: Partial<Record<SettingKey, unknown>>;
  httpProxy?: unknown;
  httpProxyStrictSSL?: unknown;
  /** VS Code's `http.proxyAuthorization`: the Proxy-Authorization header value, or null. */
  httpProxyAuthorization?: unknown;
  /** The process environment: HTTPS_PROXY, HTTP_PROXY and NO_PROXY apply when `http.proxy` is empty. */
  environment?: Environment;
}

type Value<K extends SettingKey> = z.output<(typeof SPECS)[K]['schema']>;

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

class SettingsReader {
  readonly warnings: string[] = [];
  constructor(private readonly raw: RawSettings) {}

  get<K extends SettingKey>(key: K): Value<K> {
    // The table's entries pair each schema with a fallback of its own output type.
    const { schema, fallback } = SPECS[key] as unknown as SettingSpec<z.ZodType<Value<K>>>;
    const value = this.raw.values[key];
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.warn(key, value, parsed.error.issues[0]?.message ?? l10n.t('invalid'), show(fallback));
    return fallback;
  }

  warn(key: string, value: unknown, reason: string, usedInstead: string): void {
    const name = key.startsWith('http.') ? key : `${SETTINGS_SECTION}.${key}`;
    this.warnings.push(l10n.t('Setting "{0}" has an invalid value {1} ({2}); using {3} instead.', name, show(value), reason, usedInstead));
  }
}

/**
 * The wire format for `grokCodeFast.endpoint.api`: `auto` is the Responses API on xAI's own host
 * (xAI calls Chat Completions deprecated) and Chat Completions elsewhere (what OpenAI-compatible
 * servers speak). Without a usable URL the choice does not matter: nothing is sent.
 */
export function wireApiFor(api: 'auto' | 'responses' | 'chat-completions', baseUrl: string | null): 'responses' | 'chat-completions' {
  if (api !== 'auto') return api;
  if (baseUrl === null) return 'chat-completions';
  return new URL(baseUrl).hostname.toLowerCase() === 'api.x.ai' ? 'responses' : 'chat-completions';
}

function endpointOf(reader: SettingsReader) {
  const setting = reader.get('endpoint.profile');
  const api = reader.get('endpoint.api');
  const endpoint = (profile: 'xai' | 'custom', baseUrl: string | null, retiredProfile?: typeof RETIRED_PROFILE) => ({
    profile,
    baseUrl,
    wireApi: wireApiFor(api, baseUrl),
    ...(retiredProfile && { retiredProfile }),
  });
  // The retired route is never replaced by another host: no endpoint until the user picks one.
  if (setting === RETIRED_PROFILE) return endpoint('custom', null, RETIRED_PROFILE);
  if (setting === 'xai') return endpoint('xai', XAI_BASE_URL);
  const url = reader.get('endpoint.url').trim().replace(/\/+$/, '');
  const problem = url === '' ? l10n.t('empty while the profile is "custom"') : endpointProblem(url);
  if (problem === undefined) return endpoint('custom', url);
  // Never fall back to another host: the user chose where their code goes.
  reader.warn('endpoint.url', url, problem, l10n.t('no endpoint (requests are refused until it is fixed)'));
  return endpoint('custom', null);
}

function debounceOf(reader: SettingsReader) {
  const minMs = reader.get('inlineCompletions.debounceMinMs');
  const maxMs = reader.get('inlineCompletions.debounceMaxMs');
  if (minMs <= maxMs) return { minMs, maxMs };
  const fallback = { min: SPECS['inlineCompletions.debounceMinMs'].fallback, max: SPECS['inlineCompletions.debounceMaxMs'].fallback };
  reader.warn('inlineCompletions.debounceMinMs', minMs, l10n.t('greater than debounceMaxMs {0}', maxMs), l10n.t('{0} and {1}', fallback.min, fallback.max));
  return { minMs: fallback.min, maxMs: fallback.max };
}

function proxyOf(reader: SettingsReader, raw: RawSettings, endpoint: string | null) {
  const strictSSL = typeof raw.httpProxyStrictSSL === 'boolean' ? raw.httpProxyStrictSSL : true;
  if (raw.httpProxyStrictSSL !== undefined && typeof raw.httpProxyStrictSSL !== 'boolean') {
    reader.warn('http.proxyStrictSSL', raw.httpProxyStrictSSL, l10n.t('expected a boolean'), 'true');
  }
  const auth = typeof raw.httpProxyAuthorization === 'string' && raw.httpProxyAuthorization !== '' ? { authorization: raw.httpProxyAuthorization } : {};
  const configured = raw.httpProxy === undefined || raw.httpProxy === '' ? undefined : raw.httpProxy;
  // As VS Code does: the environment's proxy when the setting is empty.
  const chosen = configured ?? (endpoint === null ? undefined : proxyFromEnvironment(endpoint, raw.environment ?? {}));
  if (chosen === undefined) return undefined;
  const parsed = z.url({ protocol: /^https?$/ }).safeParse(chosen);
  if (parsed.success) return { url: parsed.data, strictSSL, ...auth };
  if (configured === undefined) {
    reader.warn('http.proxy', chosen, l10n.t('taken from HTTPS_PROXY/HTTP_PROXY, expected an http:// or https:// URL'), l10n.t('no proxy'));
    return undefined;
  }
  reader.warn('http.proxy', raw.httpProxy, l10n.t('expected an http:// or https:// URL'), l10n.t('no proxy'));
  return undefined;
}

function build(reader: SettingsReader, raw: RawSettings) {
  const endpoint = endpointOf(reader);
  const temperature = reader.get('temperature');
  return {
    endpoint,
    models: { chat: reader.get('chat.model'), inline: reader.get('inlineCompletions.model'), action: reader.get('actions.model') },
    reasoningEffort: {
      chat: reader.get('chat.reasoningEffort'),
      inline: reader.get('inlineCompletions.reasoningEffort'),
      action: reader.get('actions.reasoningEffort'),
    },
    maxTokens: reader.get('maxTokens'),
    temperature: temperature === null ? undefined : temperature,
    rateLimits: {
      requestsPerMinute: reader.get('rateLimits.requestsPerMinute'),
      requestsPerHour: reader.get('rateLimits.requestsPerHour'),
      requestsPerDay: reader.get('rateLimits.requestsPerDay'),
      tokensPerMinute: reader.get('rateLimits.tokensPerMinute'),
      tokensPerDay: reader.get('rateLimits.tokensPerDay'),
      concurrentRequests: reader.get('rateLimits.concurrentRequests'),
    },
    budget: {
      dailyUsd: reader.get('budget.dailyUsd'),
      monthlyUsd: reader.get('budget.monthlyUsd'),
      estimateNoticeUsd: reader.get('budget.estimateNoticeUsd'),
    },
    inlineCompletions: {
      enabled: reader.get('inlineCompletions.enabled'),
      disabledLanguages: reader.get('inlineCompletions.disabledLanguages'),
      debounce: debounceOf(reader),
    },
    exclude: reader.get('exclude').filter((glob) => glob.trim() !== ''),
    chat: { maxToolRounds: reader.get('chat.maxToolRounds') },
    analytics: { enabled: reader.get('analytics.enabled'), retentionDays: reader.get('analytics.retentionDays') },
    health: { intervalMinutes: reader.get('health.intervalMinutes'), p95ThresholdMs: reader.get('health.p95ThresholdMs') },
    cloud: { features: reader.get('cloud.features') },
    proxy: proxyOf(reader, raw, endpoint.baseUrl),
  };
}

export type Settings = ReturnType<typeof build>;
export type EndpointProfile = Settings['endpoint']['profile'];
export type CloudFeatures = Settings['cloud']['features'];

export function parseSettings(raw: RawSettings): { settings: Settings; warnings: string[] } {
  const reader = new SettingsReader(raw);
  const settings = build(reader, raw);
  return { settings, warnings: reader.warnings };
}
