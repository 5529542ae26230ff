/**
 * Keyboard only: both webviews driven by Tab, Shift+Tab, Enter, Space, arrows and Escape, never the
 * mouse. Every control is reached in document order and shows its focus; Enter and Space use it;
 * Escape closes lists; focus goes back to the composer once an answer ends.
 */
import * as assert from 'node:assert/strict';
import { type Page } from 'playwright-core';
import { CHIP, CODE_ANSWER, USAGE } from './chatStates';
import { useChatPage } from './harness';
import { assistant, READY_STATUS, state, stream, user } from './messages';
import { monthOfUsage, type MonthOfUsage } from './reportData';
import { ReportHarness, type ReportPage } from './reportHarness';

/** A control as the tests name it: its accessible label, else its text (page code, as a string: the tests build without DOM types). */
const NAME_OF = `(element) => (element.getAttribute('aria-label') ?? element.innerText ?? '').trim().replace(/\\s+/g, ' ') || element.tagName.toLowerCase()`;

/**
 * Every control a keyboard user must reach, in document order: enabled buttons, the text area,
 * links, summaries and scrollable regions made focusable, that are shown.
 */
async function controls(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const selector = 'button:not([disabled]), textarea, a[href], summary, [tabindex="0"]';
    return Array.from(document.querySelectorAll(selector)).filter((e) => e.checkVisibility()).map((e) => (${NAME_OF})(e));
  })()`) as Promise<string[]>;
}

/** The focused control's name, and whether its focus shows: an outline of its own or, for the text area, the composer's focus border. */
async function focused(page: Page): Promise<{ name: string; visible: boolean }> {
  return page.evaluate(`(() => {
    const e = document.activeElement;
    if (e === null || e === document.body) return { name: 'body', visible: false };
    const style = getComputedStyle(e);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const box = e.closest('.composer-box');
    const focusBorder = getComputedStyle(document.documentElement).getPropertyValue('--vscode-focusBorder').trim();
    const probe = document.createElement('span');
    probe.style.setProperty('color', focusBorder);
    document.body.append(probe);
    const focusColor = getComputedStyle(probe).color;
    probe.remove();
    const bordered = box !== null && getComputedStyle(box).borderTopColor === focusColor;
    return { name: (${NAME_OF})(e), visible: outline || bordered };
  })()`) as Promise<{ name: string; visible: boolean }>;
}

/** Presses Tab until a control whose name starts with `name` has the focus (at most `limit` presses). */
async function tabTo(page: Page, name: string, key = 'Tab', limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if ((await focused(page)).name.startsWith(name)) return;
  }
  assert.fail(`${key} never reached "${name}"`);
}

/**
 * Tabs once around the page from the focused control (or its top), returning each stop in order,
 * starting with the first control: after the last one, focus leaves the page (the body), then
 * comes back to the first.
 */
async function tabRound(page: Page, controlCount: number): Promise<{ name: string; visible: boolean }[]> {
  const seen: { name: string; visible: boolean }[] = [];
  for (let i = 0; i <= controlCount; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused(page));
  }
  const wrap = seen.findIndex((stop) => stop.name === 'body');
  return wrap === -1 ? seen : [...seen.slice(wrap + 1), ...seen.slice(0, wrap)];
}

describe('keyboard only: chat webview', () => {
  const suite = useChatPage();
  const withAnswer = () =>
    suite.chat.fromHost(state([{ ...user('u1', 'Why is typing laggy?'), chips: [CHIP] }, assistant('a1', CODE_ANSWER, { usage: USAGE, reasoning: 'Per keystroke.' })], {
      chips: [CHIP],
      instructions: [{ path: 'AGENTS.md' }],
      conversations: [
        { id: 'c1', title: 'Debounce helper', updatedAt: Date.now() - 120_000 },
        { id: 'c2', title: 'Older chat', updatedAt: Date.now() - 86_400_000 },
      ],
    }));

  it('reaches every control with Tab in document order, each with visible focus, and Shift+Tab goes back', async () => {
    const { chat } = suite;
    await withAnswer();
    await tabTo(chat.page, 'Past conversations');
    await chat.page.keyboard.press('Enter'); // the history list opens: its controls join the order
    const expected = await controls(chat.page);
    assert.ok(expected.length >= 20, `the page has its controls (${expected.join(', ')})`);
    for (const name of ['Past conversations', 'New chat', 'Wrap long lines', 'Copy code', 'Insert at cursor', 'Apply to file', 'New file', 'Copy answer', 'Regenerate answer', 'Remove configWatcher.ts:12-31', 'Stop using AGENTS.md', 'Message Grok', 'Send (Enter)', 'Reasoning', 'the docs']) {
      assert.ok(expected.includes(name), `${name} is a control (${expected.join(', ')})`);
    }
    const round = await tabRound(chat.page, expected.length);
    assert.deepEqual(round.map((stop) => stop.name), expected, 'Tab visits every control once, in document order');
    await tabTo(chat.page, expected.at(-1)!);
    assert.deepEqual(round.filter((stop) => !stop.visible).map((stop) => stop.name), [], 'focus is visible on every control');
    await chat.page.keyboard.press('Shift+Tab');
    assert.equal((await focused(chat.page)).name, expected.at(-2), 'Shift+Tab goes back one');
  });

  it('uses code-block, message and context buttons with Enter and Space', async () => {
    const { chat } = suite;
    await withAnswer();
    await tabTo(chat.page, 'Copy code');
    await chat.page.keyboard.press('Enter');
    await tabTo(chat.page, 'Insert at cursor');
    await chat.page.keyboard.press('Space');
    await tabTo(chat.page, 'Regenerate answer');
    await chat.page.keyboard.press('Enter');
    await tabTo(chat.page, 'Remove configWatcher.ts:12-31');
    await chat.page.keyboard.press('Space');
    const posted = (await chat.posted()).filter((m) => m.type !== 'ready' && m.type !== 'draft');
    assert.deepEqual(posted.map((m) => m.type), ['copy', 'insertCode', 'regenerate', 'removeChip']);
    assert.match((posted[0] as { text: string }).text, /^const reload = debounce/);
  });

  it('opens reasoning with Enter, and the history list with Enter; Escape closes it and gives focus back to its button', async () => {
    const { chat } = suite;
    await withAnswer();
    await tabTo(chat.page, 'Reasoning');
    await chat.page.keyboard.press('Enter');
    assert.equal(await chat.page.locator('details.reasoning').getAttribute('open'), '');

    await tabTo(chat.page, 'Past conversations', 'Shift+Tab');
    await chat.page.keyboard.press('Enter');
    const history = chat.page.getByRole('navigation', { name: 'Past conversations' });
    assert.ok(await history.isVisible());
    assert.equal(await chat.page.getByRole('button', { name: 'Past conversations' }).getAttribute('aria-expanded'), 'true');
    await chat.page.keyboard.press('Escape');
    assert.ok(!(await history.isVisible()), 'Escape closes the list');
    assert.equal((await focused(chat.page)).name, 'Past conversations', 'focus is back on the button');
    assert.deepEqual(await chat.postedOfType('stop'), [], 'Escape closed the list, it stopped nothing');

    await chat.page.keyboard.press('Space');
    await tabTo(chat.page, 'Older chat');
    await chat.page.keyboard.press('Enter');
    assert.deepEqual(await chat.postedOfType('openConversation'), [{ type: 'openConversation', id: 'c2' }]);
    assert.ok(!(await history.isVisible()), 'opening a conversation closes the list');
  });

  it('drives the @-mention list with arrows and Enter, and Escape closes it without stopping anything', async () => {
    const { chat } = suite;
    await chat.fromHost(state([]));
    await tabTo(chat.page, 'Message Grok');
    await chat.page.keyboard.type('look at @ser');
    await chat.fromHost({ type: 'fileSuggestions', query: 'ser', items: [
      { path: 'src/server.ts', label: 'server.ts' },
      { path: 'test/server.test.ts', label: 'server.test.ts' },
    ] });
    const list = chat.page.getByRole('listbox', { name: 'Files to attach' });
    assert.ok(await list.isVisible());
    await chat.page.keyboard.press('ArrowDown');
    assert.equal(await chat.page.getByRole('textbox', { name: 'Message Grok' }).getAttribute('aria-activedescendant'), 'mention-1');
    await chat.page.keyboard.press('Enter');
    assert.deepEqual((await chat.postedOfType('mentionPick')).at(-1), { type: 'mentionPick', path: 'test/server.test.ts' });
    assert.ok(!(await list.isVisible()));
    assert.deepEqual(await chat.postedOfType('send'), [], 'Enter picked the file, it sent nothing');

    await chat.page.keyboard.type(' and @cli');
    assert.ok(await list.isVisible(), 'the list shows while searching');
    await chat.page.keyboard.press('Escape');
    assert.ok(!(await list.isVisible()), 'Escape closes it');
    assert.equal((await focused(chat.page)).name, 'Message Grok', 'focus stays in the text area');
    assert.equal(await chat.page.getByRole('textbox', { name: 'Message Grok' }).inputValue(), 'look at  and @cli');
  });

  it('gives the consent and key buttons to the keyboard', async () => {
    const { chat } = suite;
    await chat.fromHost(state([], { active: null, status: { ...READY_STATUS, hasConsent: false, hasKey: false } }));
    await tabTo(chat.page, 'I consent');
    await chat.page.keyboard.press('Space');
    await tabTo(chat.page, 'Set API key');
    await chat.page.keyboard.press('Enter');
    assert.deepEqual((await chat.posted()).filter((m) => m.type === 'consent' || m.type === 'setApiKey'), [{ type: 'consent', granted: true }, { type: 'setApiKey' }]);
  });

  it('returns focus to the composer once an answer ends, also after Stop was pressed from the keyboard', async () => {
    const { chat } = suite;
    const input = chat.page.getByRole('textbox', { name: 'Message Grok' });
    await chat.fromHost(state([]));
    await tabTo(chat.page, 'Message Grok');
    await chat.page.keyboard.type('Why?');
    await chat.page.keyboard.press('Enter');
    await chat.fromHost(state([user('u1', 'Why?')], { status: { ...READY_STATUS, busy: true } }));
    await chat.fromHost(stream('a1', { kind: 'contentDelta', text: 'Because.' }));
    await chat.fromHost(stream('a1', { kind: 'done' }));
    assert.equal((await focused(chat.page)).name, 'Message Grok');

    await chat.page.keyboard.type('And then?');
    await chat.page.keyboard.press('Enter');
    await chat.fromHost(state([user('u1', 'Why?'), assistant('a1', 'Because.'), user('u2', 'And then?')], { status: { ...READY_STATUS, busy: true } }));
    await chat.fromHost(stream('a2', { kind: 'contentDelta', text: 'Then' }));
    await tabTo(chat.page, 'Stop (Esc)');
    await chat.page.keyboard.press('Enter');
    assert.deepEqual(await chat.postedOfType('stop'), [{ type: 'stop' }]);
    await chat.fromHost(stream('a2', { kind: 'done' }));
    await chat.fromHost(state([user('u1', 'Why?'), assistant('a1', 'Because.'), user('u2', 'And then?'), assistant('a2', 'Then', { stopped: true })]));
    assert.equal((await focused(chat.page)).name, 'Message Grok', 'the Stop button is gone: focus is back in the composer');
    assert.equal(await input.inputValue(), '');
  });

  it('leaves focus where the user moved it while the answer streamed', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'q'), assistant('a1', 'Earlier answer.')], { status: { ...READY_STATUS, busy: true } }));
    await chat.fromHost(stream('a2', { kind: 'contentDelta', text: 'Streaming' }));
    await tabTo(chat.page, 'Copy answer');
    await chat.fromHost(stream('a2', { kind: 'done' }));
    assert.equal((await focused(chat.page)).name, 'Copy answer');
  });
});

describe('keyboard only: report webview', () => {
  let harness: ReportHarness;
  let usage: MonthOfUsage;
  let report: ReportPage;
  before(async () => {
    [harness, usage] = await Promise.all([ReportHarness.start(), monthOfUsage()]);
  });
  after(async () => harness.close());
  beforeEach(async () => {
    report = await harness.open();
    await report.fromHost({ type: 'report', period: 30, analyticsEnabled: true, report: usage.report });
  });
  afterEach(async () => {
    await report.page.context().close();
    assert.deepEqual(report.errors, [], 'no page errors or CSP violations');
  });

  it('reaches every control with Tab in document order, each with visible focus', async () => {
    const expected = await controls(report.page);
    assert.deepEqual(expected, ['7 days', '30 days', '90 days', 'Export…', 'As a table', 'By day (UTC): 30 days with requests']);
    const round = await tabRound(report.page, expected.length);
    assert.deepEqual(round.map((stop) => stop.name), expected);
    assert.deepEqual(round.filter((stop) => !stop.visible).map((stop) => stop.name), [], 'focus is visible on every control');
  });

  it('changes the period with Enter and Space, exports, and opens the tables with Enter', async () => {
    await tabTo(report.page, '7 days');
    await report.page.keyboard.press('Enter');
    await tabTo(report.page, '90 days');
    await report.page.keyboard.press('Space');
    await tabTo(report.page, 'Export…');
    await report.page.keyboard.press('Enter');
    assert.deepEqual((await report.posted()).slice(1), [{ type: 'setPeriod', period: 7 }, { type: 'setPeriod', period: 90 }, { type: 'export' }]);
    assert.equal(await report.page.locator('button[data-period="90"]').getAttribute('aria-pressed'), 'true');

    await report.fromHost({ type: 'report', period: 90, analyticsEnabled: true, report: usage.report });
    await tabTo(report.page, 'As a table');
    await report.page.keyboard.press('Enter');
    assert.ok(await report.page.locator('table[data-table="latency-buckets"]').isVisible());
    await report.page.keyboard.press('Tab');
    await report.page.keyboard.press('Space');
    assert.ok(await report.page.locator('table[data-table="days"]').isVisible());
  });
});
