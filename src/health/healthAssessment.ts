/** The verdict of one health check, as a pure function of the probe and the request window. */
import * as l10n from '@vscode/l10n';
import { formatDuration } from '../provider/duration';
import { type HealthState } from '../platform/serviceHealth';
import { type WindowFigures } from './requestWindow';

export type { HealthState } from '../platform/serviceHealth';

/** What `provider.getStatus()` reports from a timed `GET /models`. */
export interface ServiceProbe {
  operational: boolean;
  responseTime: number;
  errorRate: number;
  message: string;
}

export interface HealthThresholds {
  /** p95 latency above this is degraded (setting grokCodeFast.health.p95ThresholdMs). */
  p95ThresholdMs: number;
  /** Success rate below this over the window is degraded. Default 0.95. */
  minSuccessRate: number;
  /** Fewer completed requests than this in the window say nothing about success rate or p95. */
  minRequests: number;
}

export interface HealthVerdict {
  state: HealthState;
  /** Why the state is not ok; empty when it is. */
  reasons: string[];
  /** One line for a notification or tooltip. */
  summary: string;
  checkedAt: number;
  /** Absent when the probe itself failed to run. */
  probe?: ServiceProbe;
  window: WindowFigures;
}

export function assessHealth(
  input: { probe: ServiceProbe | Error; window: WindowFigures; checkedAt: number },
  thresholds: HealthThresholds,
): HealthVerdict {
  const { probe, window, checkedAt } = input;
  const reasons: string[] = [];
  let state: HealthState = 'ok';
  if (probe instanceof Error || !probe.operational) {
    state = 'down';
    reasons.push(l10n.t('the service did not answer: {0}', probe.message));
  } else if (probe.responseTime > thresholds.p95ThresholdMs) {
    state = 'degraded';
    reasons.push(l10n.t('the service took {0} to answer a status check', formatDuration(probe.responseTime)));
  }
  if (window.requests >= thresholds.minRequests && window.successRate !== null && window.successRate < thresholds.minSuccessRate) {
    if (state === 'ok') state = 'degraded';
    reasons.push(
      l10n.t('{0} of the last {1} requests succeeded (below {2})', percent(window.successRate), window.requests, percent(thresholds.minSuccessRate)),
    );
  }
  if (window.requests >= thresholds.minRequests && window.p95LatencyMs !== null && window.p95LatencyMs > thresholds.p95ThresholdMs) {
    if (state === 'ok') state = 'degraded';
    reasons.push(l10n.t('p95 latency is {0} (threshold {1})', formatDuration(window.p95LatencyMs), formatDuration(thresholds.p95ThresholdMs)));
  }
  const verdict = { state, reasons, checkedAt, window, summary: summarize(state, reasons, probe) };
  return probe instanceof Error ? verdict : { ...verdict, probe };
}

function summarize(state: HealthState, reasons: string[], probe: ServiceProbe | Error): string {
  if (state === 'ok' && !(probe instanceof Error)) return l10n.t('Grok is healthy (status check answered in {0}).', formatDuration(probe.responseTime));
  const head = state === 'down' ? l10n.t('Grok is unreachable') : l10n.t('Grok is slow or failing');
  return l10n.t('{0}: {1}.', head, reasons.join('; '));
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
