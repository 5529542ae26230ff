/**
 * A model's facts in words, for Select Model and the served-model notice: prices per million
 * tokens (with the long-context tier), context window and accepted reasoning efforts. No `vscode`,
 * so the wording is unit-tested.
 */
import * as l10n from '@vscode/l10n';
import { type ModelFacts, type PriceTier } from '../provider/models';

function usd(value: number): string {
  return `$${value < 0.1 && value > 0 ? value.toFixed(3).replace(/0$/, '') : value.toFixed(2)}`;
}

function tier(prices: PriceTier): string {
  return l10n.t('{0} in / {1} cached / {2} out', usd(prices.inputPerMillion), usd(prices.cachedInputPerMillion), usd(prices.outputPerMillion));
}

/** Tokens as `256K` or `1M`. */
export function formatTokens(tokens: number): string {
  if (tokens >= 1_000_000 && tokens % 100_000 === 0) return `${tokens / 1_000_000}M`;
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}K`;
  return String(tokens);
}

/** `$1.25 in / $0.20 cached / $2.50 out per million tokens (above 200K prompt tokens: ...)`, or undefined without prices. */
export function describePrices(facts: ModelFacts): string | undefined {
  const pricing = facts.pricing;
  if (!pricing) return undefined;
  const long = pricing.longContext;
  if (!long) return l10n.t('{0} per million tokens', tier(pricing));
  return l10n.t('{0} per million tokens (above {1} prompt tokens: {2})', tier(pricing), formatTokens(long.thresholdTokens), tier(long));
}

/** The efforts as `none–high` style words, or `no reasoning effort` when the model takes none. */
export function describeEfforts(facts: ModelFacts): string {
  const efforts = facts.reasoningEfforts;
  if (efforts.length === 0) return l10n.t('no reasoning effort');
  const list = efforts.join(', ');
  return facts.defaultReasoningEffort ? l10n.t('effort {0} (default {1})', list, facts.defaultReasoningEffort) : l10n.t('effort {0}', list);
}

/** One line for a model picker: prices, context, efforts. */
export function describeModel(facts: ModelFacts): string {
  return [
    describePrices(facts) ?? l10n.t('prices not listed (the server reports the cost)'),
    facts.contextWindow === undefined ? undefined : l10n.t('{0} context', formatTokens(facts.contextWindow)),
    describeEfforts(facts),
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
}
