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
    ? `${integer.format(usage.promptTokens)} in (${integer.format(usage.cachedTokens)} cached)`
    : `${integer.format(usage.promptTokens)} in`;
  const parts = [input, `${integer.format(usage.completionTokens)} out`];
  if (usage.reasoningTokens > 0) parts.push(`${integer.format(usage.reasoningTokens)} reasoning`);
  parts.push(formatDuration(usage.latencyMs));
  if (usage.timeToFirstTokenMs !== null) parts.push(`first token ${formatDuration(usage.timeToFirstTokenMs)}`);
  parts.push(formatCost(usage.costUsd));
  return parts.join(' · ');
}

/** "just now", "5 min ago", "3 h ago", or a date. */
export function formatWhen(epochMs: number, now: number): string {
  const minutes = Math.floor((now - epochMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return new Date(epochMs).toLocaleDateString();
}
