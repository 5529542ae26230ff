/**
 * The settings that guard the user's money or exposure, in ONE table: where requests go, how many may
 * go, how large they may be, and whether their cost is recorded. A repository's `.vscode/settings.json`
 * must not loosen them (issue 21 kind 3: a workspace turned rate limiting off and analytics with it).
 * package.json lists every key here under `capabilities.untrustedWorkspaces.restrictedConfigurations`
 * (a unit test compares the two). No `vscode` here, so the rule is tested in plain Node.
 */
import { type SettingKey } from './settingsSchema';

/**
 * - `user`: only the user's own value counts (a workspace value is ignored), for settings with no
 *   "stricter" order (an endpoint, an effort name, a feature switch object, a debounce).
 * - `lowest`: the lowest valid value of user (or default) and workspace wins, for limits where lower
 *   is stricter (false counts lower than true), so a workspace can tighten them, never loosen them.
 */
export type GuardRule = 'user' | 'lowest';

/** Keys are relative to `grokCodeFast.`. `exclude` is not here: it has its own rule (a workspace only adds globs). */
export const GUARD_SETTINGS = {
  'endpoint.profile': 'user',
  'endpoint.url': 'user',
  'endpoint.api': 'user',
  'cloud.features': 'user',
  'analytics.enabled': 'user',
  'analytics.retentionDays': 'user',
  'chat.reasoningEffort': 'user',
  'inlineCompletions.reasoningEffort': 'user',
  'actions.reasoningEffort': 'user',
  'inlineCompletions.debounceMinMs': 'user',
  'inlineCompletions.debounceMaxMs': 'user',
  'inlineCompletions.enabled': 'lowest',
  maxTokens: 'lowest',
  'chat.maxToolRounds': 'lowest',
  'rateLimits.requestsPerMinute': 'lowest',
  'rateLimits.requestsPerHour': 'lowest',
  'rateLimits.requestsPerDay': 'lowest',
  'rateLimits.tokensPerMinute': 'lowest',
  'rateLimits.tokensPerDay': 'lowest',
  'rateLimits.concurrentRequests': 'lowest',
  // 0 means no cap, so `lowest` would let a workspace lift it: only the user's value counts.
  'budget.dailyUsd': 'user',
  'budget.monthlyUsd': 'user',
} as const satisfies Partial<Record<SettingKey, GuardRule>>;

export type GuardKey = keyof typeof GUARD_SETTINGS;

export function isGuardKey(key: string): key is GuardKey {
  return Object.hasOwn(GUARD_SETTINGS, key);
}

/** A setting's values per scope, as `WorkspaceConfiguration.inspect` gives them. */
export interface ScopedValues {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

function lower(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number' && a < b) || (a === false && b === true);
}

/**
 * The value `rule` lets count (undefined: the default applies). For `lowest`, a workspace value only
 * competes when `isValid` accepts it, so an invalid one can neither win nor reset the user's value;
 * an invalid user value competes as the default it falls back to (and still gets its warning).
 */
export function guardedValue(rule: GuardRule, values: ScopedValues | undefined, isValid: (value: unknown) => boolean): unknown {
  if (rule === 'user') return values?.globalValue;
  const own = values?.globalValue !== undefined && isValid(values.globalValue) ? values.globalValue : values?.defaultValue;
  let stricter: unknown;
  for (const candidate of [values?.workspaceValue, values?.workspaceFolderValue]) {
    if (candidate !== undefined && isValid(candidate) && lower(candidate, stricter ?? own)) stricter = candidate;
  }
  return stricter ?? values?.globalValue;
}
