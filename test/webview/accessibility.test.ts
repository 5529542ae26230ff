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
import { type ChatPage, Harness } from './harness';
import { assistant, READY_STATUS, state, stream, user } from './messages';
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
  return page.evaluate(() => {
    interface AxeColor { parseString(value: string): AxeColor }
    const color = (globalThis as unknown as { axe: { commons: { color: { Color: new () => AxeColor; getContrast(bg: AxeColor, fg: AxeColor): number } } } }).axe.commons.color;
    const parse = (value: string) => new color.Color().parseString(value);
    return Array.from(document.querySelectorAll('svg.chart text')).flatMap((text) => {
      const card = text.closest('.chart-card');
      if (card === null) return [`no card around ${text.textContent ?? ''}`];
      const ratio = color.getContrast(parse(getComputedStyle(card).backgroundColor), parse(getComputedStyle(text).fill));
      return ratio < 4.5 ? [`${ratio.toFixed(2)} ${text.textContent ?? ''}`] : [];
    });
  });
}

const CODE_ANSWER = [
  'Debounce the handler and reuse the parsed config:',
  '',
  '```ts',
  'const reload = debounce(async (uri: vscode.Uri) => {',
  '  const text = await fs.readFile(uri.fsPath, "utf8"); // read once',
  '  cache.set(uri.toString(), parseConfig(text, { strict: true, depth: 3 }));',
  '}, 250);',
  '```',
  '',
  '```json',
  '{ "grokCodeFast.inline.enabled": true, "retries": 2, "model": null }',
  '```',
  '',
  '- **250 ms** keeps saves snappy; see [the docs](https://code.visualstudio.com/api)',
  '- `cache` is invalidated per file',
  '',
  '> Quoted note',
].join('\n');

const USAGE = { promptTokens: 1843, completionTokens: 212, reasoningTokens: 96, cachedTokens: 1536, costUsd: 0.000_712, latencyMs: 2310, timeToFirstTokenMs: 640 };
const CHIP = { id: 's1', kind: 'selection' as const, label: 'configWatcher.ts:12-31', path: 'src/configWatcher.ts' };

/** The chat panel's main states, each reached as a user would see it. */
const CHAT_STATES: { name: string; reach(chat: ChatPage): Promise<void> }[] = [
  { name: 'empty', reach: (chat) => chat.fromHost(state([], { active: null, conversations: [] })) },
  {
    name: 'streaming',
    async reach(chat) {
      await chat.fromHost(state([user('u1', 'Why is typing laggy?')], { status: { ...READY_STATUS, busy: true } }));
      await chat.fromHost(stream('a1', { kind: 'reasoningDelta', text: 'The watcher fires on every keystroke.' }));
      await chat.fromHost(stream('a1', { kind: 'toolCall', call: { id: 't1', name: 'read_file', argsSummary: 'src/configWatcher.ts', status: 'done', resultSummary: '42 lines' } }));
      await chat.fromHost(stream('a1', { kind: 'contentDelta', text: 'The handler re-reads the **whole file**' }));
      await chat.fromHost(stream('a1', { kind: 'waiting', text: 'no data for 6 s, still waiting' }));
    },
  },
  {
    name: 'answer with code blocks',
    reach: (chat) =>
      chat.fromHost(state([{ ...user('u1', 'Why is typing laggy?'), chips: [CHIP] }, assistant('a1', CODE_ANSWER, { usage: USAGE })], {
        chips: [CHIP],
        instructions: [{ path: 'AGENTS.md' }],
      })),
  },
  {
    name: 'reasoning open',
    async reach(chat) {
      await chat.fromHost(state([user('u1', 'Why?'), assistant('a1', 'Because the watcher is not debounced.', { reasoning: 'It fires per keystroke.', usage: USAGE })]));
      await chat.page.getByText('Reasoning', { exact: true }).click();
    },
  },
  {
    name: 'error',
    async reach(chat) {
      await chat.fromHost(state([user('u1', 'Hello')], { status: { ...READY_STATUS, busy: true } }));
      await chat.fromHost(stream('a1', { kind: 'contentDelta', text: 'Partial' }));
      await chat.fromHost(stream('a1', { kind: 'error', error: { code: 'rate_limited', message: 'Rate limited by xAI (429).', action: 'retry', retryAfter: 30 } }));
    },
  },
  {
    name: 'consent notice',
    reach: (chat) => chat.fromHost(state([], { active: null, status: { ...READY_STATUS, hasConsent: false, hasKey: false } })),
  },
  {
    name: 'history list',
    async reach(chat) {
      await chat.fromHost(state([user('u1', 'Hello'), assistant('a1', 'Hi.')], {
        conversations: [
          { id: 'c1', title: 'Debounce helper', updatedAt: Date.now() - 120_000 },
          { id: 'c2', title: '', updatedAt: Date.now() - 86_400_000 * 3 },
        ],
      }));
      await chat.page.getByRole('button', { name: 'Past conversations' }).click();
    },
  },
  {
    name: '@-mention list',
    async reach(chat) {
      await chat.fromHost(state([]));
      const input = chat.page.getByRole('textbox', { name: 'Message Grok' });
      await input.pressSequentially('look at @ser');
      await chat.fromHost({ type: 'fileSuggestions', query: 'ser', items: [
        { path: 'src/server.ts', label: 'server.ts' },
        { path: 'test/server.test.ts', label: 'server.test.ts' },
      ] });
    },
  },
];

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
