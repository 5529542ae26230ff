/**
 * Both webviews in a pseudo-locale: the host hands the page the extension's own l10n bundle
 * (l10n/bundle.l10n.json as the build extracted it), pseudo-translated and wrapped in ⟦…⟧
 * (test/support/pseudoLocale.ts). In every state the accessibility test checks, each text the page
 * shows and each accessible name, title and placeholder must come from that bundle: an ASCII word
 * outside the brackets is a string the page did not localise. What the page shows of the user's, the
 * model's or the host's own data is not its text; those places are named in DATA, with the reason.
 */
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { type Page } from 'playwright-core';
import { builtBundle, pseudoBundle, unlocalizedWords } from '../support/pseudoLocale';
import { ROOT } from './browserPage';
import { CHAT_STATES } from './chatStates';
import { Harness } from './harness';
import { monthOfUsage, type MonthOfUsage } from './reportData';
import { ReportHarness } from './reportHarness';

const LOCALE = { language: 'qps-ploc', bundle: pseudoBundle(builtBundle(ROOT)) };

/** Elements whose text is data, not the page's words (their attributes are still checked). */
const DATA: { selector: string; reason: string }[] = [
  { selector: '.message-body, .reasoning-body', reason: "the user's message, the model's answer and its reasoning (the code toolbar's names are attributes, still checked)" },
  { selector: 'h1.title', reason: "the conversation's title (the user's first line; its default, New chat, is a bundle text)" },
  { selector: '.code-language', reason: "a code block's language id from the answer's fence" },
  { selector: '.tool-name, .tool-args, .tool-result', reason: 'the tool call as the host reports it (the host localises its summaries)' },
  { selector: '.waiting-status, .error-message, .notice-text', reason: 'texts the host sends already localised (waiting line, error, consent notice)' },
  { selector: '.history-title, .chip-label, .chip[title], .mention', reason: 'conversation titles and file names' },
  { selector: '.message-footer', reason: 'token counts, durations and cost: numbers and units (see UNITS)' },
  { selector: '.report .num, .card-value, .period-text, svg.chart text, [data-table="models"] tbody th, [data-table="days"] tbody th, [data-table="errors"] tbody th', reason: "the report's figures, dates, model ids and error codes: en-US by design (report/format.ts)" },
];

/** Names that stay as they are in every language. */
const NAMES = new Set(['Grok', 'Code', 'Fast', 'xAI']);

/** Units the pages write after numbers (provider/duration.ts, webview formats), never translated. */
const UNITS = /\b\d[\d.,]*\s?(ms|min|s|h|K|M)\b/g;

/** Every text node outside DATA and every accessible name, title and placeholder on the page. */
const PAGE_TEXTS = (skip: string) => `(() => {
  const skip = ${JSON.stringify(skip)};
  const texts = [];
  const describe = (element) => element.tagName.toLowerCase() + (typeof element.className === 'string' && element.className !== '' ? '.' + element.className.split(' ').join('.') : '');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent === null || parent.closest(skip) !== null || parent.closest('script, style') !== null) continue;
      const text = (node.textContent || '').trim();
      if (text !== '') texts.push({ where: describe(parent), text });
      continue;
    }
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
      const value = node.getAttribute(name);
      if (value !== null && !(name === 'title' && node.closest(skip) !== null)) texts.push({ where: describe(node) + '[' + name + ']', text: value });
    }
  }
  return texts;
})()`;

/** `where: text (words)` for each text on the page with ASCII words outside ⟦…⟧. */
async function unlocalized(page: Page): Promise<string[]> {
  const found = (await page.evaluate(PAGE_TEXTS(DATA.map((d) => d.selector).join(', ')))) as { where: string; text: string }[];
  return found.flatMap(({ where, text }) => {
    const words = unlocalizedWords(text.replace(UNITS, ' '), NAMES);
    return words.length === 0 ? [] : [`${where}: ${JSON.stringify(text)} (${words.join(', ')})`];
  });
}

/** The host's side in the same locale: renderPage's title and root label come from its @vscode/l10n. */
function hostInLocale(): void {
  before(() => l10n.config({ contents: LOCALE.bundle }));
  after(() => l10n.config({ contents: {} }));
}

describe('localisation: both webviews in a pseudo-locale show only texts from the bundle', () => {
  it('finds an unlocalised word and passes a localised text', () => {
    assert.deepEqual(unlocalizedWords('⟦Ŝḗḗƞḓ⟧ Send', NAMES), ['Send']);
    assert.deepEqual(unlocalizedWords('⟦Ḿǿḓḗŀ: ⟦ĝřǿķ⟧ grok-4.3⟧ · Grok', NAMES), []);
  });

  describe('chat webview', () => {
    hostInLocale();
    let harness: Harness;
    before(async () => {
      harness = await Harness.start(LOCALE);
    });
    after(async () => harness.close());

    for (const { name, reach } of CHAT_STATES) {
      it(`${name}: every text is localised`, async () => {
        const { chat, errors } = await harness.open();
        try {
          await reach(chat);
          assert.equal(await chat.page.getAttribute('html', 'lang'), 'qps-ploc');
          assert.deepEqual(await unlocalized(chat.page), []);
          assert.deepEqual(errors, [], 'no page errors');
        } finally {
          await chat.page.context().close();
        }
      });
    }
  });

  describe('report webview', () => {
    hostInLocale();
    let harness: ReportHarness;
    let usage: MonthOfUsage;
    before(async () => {
      [harness, usage] = await Promise.all([ReportHarness.start(LOCALE), monthOfUsage()]);
    });
    after(async () => harness.close());

    it('a month of usage, every table open: every text is localised', async () => {
      const report = await harness.open({ width: 1180, height: 2600 });
      try {
        await report.fromHost({ type: 'report', period: 30, analyticsEnabled: false, report: usage.report });
        for (const summary of await report.page.locator('summary').all()) await summary.click();
        assert.deepEqual(await unlocalized(report.page), []);
      } finally {
        await report.page.context().close();
      }
    });

    it('loading, then no requests: every text is localised', async () => {
      const report = await harness.open();
      try {
        await report.fromHost({ type: 'loading', period: 7 });
        assert.deepEqual(await unlocalized(report.page), []);
        const empty = { ...usage.report, totalRequests: 0, inline: { ...usage.report.inline, shown: 0 } };
        await report.fromHost({ type: 'report', period: 7, analyticsEnabled: true, report: empty });
        assert.deepEqual(await unlocalized(report.page), []);
      } finally {
        await report.page.context().close();
      }
    });
  });
});
