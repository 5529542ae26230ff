/**
 * WCAG 2.1 AA over both webviews, checked by axe-core (@axe-core/playwright) in the very pages the
 * extension serves: the chat panel in its main states and the Performance Report, each in VS Code's
 * Dark Modern, Light Modern and Dark High Contrast themes (fixtures/vscode-<theme>.css). A state
 * passes with zero violations; the only exceptions are the ones named in EXCEPTIONS, with the reason.
 */
import * as assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { type Page } from 'playwright-core';
import { THEMES, type Theme } from './browserPage';
import { CHAT_STATES } from './chatStates';
import { Harness } from './harness';
import { monthOfUsage, type MonthOfUsage } from './reportData';
import { ReportHarness } from './reportHarness';

/** The WCAG 2.0 and 2.1 success criteria of levels A and AA, as axe tags them. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Rules not run, each with why (none so far: every rule of WCAG 2.1 AA runs). */
const EXCEPTIONS: { rule: string; reason: string }[] = [];

/**
 * axe's violations on the page as `rule: target (summary)` lines, so a failure says what to fix; and
 * the checks axe could not decide ("incomplete"), but for the text inside SVG charts, which axe cannot
 * see behind (chartTextContrast measures it).
 */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_21_AA)
    .disableRules(EXCEPTIONS.map((e) => e.rule))
    .analyze();
  const line = (kind: string) => (v: (typeof results.violations)[number]) =>
    v.nodes.map((n) => `${kind}${v.id}: ${n.target.join(' ')} (${(n.failureSummary ?? n.any.map((c) => c.message).join('; ')).replace(/\s+/g, ' ')})`);
  const undecided = results.incomplete.map((v) => ({ ...v, nodes: v.nodes.filter((n) => v.id !== 'color-contrast' || !n.html.startsWith('<text')) }));
  return [...results.violations.flatMap(line('')), ...undecided.flatMap(line('undecided '))];
}

/**
 * The contrast of every text in the report's SVG charts against its card (WCAG 1.4.3, 4.5:1 at its
 * size), by axe's own colour maths, as `ratio text` for those below.
 */
async function lowContrastChartText(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const color = window.axe.commons.color;
    const parse = (value) => new color.Color().parseString(value);
    return [...document.querySelectorAll('svg.chart text')].flatMap((text) => {
      const card = text.closest('.chart-card');
      if (card === null) return ['no card around ' + text.textContent];
      const ratio = color.getContrast(parse(getComputedStyle(card).backgroundColor), parse(getComputedStyle(text).fill));
      return ratio < 4.5 ? [ratio.toFixed(2) + ' ' + text.textContent] : [];
    });
  })()`) as Promise<string[]>;
}

describe('accessibility: axe-core, WCAG 2.1 AA, three themes', () => {
  describe('chat webview', () => {
    let harness: Harness;
    before(async () => {
      harness = await Harness.start();
    });
    after(async () => harness.close());

    for (const theme of THEMES) {
      for (const { name, reach } of CHAT_STATES) {
        it(`${name}, ${theme}: no violations`, async () => {
          const { chat, errors } = await harness.open(undefined, undefined, theme);
          try {
            await reach(chat);
            assert.deepEqual(await violations(chat.page), []);
            assert.deepEqual(errors, [], 'no page errors or CSP violations');
          } finally {
            await chat.page.context().close();
          }
        });
      }
    }
  });

  describe('report webview', () => {
    let harness: ReportHarness;
    let usage: MonthOfUsage;
    before(async () => {
      [harness, usage] = await Promise.all([ReportHarness.start(), monthOfUsage()]);
    });
    after(async () => harness.close());

    const REPORT_STATES: { name: string; reach(theme: Theme): Promise<Page> }[] = [
      {
        name: 'a month of usage, days table open',
        async reach(theme) {
          // Tall enough for everything to show at once: axe cannot judge text under the sticky toolbar.
          const page = await harness.open({ width: 1180, height: 2600 }, theme);
          await page.fromHost({ type: 'report', period: 30, analyticsEnabled: false, report: usage.report });
          for (const summary of await page.page.locator('summary').all()) await summary.click();
          return page.page;
        },
      },
      {
        name: 'no requests',
        async reach(theme) {
          const page = await harness.open(undefined, theme);
          const empty = { ...usage.report, totalRequests: 0, inline: { ...usage.report.inline, shown: 0 } };
          await page.fromHost({ type: 'report', period: 7, analyticsEnabled: true, report: empty });
          return page.page;
        },
      },
    ];

    for (const theme of THEMES) {
      for (const { name, reach } of REPORT_STATES) {
        it(`${name}, ${theme}: no violations`, async () => {
          const page = await reach(theme);
          try {
            assert.deepEqual(await violations(page), []);
            assert.deepEqual(await lowContrastChartText(page), [], 'chart text has 4.5:1');
          } finally {
            await page.context().close();
          }
        });
      }
    }
  });
});
