/** Instances of issue 17's CSV kind that the issue did not show, invented by a review. */
import * as assert from 'node:assert/strict';
import { exportCsv } from '../../../../src/provider/analytics/analyticsExport';
import { type AnalyticsEvent } from '../../../../src/provider/analytics/analyticsEvent';

function requestEvent(overrides: Partial<Extract<AnalyticsEvent, { kind: 'request' }>>): AnalyticsEvent {
  return {
    kind: 'request', v: 1, time: 0, requestId: 'r', userHash: 'h', feature: 'chat', model: 'grok-4.3', outcome: 'error',
    errorCode: 'rate_limited', latencyMs: 1, ttftMs: null, promptTokens: 1, completionTokens: 2, reasoningTokens: 0,
    cachedTokens: 0, totalTokens: 3, costUsd: 0.5, ...overrides,
  };
}

describe('issue 17, invented instances: CSV cells starting with "-"', () => {
  it('a negative number stays a number; a text that looks like arithmetic is text', () => {
    const row = exportCsv([requestEvent({ ttftMs: -12.5, model: '-2+3+cmd|"/C calc"!A0' })]).split('\r\n')[1]!;
    const cells = row.split(',');
    assert.ok(cells.includes('-12.5'), row);
    assert.ok(row.includes(`"'-2+3+cmd|""/C calc""!A0"`), row);
  });

  it('a text that is only a negative number is still text', () => {
    const row = exportCsv([requestEvent({ requestId: '-1' })]).split('\r\n')[1]!;
    assert.ok(row.split(',').includes("'-1"), row);
  });
});
