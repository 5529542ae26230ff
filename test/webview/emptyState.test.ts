import * as assert from 'node:assert/strict';
import { useChatPage } from './harness';
import { READY_STATUS, state } from './messages';

describe('chat webview: empty state and page security', () => {
  const suite = useChatPage();

  it('says ready first, then shows the welcome text with key and consent status', async () => {
    const { chat } = suite;
    assert.deepEqual((await chat.posted())[0], { type: 'ready' });
    await chat.fromHost(state([], { active: null, conversations: [], status: { ...READY_STATUS, hasKey: false, hasConsent: false } }));
    const welcome = chat.page.getByRole('region', { name: 'Welcome' });
    await welcome.waitFor();
    const text = await welcome.innerText();
    assert.match(text, /Ask about your code/);
    assert.match(text, /API key: not set/);
    assert.match(text, /Data-use consent: required/);
    assert.match(text, /Model: grok-code-fast-1/);
    await chat.screenshot('empty-state');

    await chat.page.getByRole('button', { name: 'Set API key' }).first().click();
    assert.deepEqual(await chat.postedOfType('setApiKey'), [{ type: 'setApiKey' }]);
  });

  it('shows the key as set and no banners once key and consent are there', async () => {
    const { chat } = suite;
    await chat.fromHost(state([], { active: null }));
    assert.match(await chat.page.getByRole('region', { name: 'Welcome' }).innerText(), /API key: set/);
    assert.equal(await chat.page.getByRole('region', { name: 'Data-use consent' }).count(), 0);
    assert.equal(await chat.page.getByRole('region', { name: 'API key' }).count(), 0);
  });

  it('carries the strict Content-Security-Policy', async () => {
    const { chat, harness } = suite;
    const csp = await chat.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.equal(
      csp,
      `default-src 'none'; script-src 'nonce-test-nonce-5f2a9c'; style-src ${harness.origin}; img-src ${harness.origin} data:`,
    );
    assert.doesNotMatch(csp ?? '', /unsafe-inline|unsafe-eval|\*/);
    assert.equal(await chat.page.locator('[style]').count(), 0, 'no inline style attributes');
    const inlineHandlers = await chat.page.evaluate(
      '[...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith("on"))',
    );
    assert.deepEqual(inlineHandlers, []);
  });

  it('takes every colour from --vscode-* theme variables', async () => {
    const { chat } = suite;
    const offending = (await chat.page.evaluate(`(() => {
      const sheet = [...document.styleSheets].find((s) => (s.href || '').endsWith('/chat-style.css'));
      const colourish = /color|background|border|outline|fill|stroke|shadow/;
      const allowed = /^(?:none|transparent|inherit|currentcolor|initial|unset|0|)$/i;
      const bad = [];
      const visit = (rules) => {
        for (const rule of rules) {
          if (rule.cssRules) visit(rule.cssRules);
          if (!rule.style) continue;
          for (const property of rule.style) {
            if (!colourish.test(property)) continue;
            const value = rule.style.getPropertyValue(property).trim();
            const literalColour = /#[0-9a-f]{3,8}\\b|\\b(?:rgba?|hsla?|hwb|lab|lch|oklch|color)\\(|\\b(?:white|black|red|green|blue|gray|grey)\\b/i;
            if (literalColour.test(value.replace(/var\\(--vscode-[\\w-]+/g, ''))) bad.push(rule.selectorText + ' ' + property + ': ' + value);
            else if (/color$/.test(property) && !value.includes('var(--vscode-') && !allowed.test(value)) bad.push(rule.selectorText + ' ' + property + ': ' + value);
          }
        }
      };
      visit(sheet.cssRules);
      return { bad, rules: sheet.cssRules.length };
    })()`)) as { bad: string[]; rules: number };
    assert.ok(offending.rules > 50, 'the stylesheet loaded');
    assert.deepEqual(offending.bad, []);
    const background = await chat.page.evaluate('getComputedStyle(document.body).backgroundColor');
    assert.equal(background, 'rgb(24, 24, 24)', 'the body takes --vscode-sideBar-background');
  });
});
