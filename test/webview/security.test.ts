import * as assert from 'node:assert/strict';
import { type ChatPage, useChatPage } from './harness';
import { assistant, deltas, READY_STATUS, state, stream, user } from './messages';

const PAYLOAD = [
  'Look: <img src=x onerror="window.__pwned = 1"> and <script>window.__pwned = 2</script>',
  '',
  '[x](javascript:window.__pwned=3) [y](JAVASCRIPT:alert(1)) <a href="javascript:window.__pwned=4">z</a>',
  '',
  '<iframe src="javascript:window.__pwned=5"></iframe> <svg onload="window.__pwned=6"></svg> [d](data:text/html,<script>alert(1)</script>)',
  '',
  '![pic](x" onerror="window.__pwned=7)',
].join('\n');

async function assertNothingRan(chat: ChatPage): Promise<void> {
  // click every link the answer produced: a javascript: link that slipped through would run now
  for (const link of await chat.page.locator('.transcript a, .notice a').all()) await link.click({ force: true }).catch(() => undefined);
  await chat.settle();
  assert.equal(await chat.page.evaluate('window.__pwned'), undefined, 'no payload ran');
  assert.equal(await chat.page.locator('#app script, #app iframe, #app [onerror], #app [onload], #app [onclick]').count(), 0);
  const hrefs = (await chat.page.evaluate(`[...document.querySelectorAll('#app [href], #app [src]')].map((e) => e.getAttribute('href') || e.getAttribute('src'))`)) as string[];
  assert.deepEqual(hrefs.filter((href) => /^\s*(?:javascript|data:text|vbscript)/i.test(href)), []);
}

describe('chat webview: hostile answers', () => {
  const suite = useChatPage();

  it('runs nothing from a streamed answer holding HTML, script and javascript: links', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'show me html')], { status: { ...READY_STATUS, busy: true } }));
    for (const text of deltas(PAYLOAD, 7)) await chat.fromHost(stream('a1', { kind: 'contentDelta', text }));
    await chat.fromHost(stream('a1', { kind: 'done' }));
    const body = await chat.page.locator('.message.assistant .message-body').innerText();
    assert.match(body, /<img src=x onerror="window.__pwned = 1">/, 'raw HTML is shown as text');
    await assertNothingRan(chat);
    await chat.screenshot('xss');
  });

  it('runs nothing from a snapshot, the reasoning, tool calls or the consent notice', async () => {
    const { chat } = suite;
    await chat.fromHost(state([
      user('u1', '<img src=x onerror="window.__pwned = 8">'),
      assistant('a1', PAYLOAD, {
        reasoning: '<script>window.__pwned = 9</script>',
        toolCalls: [{ id: 't1', name: '<img src=x onerror="window.__pwned=10">', argsSummary: '<b>x</b>', status: 'done' }],
      }),
    ], { status: { ...READY_STATUS, hasConsent: false, consentNotice: 'Read [this](javascript:window.__pwned=11) <img src=x onerror="window.__pwned=12">' } }));
    assert.match((await chat.page.locator('.reasoning-body').textContent()) ?? '', /<script>/);
    await assertNothingRan(chat);
  });
});
