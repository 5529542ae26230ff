import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AnalyticsTracker } from '../../src/provider/analytics';
import { lastDays } from '../../src/provider/analytics/reportPeriod';
import { toReportView } from '../../src/report/reportView';
import { type MonthOfUsage, monthOfUsage, NOW } from './reportData';
import { NONCE, ReportHarness, type ReportPage, ROOT } from './reportHarness';

const SCREENSHOT = resolve(ROOT, 'media/screenshots/report.png');
const integer = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;
const ms = (value: number) => (value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`);

describe('report webview', () => {
  let harness: ReportHarness;
  let usage: MonthOfUsage;
  let page: ReportPage;

  before(async () => {
    [harness, usage] = await Promise.all([ReportHarness.start(), monthOfUsage()]);
  });
  after(async () => harness.close());
  beforeEach(async () => {
    page = await harness.open();
  });
  afterEach(async () => {
    await page.page.context().close();
    assert.deepEqual(page.errors, [], 'no page errors or CSP violations');
  });

  const showMonth = () => page.fromHost({ type: 'report', period: 30, analyticsEnabled: true, report: usage.report });

  it('says ready with the default period of 30 days', async () => {
    assert.deepEqual(await page.posted(), [{ type: 'ready', period: 30 }]);
    assert.equal(await page.page.locator('button[data-period="30"]').getAttribute('aria-pressed'), 'true');
  });

  it('shows the month’s figures as counted from the events', async () => {
    await showMonth();
    const { expected, report } = usage;
    assert.ok(expected.failed > 0 && expected.aborted > 0, 'the data set has failures and cancellations');
    assert.deepEqual(await page.metric('requests'), { value: integer.format(expected.requests), detail: `${expected.failed} failed` });
    assert.equal((await page.metric('successRate')).value, percent(expected.succeeded, expected.succeeded + expected.failed));
    assert.ok(expected.noSuggestion > 0, 'the data set has empty inline answers');
    assert.deepEqual(await page.metric('noSuggestion'), { value: integer.format(expected.noSuggestion), detail: 'empty inline answers, not errors' });
    assert.equal((await page.metric('tokens')).value, compact.format(expected.tokens));
    assert.equal((await page.metric('cost')).value, `$${expected.costUsd.toFixed(expected.costUsd < 1 ? 4 : 2)}`);
    assert.deepEqual(await page.metric('inlineAcceptRate'), {
      value: percent(expected.accepted, expected.shown),
      detail: `${integer.format(expected.accepted)} of ${integer.format(expected.shown)} shown`,
    });
    assert.deepEqual(await page.metric('latencyP95'), { value: ms(report.latency.p95), detail: `p99 ${ms(report.latency.p99)}` });
    assert.deepEqual(await page.metric('latencyP50'), { value: ms(report.latency.p50), detail: `mean ${ms(report.latency.mean)}` });
    assert.equal((await page.metric('cacheHitRate')).value, percent(report.tokens.cached, report.tokens.prompt));
    assert.equal((await page.metric('ttftP50')).value, ms(report.timeToFirstToken.p50));

    const features = page.page.locator('table[data-table="features"] tbody tr');
    assert.equal(await features.count(), 3);
    assert.match(await features.first().innerText(), new RegExp(`^Inline completions\\s+${report.byFeature.inline!.totalRequests}\\s`));
    const errors = await page.page.locator('table[data-table="errors"] tbody').innerText();
    assert.match(errors, /rate_limited/);
    assert.match(errors, /network_error/);
    assert.equal(await page.page.locator('table[data-table="days"] tbody tr').count(), report.byDay.length);
    const models = page.page.locator('table[data-table="models"] tbody tr');
    assert.equal(await models.count(), report.byModel.length);
    assert.match(await models.first().innerText(), new RegExp(`^${report.byModel[0].model}\\s+${integer.format(report.byModel[0].requests)}\\s`));
  });

  it('draws the charts as inline SVG: a bar per day with the p95 line, and the latency histogram', async () => {
    await showMonth();
    const daily = page.page.locator('svg.daily-chart');
    assert.equal(await daily.getAttribute('role'), 'img');
    assert.equal(await daily.locator('rect.bar').count(), 30, 'one bar per day of the period');
    assert.equal(await daily.locator('circle.p95-dot').count(), usage.report.byDay.length, 'a p95 point per day with requests');
    assert.match((await daily.locator('path.p95-line').getAttribute('d')) ?? '', /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){29}$/);
    // The slow day (12 days ago) has the highest p95 point, so the smallest y.
    const slowDay = new Date(NOW - 12 * 86_400_000).toISOString().slice(0, 10);
    const tips = await daily.locator('circle.p95-dot title').allTextContents();
    const ys = await daily.locator('circle.p95-dot').evaluateAll((dots) => dots.map((dot) => Number(dot.getAttribute('cy'))));
    assert.ok(tips[ys.indexOf(Math.min(...ys))].startsWith(slowDay), 'the slow day peaks');

    const histogram = page.page.locator('svg.histogram-chart');
    assert.equal(await histogram.locator('rect.bar').count(), usage.report.latencyHistogram.length);
    assert.ok(usage.report.latencyHistogram.length >= 5);
    assert.equal(await histogram.locator('line.marker-p50').count(), 1);
    assert.equal(await histogram.locator('line.marker-p95').count(), 1);
    const heights = await histogram.locator('rect.bar').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('height'))));
    const counts = usage.report.latencyHistogram.map((b) => b.count);
    assert.equal(heights.indexOf(Math.max(...heights)), counts.indexOf(Math.max(...counts)), 'the tallest bar is the fullest bucket');
  });

  it('carries the strict Content-Security-Policy and no inline styles', async () => {
    await showMonth();
    const csp = await page.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.equal(csp, `default-src 'none'; script-src 'nonce-${NONCE}'; style-src ${harness.origin}; img-src ${harness.origin} data:`);
    assert.equal(await page.page.locator('[style]').count(), 0);
  });

  it('takes every colour from --vscode-* theme variables', () => {
    const css = readFileSync(resolve(ROOT, 'dist/webview/report-style.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(css, /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i, 'no literal colours');
    assert.match(css, /var\(--vscode-charts-blue\)/);
  });

  it('drops and logs an invalid message, keeping what it shows', async () => {
    await showMonth();
    const before = await page.metric('requests');
    await page.fromHost({ type: 'report', period: 30, analyticsEnabled: true, report: { ...usage.report, totalRequests: 'lots' } });
    await page.fromHost({ type: 'report', period: 14, analyticsEnabled: true, report: usage.report });
    await page.fromHost({ type: 'takeOver' });
    assert.deepEqual(await page.metric('requests'), before);
    assert.equal(page.warnings.filter((w) => w.includes('dropped an invalid message')).length, 3);
  });

  it('asks the host for another period and shows it loading, and asks for an export', async () => {
    await showMonth();
    await page.page.getByRole('button', { name: '7 days' }).click();
    assert.deepEqual((await page.posted()).at(-1), { type: 'setPeriod', period: 7 });
    assert.equal(await page.page.locator('button[data-period="7"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.page.locator('button[data-period="30"]').getAttribute('aria-pressed'), 'false');
    await page.fromHost({ type: 'loading', period: 7 });
    assert.equal(await page.page.getByRole('status').innerText(), 'Loading…');
    await page.page.getByRole('button', { name: 'Export…' }).click();
    assert.deepEqual((await page.posted()).at(-1), { type: 'export' });
  });

  it('shows an empty state and says when analytics is off', async () => {
    const empty = await new AnalyticsTracker({ now: () => NOW }).generatePerformanceReport(undefined, lastDays(7, NOW));
    await page.fromHost({ type: 'report', period: 7, analyticsEnabled: false, report: toReportView(empty) });
    assert.match(await page.page.locator('[data-notice="analytics-off"]').innerText(), /Analytics is turned off/);
    assert.equal(await page.page.locator('[data-empty]').locator('h2').innerText(), 'No requests in the last 7 days');
    assert.equal(await page.page.locator('svg').count(), 0);
  });

  it('says so when the report could not be built', async () => {
    await page.fromHost({ type: 'failed', period: 30, message: 'disk full' });
    assert.equal(await page.page.getByRole('alert').innerText(), 'The report could not be built: disk full');
  });

  for (const width of [800, 700]) it(`at a normal editor width (${width} px) clips no column: Latency p99 and the per-feature Cost are whole, one unit per axis (issue 24 item 8)`, async () => {
    const narrow = await harness.open({ width, height: 900 });
    try {
      await narrow.fromHost({ type: 'report', period: 30, analyticsEnabled: true, report: usage.report });
      const [view, scrollWidth] = (await narrow.page.evaluate('[document.documentElement.clientWidth, document.documentElement.scrollWidth]')) as number[];
      const tables = (await narrow.page.locator('table').evaluateAll((elements) =>
        elements
          .filter((table) => table.checkVisibility())
          .map((table) => {
            const box = table.getBoundingClientRect();
            const parent = table.parentElement!.getBoundingClientRect();
            const cells = [...table.querySelectorAll('th, td')].map((cell) => {
              const c = cell.getBoundingClientRect();
              return { text: cell.textContent ?? '', right: c.right, overflows: cell.scrollWidth > cell.clientWidth + 0.5 };
            });
            return { name: table.getAttribute('data-table') ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom, parentRight: parent.right, cells };
          }),
      )) as { name: string; left: number; right: number; top: number; bottom: number; parentRight: number; cells: { text: string; right: number; overflows: boolean }[] }[];
      const measured = { view, scrollWidth, tables };
      assert.ok(measured.scrollWidth <= measured.view, `the page scrolls sideways: ${measured.scrollWidth} > ${measured.view}`);
      for (const table of measured.tables) {
        assert.ok(table.right <= Math.min(measured.view, table.parentRight) + 0.5, `${table.name} is wider than its place (${table.right} > ${table.parentRight})`);
        for (const cell of table.cells) {
          assert.ok(cell.right <= table.right + 0.5 && cell.right <= measured.view + 0.5, `${table.name}: "${cell.text}" is cut at the right`);
          assert.equal(cell.overflows, false, `${table.name}: "${cell.text}" overflows its cell`);
        }
      }
      const overlapping = measured.tables.flatMap((a, i) =>
        measured.tables.slice(i + 1).filter((b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5).map((b) => `${a.name}/${b.name}`),
      );
      assert.deepEqual(overlapping, [], 'no two tables overlap');
      const byName = (name: string) => measured.tables.find((table) => table.name === name)!;
      assert.ok(byName('latency').cells.some((cell) => cell.text === 'p99'), 'the Latency table has its p99 column');
      assert.ok(byName('features').cells.some((cell) => cell.text === 'Cost'), 'the By feature table has its Cost column');
      // One unit per chart axis.
      for (const selector of ['svg.daily-chart .axis-right text', 'svg.histogram-chart text.axis-label']) {
        const labels = await narrow.page.locator(selector).allTextContents();
        const units = new Set(labels.map((label) => /[a-z]+$/.exec(label)?.[0]));
        assert.ok(labels.length >= 3, `${selector}: ${labels.join(' / ')}`);
        assert.equal(units.size, 1, `${selector} mixes units: ${labels.join(' / ')}`);
      }
      assert.deepEqual(narrow.errors, []);
    } finally {
      await narrow.page.context().close();
    }
  });

  it('looks right: everything laid out inside the page, nothing overlapping (screenshot in media/screenshots/report.png)', async () => {
    await showMonth();
    const blocks = page.page.locator('.cards > *, svg.daily-chart, svg.histogram-chart, table');
    const boxes = (await blocks.evaluateAll((elements) =>
      // a table folded in a closed <details> keeps a layout box but is not shown
      elements.filter((element) => element.checkVisibility()).map((element) => {
        const box = element.getBoundingClientRect();
        return { tag: element.tagName, left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, height: box.height };
      }),
    )) as { tag: string; left: number; right: number; top: number; bottom: number; width: number; height: number }[];
    const [width, scrollWidth] = (await page.page.evaluate('[document.documentElement.clientWidth, document.documentElement.scrollWidth]')) as number[];
    const layout = { width, scrollWidth, boxes };
    assert.ok(layout.boxes.length >= 5, `cards, charts and tables are drawn (${layout.boxes.length})`);
    assert.ok(layout.scrollWidth <= layout.width, `no horizontal scrolling: ${layout.scrollWidth} > ${layout.width}`);
    for (const box of layout.boxes) {
      assert.ok(box.width > 0 && box.height > 0, `${box.tag} has a size`);
      assert.ok(box.left >= 0 && box.right <= layout.width + 0.5, `${box.tag} fits the width (${box.left}..${box.right} of ${layout.width})`);
    }
    const overlapping = layout.boxes.flatMap((a, i) =>
      layout.boxes.slice(i + 1).filter((b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5).map((b) => `${a.tag}/${b.tag}`),
    );
    assert.deepEqual(overlapping, [], 'no two blocks overlap');
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    const png = await page.page.screenshot({ path: SCREENSHOT, fullPage: true });
    // PNG signature, then the IHDR width and height (big-endian) at bytes 16..23.
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(png.readUInt32BE(16) > 0 && png.readUInt32BE(20) > 0);
  });
});
