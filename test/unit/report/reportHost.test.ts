import * as assert from 'node:assert/strict';
import { AnalyticsTracker, MemoryAnalyticsStore } from '../../../src/provider/analytics';
import { parseFromReport, parseToReport } from '../../../src/report/protocol';
import { renderPage } from '../../../src/platform/webviewHtml';
import { allTime, lastDays } from '../../../src/provider/analytics/reportPeriod';
import { toReportView } from '../../../src/report/reportView';

const NOW = Date.parse('2026-11-25T15:30:00Z');

describe('report host: periods, the view sent to the webview, the page', () => {
  it('covers N whole UTC days, today included, up to now', () => {
    assert.deepEqual(lastDays(7, NOW), { start: new Date('2026-11-19T00:00:00Z'), end: new Date(NOW + 1) });
    assert.deepEqual(lastDays(1, NOW).start, new Date('2026-11-25T00:00:00Z'));
    assert.deepEqual(allTime(NOW), { start: new Date(0), end: new Date(NOW + 1) });
  });

  it('sends a report the webview protocol accepts, the open-ended bucket as null', async () => {
    let clock = NOW - 3_600_000;
    const tracker = new AnalyticsTracker({ store: new MemoryAnalyticsStore(), now: () => clock });
    for (const [i, latencyMs] of [120, 900, 700_000].entries()) {
      tracker.trackRequest({ requestId: `r${i}`, userId: 'u', feature: 'chat', model: 'm' });
      await tracker.trackResponse({ requestId: `r${i}`, outcome: 'success', latencyMs, timeToFirstTokenMs: 50 });
      clock += 1000;
    }
    const report = await tracker.generatePerformanceReport(undefined, lastDays(7, NOW));
    assert.equal(report.latencyHistogram.at(-1)?.toMs, Infinity);
    const view = toReportView(report);
    assert.equal(view.latencyHistogram.at(-1)?.toMs, null);
    // What postMessage carries is JSON: the view survives it and parses on the other side.
    const message = parseToReport(JSON.parse(JSON.stringify({ type: 'report', period: 7, analyticsEnabled: true, report: view })));
    assert.equal(message?.type === 'report' && message.report.totalRequests, 3);
  });

  it('accepts only the protocol’s messages from the webview', () => {
    assert.deepEqual(parseFromReport({ type: 'setPeriod', period: 90 }), { type: 'setPeriod', period: 90 });
    assert.equal(parseFromReport({ type: 'setPeriod', period: 14 }), undefined);
    assert.equal(parseFromReport({ type: 'runCommand', command: 'grokCodeFast.deleteMyData' }), undefined);
    assert.equal(parseFromReport('ready'), undefined);
  });

  it('builds the page with a nonce-only script policy and escaped attributes', () => {
    const html = renderPage('report', { cspSource: 'vscode-resource:', nonce: 'n"1', scriptUri: 'a.js?x=<y>', styleUri: 's.css' });
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.equal(policy, "default-src 'none'; script-src 'nonce-n&quot;1'; style-src vscode-resource:; img-src vscode-resource: data:");
    assert.match(html, /<script nonce="n&quot;1" src="a.js\?x=&lt;y&gt;"><\/script>/);
    assert.doesNotMatch(html, /<style|style="/);
  });
});
