/**
 * What a screen reader is told: a streamed answer once, when it ends, through the polite live region
 * (never token by token); a live error assertively, once; icon buttons by name; the report's charts
 * through a table of the same figures.
 */
import * as assert from 'node:assert/strict';
import { CODE_ANSWER } from './chatStates';
import { useChatPage } from './harness';
import { assistant, deltas, READY_STATUS, state, stream, user } from './messages';
import { monthOfUsage } from './reportData';
import { ReportHarness } from './reportHarness';

describe('screen readers: chat webview', () => {
  const suite = useChatPage();

  /** Counts every change of the live regions' text from now on, and keeps what they said. */
  async function watchAnnouncements(): Promise<void> {
    await suite.chat.page.evaluate(`(() => {
      window.__announced = [];
      const region = document.querySelector('[data-announcer]');
      new MutationObserver(() => window.__announced.push(region.textContent)).observe(region, { subtree: true, childList: true, characterData: true });
    })()`);
  }
  const announced = () => suite.chat.page.evaluate('window.__announced') as Promise<string[]>;

  it('announces a streamed answer once, when it ends, as text without markdown; the transcript itself is not live', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'Debounce it?')], { status: { ...READY_STATUS, busy: true } }));
    await watchAnnouncements();
    const region = chat.page.locator('[data-announcer]');
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    assert.equal(await chat.page.getByRole('log', { name: 'Conversation' }).getAttribute('aria-live'), 'off');

    for (const text of deltas(CODE_ANSWER, 7)) await chat.fromHost(stream('a1', { kind: 'contentDelta', text }));
    assert.deepEqual(await announced(), [], 'nothing is announced while tokens arrive');
    await chat.fromHost(stream('a1', { kind: 'done' }));
    const said = await announced();
    assert.equal(said.length, 1, `one announcement: ${JSON.stringify(said)}`);
    assert.match(said[0]!, /^Grok said: Debounce the handler and reuse the parsed config:/);
    assert.match(said[0]!, /const reload = debounce/);
    assert.doesNotMatch(said[0]!, /```|\*\*|Copy code/, 'rendered text, no markdown or button names');

    await chat.fromHost(state([user('u1', 'Debounce it?'), assistant('a1', CODE_ANSWER)]));
    assert.equal((await announced()).length, 1, 'the final snapshot announces nothing more');
  });

  it('announces a live error assertively, once; an error restored from history is not announced', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'q')], { status: { ...READY_STATUS, busy: true } }));
    await watchAnnouncements();
    await chat.fromHost(stream('a1', { kind: 'contentDelta', text: 'Part' }));
    await chat.fromHost(stream('a1', { kind: 'error', error: { code: 'rate_limited', message: 'Rate limited by xAI (429).', action: 'retry', retryAfter: 30 } }));
    const alert = chat.page.getByRole('alert');
    assert.match(await alert.innerText(), /^Rate limited by xAI \(429\)\.\s*Retry\s*Retrying in 30 s$/);
    assert.equal(await alert.locator('[aria-live]').count(), 0, 'the countdown is not announced every second');
    assert.deepEqual(await announced(), [], 'a failed answer is not also read as an answer');
    await chat.fromHost(state([user('u1', 'q'), assistant('a1', 'Part', { error: { code: 'rate_limited', message: 'Rate limited by xAI (429).', action: 'retry' } })]));
    assert.equal(await chat.page.getByRole('alert').count(), 1, 'the same alert, not a second one');

    const { chat: reloaded } = await suite.harness.open();
    try {
      await reloaded.fromHost(state([user('u1', 'q'), assistant('a1', 'Part', { error: { code: 'network_error', message: 'The connection dropped.', action: 'retry' } })]));
      assert.ok(await reloaded.page.getByText('The connection dropped.').isVisible());
      assert.equal(await reloaded.page.getByRole('alert').count(), 0, 'history is not read out as a new error');
    } finally {
      await reloaded.page.context().close();
    }
  });

  it('names every button, icon buttons included, and hides the icons themselves', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'q'), assistant('a1', CODE_ANSWER)], { chips: [{ id: 'f1', kind: 'file', label: 'app.ts', path: 'src/app.ts' }] }));
    const buttons = await chat.page.locator('button').evaluateAll((all) =>
      all.map((b) => ({ label: b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '', iconOnly: b.textContent?.trim() === '', icons: b.querySelectorAll('svg:not([aria-hidden="true"])').length })));
    assert.ok(buttons.filter((b) => b.iconOnly).length >= 12, 'the toolbar, code and message buttons are icon buttons');
    assert.deepEqual(buttons.filter((b) => b.label === ''), [], 'every button has a name');
    assert.deepEqual(buttons.filter((b) => b.icons > 0), [], 'icons are hidden from screen readers');
  });
});

describe('screen readers: report webview', () => {
  it('gives each chart a name and a table of its figures', async () => {
    const [harness, usage] = await Promise.all([ReportHarness.start(), monthOfUsage()]);
    try {
      const page = await harness.open();
      await page.fromHost({ type: 'report', period: 30, analyticsEnabled: true, report: usage.report });
      const charts = page.page.getByRole('img');
      assert.deepEqual(await charts.evaluateAll((all) => all.map((c) => c.getAttribute('aria-label'))), [
        'Requests per day with p95 latency (the table By day lists the figures)',
        'Latency distribution (its table follows the chart)',
      ]);
      const days = page.page.locator('table[data-table="days"] tbody tr');
      assert.equal(await days.count(), usage.report.byDay.length, 'a row per day with requests');
      const buckets = page.page.locator('table[data-table="latency-buckets"] tbody tr td');
      const counted = (await buckets.allTextContents()).reduce((sum, n) => sum + Number(n.replace(/,/g, '')), 0);
      assert.equal(counted, usage.report.latencyHistogram.reduce((sum, b) => sum + b.count, 0), 'the table holds every request of the histogram');
      assert.deepEqual(page.errors, []);
    } finally {
      await harness.close();
    }
  });
});
