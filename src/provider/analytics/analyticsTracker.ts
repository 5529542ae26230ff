/**
 * Records each request's outcome once and the inline surface's interactions, into a local store only.
 * User ids are kept as salted hashes; when `enabled()` is false nothing is kept at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import { safeErrorCode, safeModelId } from '../identifiers';
import { type Feature, type Usage } from '../types';
import { type AnalyticsEvent, type InteractionEvent, type RequestEvent } from './analyticsEvent';
import { exportCsv, exportJson } from './analyticsExport';
import { type AnalyticsStore, MemoryAnalyticsStore } from './analyticsStore';
import { DAY_MS } from './dailyAggregate';
import { buildPerformanceReport, type PerformanceReport } from './performanceReport';
import { RequestMetrics, type RequestMetricsSnapshot } from './requestMetrics';

/**
 * analyticsTracker's collaborators: the store (memory by default), the salt user ids are hashed with, the clock, and
 * `enabled()` (false: nothing is stored).
 */
export interface AnalyticsTrackerOptions {
  store?: AnalyticsStore;
  /**
   * Persist it (e.g. in globalState) so hashes stay comparable across sessions; random if absent. A
   * function is asked at each request, so a salt replaced later (a new identity) takes effect at once.
   */
  salt?: string | (() => string);
  enabled?: () => boolean;
  now?: () => number;
}

/** A request's end as the tracker records it: outcome, error code (errors only), usage, latency and time to first token in ms. */
export interface TrackedResponse {
  requestId: string;
  outcome: 'success' | 'error' | 'aborted';
  /** A success with an empty answer: ghost text with nothing to suggest. */
  noSuggestion?: true;
  errorCode?: string;
  /** The response's `model`: the model that answered. */
  servedModel?: string;
  usage?: Usage;
  timeToFirstTokenMs?: number | null;
  /** null when the request was refused before it was sent. */
  latencyMs: number | null;
}

/** Requests whose response never came are forgotten beyond this many. */
const MAX_PENDING = 1000;
const DEFAULT_REPORT_DAYS = 30;
const SESSION_METRICS_WINDOW = 10_000;

/**
 * Records each request's outcome once and the inline interactions into a local store, user ids as salted SHA-256 hashes;
 * builds the performance report (from daily aggregates) and the JSON/CSV exports. Store failures reject the returned promises;
 * nothing is ever sent anywhere.
 */
export class AnalyticsTracker {
  private readonly store: AnalyticsStore;
  private readonly salt: () => string;
  private readonly enabled: () => boolean;
  private readonly now: () => number;
  private readonly pending = new Map<string, { userHash: string; feature: Feature; model: string }>();
  /** Every outcome counts here, aborted ones too, over a wider window than the provider's. */
  private readonly session = new RequestMetrics(SESSION_METRICS_WINDOW);

  constructor(options: AnalyticsTrackerOptions = {}) {
    this.store = options.store ?? new MemoryAnalyticsStore();
    const salt = options.salt ?? randomBytes(16).toString('hex');
    this.salt = typeof salt === 'function' ? salt : () => salt;
    this.enabled = options.enabled ?? (() => true);
    this.now = options.now ?? Date.now;
  }

  trackRequest(e: { requestId: string; userId: string; feature: Feature; model: string }): void {
    if (!this.enabled()) return;
    this.pending.set(e.requestId, { userHash: this.hashUser(e.userId), feature: e.feature, model: safeModelId(e.model) });
    if (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
  }

  /** Appends one `request` event; a second call for the same request, or one never tracked, does nothing. */
  async trackResponse(e: TrackedResponse): Promise<void> {
    const request = this.pending.get(e.requestId);
    if (!request) return;
    this.pending.delete(e.requestId);
    if (!this.enabled()) return;
    const usage = e.usage;
    const event: RequestEvent = {
      kind: 'request',
      v: 1,
      time: this.now(),
      requestId: e.requestId,
      ...request,
      ...(e.servedModel !== undefined && safeModelId(e.servedModel) !== request.model && { servedModel: safeModelId(e.servedModel) }),
      outcome: e.outcome,
      ...(e.outcome === 'success' && e.noSuggestion === true && { noSuggestion: true as const }),
      ...(e.outcome === 'error' ? { errorCode: safeErrorCode(e.errorCode ?? 'unknown') } : {}),
      latencyMs: e.latencyMs === null ? null : nonNegative(e.latencyMs),
      ttftMs: e.timeToFirstTokenMs === undefined || e.timeToFirstTokenMs === null ? null : nonNegative(e.timeToFirstTokenMs),
      promptTokens: count(usage?.promptTokens),
      completionTokens: count(usage?.completionTokens),
      reasoningTokens: count(usage?.reasoningTokens),
      cachedTokens: count(usage?.cachedTokens),
      totalTokens: count(usage?.totalTokens),
      costUsd: nonNegative(usage?.costUsd ?? 0),
    };
    this.session.add(event);
    await this.store.append(event);
  }

  async trackInteraction(e: { feature: 'inline'; model: string; action: 'shown' | 'accepted' | 'partial'; chars: number }): Promise<void> {
    if (!this.enabled()) return;
    const event: InteractionEvent = { kind: 'interaction', v: 1, time: this.now(), ...e, model: safeModelId(e.model), chars: count(e.chars) };
    await this.store.append(event);
  }

  /** Over this session's requests (since the tracker was made or its data deleted). */
  getMetrics(): RequestMetricsSnapshot {
    return this.session.snapshot();
  }

  /**
   * Over whole UTC days overlapping the period (default: the last 30 days); with `modelId`, the requests asked of that model
   * or answered by it (a name another model serves still counts its requests).
   */
  async generatePerformanceReport(modelId?: string, period?: { start: Date; end: Date }): Promise<PerformanceReport> {
    const range = period ?? this.defaultPeriod();
    const aggregates = await this.store.dailyAggregates({ start: range.start.getTime(), end: range.end.getTime() });
    return buildPerformanceReport(aggregates, range, modelId);
  }

  async exportAnalytics(q: { modelId?: string; period: { start: Date; end: Date }; format?: 'json' | 'csv' }): Promise<string> {
    const events: AnalyticsEvent[] = [];
    for await (const event of this.store.events({ start: q.period.start.getTime(), end: q.period.end.getTime() })) {
      if (q.modelId === undefined || event.model === q.modelId) events.push(event);
    }
    return q.format === 'csv' ? exportCsv(events) : exportJson(events, q.period, new Date(this.now()));
  }

  async deleteAll(): Promise<void> {
    this.pending.clear();
    this.session.reset();
    await this.store.deleteAll();
  }

  private hashUser(userId: string): string {
    return createHash('sha256').update(this.salt() + userId).digest('hex');
  }

  private defaultPeriod(): { start: Date; end: Date } {
    const end = this.now();
    return { start: new Date(end - DEFAULT_REPORT_DAYS * DAY_MS), end: new Date(end) };
  }
}

function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}

function nonNegative(value: number): number {
  return Number.isFinite(value) ? Math.max(0, value) : 0;
}
