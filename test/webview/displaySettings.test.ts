/**
 * The user's display settings: the OS "reduce motion" preference (prefers-reduced-motion) and VS Code's
 * font size and family (editor and UI), which VS Code hands a webview as --vscode-*font* variables on
 * its root element, as these tests set them.
 */
import * as assert from 'node:assert/strict';
import { type Page } from 'playwright-core';
import { CHIP, CODE_ANSWER, USAGE } from './chatStates';
import { Harness } from './harness';
import { assistant, state, user } from './messages';
import { monthOfUsage, type MonthOfUsage } from './reportData';
import { ReportHarness } from './reportHarness';

const FONTS = {
  '--vscode-font-size': '20px',
  '--vscode-font-family': '"DejaVu Serif", serif',
  '--vscode-editor-font-size': '17px',
  '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
};

/** Sets the font variables on the root element, as VS Code does when the settings change. */
async function setFonts(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    for (const [name, value] of Object.entries(${JSON.stringify(FONTS)})) document.documentElement.style.setProperty(name, value);
  })()`);
}

/**
 * Every shown element with text of its own (SVG text aside: it scales with its chart) whose font does
 * not follow the settings: code in the editor font at ≥ 80 % of its size, the rest in the UI font at
 * ≥ 80 % of its size (smaller print such as footers is relative, never fixed).
 */
async function fontsNotFollowing(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const fonts = ${JSON.stringify(FONTS)};
    const ui = { family: fonts['--vscode-font-family'], size: parseFloat(fonts['--vscode-font-size']) };
    const editor = { family: fonts['--vscode-editor-font-family'], size: parseFloat(fonts['--vscode-editor-font-size']) };
    const wrong = [];
    for (const element of document.querySelectorAll('body *')) {
      if (element instanceof SVGElement || !element.checkVisibility()) continue;
      const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
      const isField = element instanceof HTMLTextAreaElement || element instanceof HTMLButtonElement;
      if (!ownText && !isField) continue;
      const style = getComputedStyle(element);
      const want = element.closest('pre, code') === null ? ui : editor;
      if (style.fontFamily !== want.family || parseFloat(style.fontSize) < want.size * 0.8) {
        wrong.push(element.tagName.toLowerCase() + '.' + element.className + ': ' + style.fontFamily + ' ' + style.fontSize);
      }
    }
    return wrong;
  })()`) as Promise<string[]>;
}

/** Every element's transition and animation that takes time, as `tag.class: durations`. */
async function moving(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('*')].flatMap((element) => {
    const style = getComputedStyle(element);
    const durations = [...style.transitionDuration.split(','), ...style.animationDuration.split(',')].map((d) => parseFloat(d));
    return durations.some((d) => d > 0) ? [element.tagName.toLowerCase() + '.' + element.className + ': ' + style.transitionDuration + ' ' + style.animationDuration] : [];
  })`) as Promise<string[]>;
}

describe('display settings: chat webview', () => {
  let harness: Harness;
  before(async () => {
    harness = await Harness.start();
  });
  after(async () => harness.close());

  it("follows VS Code's font size and family, editor font in code", async () => {
    const { chat, errors } = await harness.open();
    try {
      await chat.fromHost(state([{ ...user('u1', 'Why?'), chips: [CHIP] }, assistant('a1', CODE_ANSWER, { usage: USAGE, reasoning: 'Per keystroke.' })], { chips: [CHIP] }));
      await setFonts(chat.page);
      assert.deepEqual(await fontsNotFollowing(chat.page), []);
      assert.deepEqual(errors, []);
    } finally {
      await chat.page.context().close();
    }
  });

  it('moves nothing when the OS asks for reduced motion', async () => {
    const { chat } = await harness.open();
    try {
      await chat.page.emulateMedia({ reducedMotion: 'reduce' });
      await chat.fromHost(state([user('u1', 'Why?'), assistant('a1', CODE_ANSWER)]));
      assert.deepEqual(await moving(chat.page), []);
    } finally {
      await chat.page.context().close();
    }
  });
});

describe('display settings: report webview', () => {
  let harness: ReportHarness;
  let usage: MonthOfUsage;
  before(async () => {
    [harness, usage] = await Promise.all([ReportHarness.start(), monthOfUsage()]);
  });
  after(async () => harness.close());

  it("follows VS Code's font size and family", async () => {
    const report = await harness.open();
    try {
      await report.fromHost({ type: 'report', period: 30, analyticsEnabled: false, report: usage.report });
      await setFonts(report.page);
      assert.deepEqual(await fontsNotFollowing(report.page), []);
      assert.deepEqual(report.errors, []);
    } finally {
      await report.page.context().close();
    }
  });

  it('fades stale figures while loading, but not when the OS asks for reduced motion', async () => {
    const report = await harness.open();
    try {
      await report.fromHost({ type: 'report', period: 30, analyticsEnabled: true, report: usage.report });
      await report.fromHost({ type: 'loading', period: 7 });
      assert.deepEqual(await moving(report.page), ['div.content stale: 0.15s 0s'], 'the fade is there by default');
      await report.page.emulateMedia({ reducedMotion: 'reduce' });
      assert.deepEqual(await moving(report.page), []);
    } finally {
      await report.page.context().close();
    }
  });
});
