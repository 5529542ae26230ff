/**
 * The extension's settings as plain data: every `grokCodeFast.*` value (and VS Code's proxy settings)
 * validated one by one with zod. A bad value never throws: it becomes a warning naming the setting and
 * the default used instead. No `vscode` here, so it is tested in plain Node.
 */
import * as z from 'zod';
import { endpointProblem } from '../provider/config';
import { DEFAULT_EXCLUDE_GLOBS } from './excludeMatcher';

export const SETTINGS_SECTION = 'grokCodeFast';

export const ENDPOINT_BASE_URLS = {
  xai: 'https://api.x.ai/v1',
  rooCodeCloud: 'https://api.roocode.com/proxy/v1',
} as const;

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
  'endpoint.profile': spec(z.enum(['xai', 'rooCodeCloud', 'custom']), 'xai'),
  'endpoint.url': spec(z.string(), ''),
  'chat.model': spec(z.string().trim().min(1), 'grok-code-fast-1'),
  'inlineCompletions.model': spec(z.string().trim().min(1), 'grok-code-fast-1'),
  'actions.model': spec(z.string().trim().min(1), 'grok-code-fast-1'),
  maxTokens: spec(boundedInt(1, 32_000), 32_000),
  temperature: spec(z.number().min(0).max(2).nullable(), null),
  'rateLimits.requestsPerMinute': spec(positiveInt, 60),
  'rateLimits.requestsPerHour': spec(positiveInt, 3600),
  'rateLimits.requestsPerDay': spec(positiveInt, 10_000),
  'rateLimits.tokensPerMinute': spec(positiveInt, 1_000_000),
  'rateLimits.tokensPerDay': spec(positiveInt, 1_000_000),
  'rateLimits.concurrentRequests': spec(boundedInt(1, 32), 4),
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

/** The value used when a setting is unset or invalid, by relative key; package.json declares the same defaults (a unit test checks). */
export function settingDefault(key: SettingKey): unknown {
  return SPECS[key].fallback;
}

/** What the adapter hands in: `grokCodeFast.*` values by relative key, and VS Code's proxy settings. */
export interface RawSettings {
  values: Partial<Record<SettingKey, unknown>>;
  httpProxy?: unknown;
  httpProxyStrictSSL?: unknown;
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
    this.warn(key, value, parsed.error.issues[0]?.message ?? 'invalid', show(fallback));
    return fallback;
  }

  warn(key: string, value: unknown, reason: string, usedInstead: string): void {
    const name = key.startsWith('http.') ? key : `${SETTINGS_SECTION}.${key}`;
    this.warnings.push(`Setting "${name}" has an invalid value ${show(value)} (${reason}); using ${usedInstead} instead.`);
  }
}

function endpointOf(reader: SettingsReader) {
  const profile = reader.get('endpoint.profile');
  if (profile !== 'custom') return { profile, baseUrl: ENDPOINT_BASE_URLS[profile] as string | null };
  const url = reader.get('endpoint.url').trim().replace(/\/+$/, '');
  const problem = url === '' ? 'empty while the profile is "custom"' : endpointProblem(url);
  if (problem === undefined) return { profile, baseUrl: url as string | null };
  // Never fall back to another host: the user chose where their code goes.
  reader.warn('endpoint.url', url, problem, 'no endpoint (requests are refused until it is fixed)');
  return { profile, baseUrl: null };
}

/** Roo Code Cloud names models with their vendor prefix (`xai/grok-code-fast-1`). */
export function modelIdFor(profile: 'xai' | 'rooCodeCloud' | 'custom', model: string): string {
  return profile === 'rooCodeCloud' && !model.includes('/') ? `xai/${model}` : model;
}

function debounceOf(reader: SettingsReader) {
  const minMs = reader.get('inlineCompletions.debounceMinMs');
  const maxMs = reader.get('inlineCompletions.debounceMaxMs');
  if (minMs <= maxMs) return { minMs, maxMs };
  const fallback = { min: SPECS['inlineCompletions.debounceMinMs'].fallback, max: SPECS['inlineCompletions.debounceMaxMs'].fallback };
  reader.warn('inlineCompletions.debounceMinMs', minMs, `greater than debounceMaxMs ${maxMs}`, `${fallback.min} and ${fallback.max}`);
  return { minMs: fallback.min, maxMs: fallback.max };
}

function proxyOf(reader: SettingsReader, raw: RawSettings) {
  const strictSSL = typeof raw.httpProxyStrictSSL === 'boolean' ? raw.httpProxyStrictSSL : true;
  if (raw.httpProxyStrictSSL !== undefined && typeof raw.httpProxyStrictSSL !== 'boolean') {
    reader.warn('http.proxyStrictSSL', raw.httpProxyStrictSSL, 'expected a boolean', 'true');
  }
  if (raw.httpProxy === undefined || raw.httpProxy === '') return undefined;
  const parsed = z.url({ protocol: /^https?$/ }).safeParse(raw.httpProxy);
  if (parsed.success) return { url: parsed.data, strictSSL };
  reader.warn('http.proxy', raw.httpProxy, 'expected an http:// or https:// URL', 'no proxy');
  return undefined;
}

function build(reader: SettingsReader, raw: RawSettings) {
  const endpoint = endpointOf(reader);
  const model = (key: 'chat.model' | 'inlineCompletions.model' | 'actions.model') => modelIdFor(endpoint.profile, reader.get(key));
  const temperature = reader.get('temperature');
  return {
    endpoint,
    models: { chat: model('chat.model'), inline: model('inlineCompletions.model'), action: model('actions.model') },
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
    inlineCompletions: {
      enabled: reader.get('inlineCompletions.enabled'),
      disabledLanguages: reader.get('inlineCompletions.disabledLanguages'),
      debounce: debounceOf(reader),
    },
    exclude: reader.get('exclude').filter((glob) => glob.trim() !== ''),
    chat: { maxToolRounds: reader.get('chat.maxToolRounds') },
    analytics: { enabled: reader.get('analytics.enabled'), retentionDays: reader.get('analytics.retentionDays') },
    health: { intervalMinutes: reader.get('health.intervalMinutes'), p95ThresholdMs: reader.get('health.p95ThresholdMs') },
    cloud: {
      features: reader.get('cloud.features'),
    },
    proxy: proxyOf(reader, raw),
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
