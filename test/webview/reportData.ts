/**
 * A realistic month of usage for the report's browser test, made by the real analytics core (tracker,
 * memory store, daily aggregates) from a seeded generator, so the page shows what users would see.
 * The totals the test asserts are counted here independently of the core.
 */
import { AnalyticsTracker, MemoryAnalyticsStore } from '../../src/provider/analytics';
import { type Feature } from '../../src/provider/types';
import { lastDays } from '../../src/provider/analytics/reportPeriod';
import { toReportView } from '../../src/report/reportView';
import { type ReportView } from '../../src/report/protocol';

export const NOW = Date.parse('2026-11-25T15:00:00Z');
const DAY_MS = 86_400_000;

export interface MonthOfUsage {
  report: ReportView;
  expected: { requests: number; failed: number; succeeded: number; noSuggestion: number; aborted: number; tokens: number; costUsd: number; shown: number; accepted: number };
}

/** Park–Miller: the same sequence every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

export async function monthOfUsage(): Promise<MonthOfUsage> {
  const random = seeded(42);
  let clock = 0;
  const tracker = new AnalyticsTracker({ store: new MemoryAnalyticsStore(), salt: 'test', now: () => clock });
  const expected = { requests: 0, failed: 0, succeeded: 0, noSuggestion: 0, aborted: 0, tokens: 0, costUsd: 0, shown: 0, accepted: 0 };
  let id = 0;
  for (let day = 29; day >= 0; day--) {
    // Weekends are quiet; one day (12 days ago) the service was slow.
    const weekday = new Date(NOW - day * DAY_MS).getUTCDay();
    const requests = weekday === 0 || weekday === 6 ? 6 + Math.floor(random() * 6) : 40 + Math.floor(random() * 30);
    const slow = day === 12 ? 4 : 1;
    for (let i = 0; i < requests; i++) {
      clock = NOW - day * DAY_MS - 6 * 3_600_000 + Math.floor(random() * 8 * 3_600_000);
      const feature: Feature = i % 5 < 3 ? 'inline' : i % 5 === 3 ? 'chat' : 'action';
      const base = feature === 'inline' ? 250 + random() * 450 : 1200 + random() * 4500;
      const latencyMs = Math.round(base * slow * (random() < 0.02 ? 2 : 1));
      const outcome = random() < 0.03 ? 'error' : random() < 0.02 ? 'aborted' : 'success';
      const promptTokens = feature === 'inline' ? 900 + Math.floor(random() * 600) : 2500 + Math.floor(random() * 4000);
      const cachedTokens = feature === 'inline' ? 0 : Math.floor(promptTokens * 0.7);
      const completionTokens = outcome === 'success' ? (feature === 'inline' ? 40 : 400) + Math.floor(random() * 200) : 0;
      const reasoningTokens = feature === 'inline' || outcome !== 'success' ? 0 : 150 + Math.floor(random() * 300);
      const totalTokens = promptTokens + completionTokens + reasoningTokens;
      // List prices of grok-code-fast-1: $0.20 / M input, $0.02 / M cached input, $1.50 / M output.
      const costUsd = ((promptTokens - cachedTokens) * 0.2 + cachedTokens * 0.02 + (completionTokens + reasoningTokens) * 1.5) / 1e6;
      // Every seventh inline success answered nothing to suggest (an empty answer, not an error).
      const noSuggestion = feature === 'inline' && outcome === 'success' && i % 7 === 6;
      const requestId = `r${id++}`;
      tracker.trackRequest({ requestId, userId: 'user', feature, model: 'grok-code-fast-1' });
      await tracker.trackResponse({
        requestId,
        outcome,
        ...(noSuggestion && { noSuggestion }),
        ...(outcome === 'error' ? { errorCode: random() < 0.5 ? 'rate_limited' : 'network_error' } : {}),
        latencyMs,
        timeToFirstTokenMs: outcome === 'success' ? Math.round(latencyMs * 0.35) : null,
        usage: { promptTokens, completionTokens, reasoningTokens, cachedTokens, totalTokens, costUsd },
      });
      expected.requests += 1;
      expected[outcome === 'error' ? 'failed' : outcome === 'aborted' ? 'aborted' : 'succeeded'] += 1;
      expected.tokens += totalTokens;
      expected.costUsd += costUsd;
      if (noSuggestion) expected.noSuggestion += 1;
      else if (feature === 'inline' && outcome === 'success') {
        await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'shown', chars: 40 });
        expected.shown += 1;
        if (i % 3 === 0) {
          await tracker.trackInteraction({ feature: 'inline', model: 'grok-code-fast-1', action: 'accepted', chars: 40 });
          expected.accepted += 1;
        }
      }
    }
  }
  const report = await tracker.generatePerformanceReport(undefined, lastDays(30, NOW));
  return { report: toReportView(report), expected };
}
