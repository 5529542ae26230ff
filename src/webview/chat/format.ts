import * as l10n from '@vscode/l10n';
import type { UsageView } from '../../chat/protocol';
import { formatDuration } from '../../provider/duration';

const integer = new Intl.NumberFormat('en-US');

export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/** The footer line under an answer: tokens, timing, cost. */
export function formatUsage(usage: UsageView): string {
  const input = usage.cachedTokens > 0
    ? l10n.t('{0} in ({1} cached)', integer.format(usage.promptTokens), integer.format(usage.cachedTokens))
    : l10n.t('{0} in', integer.format(usage.promptTokens));
  const parts = [input, l10n.t('{0} out', integer.format(usage.completionTokens))];
  if (usage.reasoningTokens > 0) parts.push(l10n.t('{0} reasoning', integer.format(usage.reasoningTokens)));
  parts.push(formatDuration(usage.latencyMs));
  if (usage.timeToFirstTokenMs !== null) parts.push(l10n.t('first token {0}', formatDuration(usage.timeToFirstTokenMs)));
  parts.push(formatCost(usage.costUsd));
  return parts.join(' · ');
}

/** "just now", "5 min ago", "3 h ago", or a date. */
export function formatWhen(epochMs: number, now: number): string {
  const minutes = Math.floor((now - epochMs) / 60_000);
  if (minutes < 1) return l10n.t('just now');
  if (minutes < 60) return l10n.t('{0} min ago', minutes);
  if (minutes < 24 * 60) return l10n.t('{0} h ago', Math.floor(minutes / 60));
  return new Date(epochMs).toLocaleDateString();
}
