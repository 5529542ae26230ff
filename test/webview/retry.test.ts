/**
 * Retry after an error: a rate limit's countdown and the Retry button name the answer they retry,
 * and only the conversation's last answer can be retried. Time is Playwright's fake clock (the
 * countdown's Date.now and setTimeout), moved by the test, never waited for.
 */
import * as assert from 'node:assert/strict';
import type { ErrorView } from '../../src/chat/protocol';
import { useChatPage } from './harness';
import { assistant, READY_STATUS, state, stream, user } from './messages';

const RATE_LIMIT: ErrorView = { code: 'rate_limited', message: 'Rate limit reached (429).', retryAfter: 90, action: 'retry' };
const STALL: ErrorView = { code: 'timeout', message: 'No data for 60 s: the answer stalled.', action: 'retry' };
const busy = { status: { ...READY_STATUS, busy: true } };

describe('chat webview: retry', () => {
  const suite = useChatPage();
  const input = () => suite.chat.page.getByRole('textbox', { name: 'Message Grok' });
  const firstAnswer = () => suite.chat.page.locator('.message.assistant').first();

  beforeEach(async () => {
    await suite.chat.page.clock.install();
  });

  it('counts a live rate limit down and retries that answer by name, but not an error read back from history', async () => {
    const { chat } = suite;
    const error = { ...RATE_LIMIT, retryAfter: 1 };
    await chat.fromHost(state([user('u1', 'hi'), assistant('a1', '', { error })]));
    await chat.page.clock.runFor(5000);
    assert.deepEqual(await chat.postedOfType('retry'), [], 'a stored rate limit does not retry on its own');
    assert.equal(await chat.page.locator('.countdown').innerText(), '');

    await chat.fromHost(state([user('u1', 'hi')], busy));
    await chat.fromHost(stream('a1', { kind: 'error', error }));
    assert.equal(await chat.page.locator('.countdown').innerText(), 'Retrying in 1 s');
    await chat.page.clock.runFor(1000);
    assert.deepEqual(await chat.postedOfType('retry'), [{ type: 'retry', messageId: 'a1' }]);
    await chat.page.clock.runFor(5000);
    assert.equal((await chat.postedOfType('retry')).length, 1, 'once');
  });

  it('ends the countdown when another turn follows: the new answer is never re-requested, the old one not retried', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'first')], busy));
    await chat.fromHost(stream('a1', { kind: 'error', error: RATE_LIMIT }));
    assert.equal(await firstAnswer().locator('.countdown').innerText(), 'Retrying in 90 s');
    await chat.page.clock.runFor(2000);
    assert.equal(await firstAnswer().locator('.countdown').innerText(), 'Retrying in 88 s');

    // Meanwhile the user asks something else, which is answered.
    await input().fill('second');
    await input().press('Enter');
    assert.equal(await firstAnswer().locator('.countdown').count(), 0, 'the countdown ended with the new turn');
    await chat.fromHost(state([user('u1', 'first'), assistant('a1', '', { error: RATE_LIMIT }), user('u2', 'second')], busy));
    await chat.fromHost(stream('a2', { kind: 'contentDelta', text: 'Second answer.' }));
    await chat.fromHost(stream('a2', { kind: 'done' }));
    await chat.fromHost(state([user('u1', 'first'), assistant('a1', '', { error: RATE_LIMIT }), user('u2', 'second'), assistant('a2', 'Second answer.')]));

    await chat.page.clock.runFor(120_000);
    assert.deepEqual(await chat.postedOfType('retry'), [], 'no retry fired');
    assert.deepEqual(await chat.postedOfType('regenerate'), []);
    const oldError = firstAnswer().locator('.error-box');
    assert.equal(await oldError.innerText(), 'Rate limit reached (429).', 'the old error stays, without Retry or countdown');
    assert.equal(await oldError.getByRole('button').count(), 0);
    assert.equal(await chat.page.getByRole('alert').count(), 0, 'an old error is no longer an alert');
  });

  it('offers Retry after a stall only on the last answer, and names it', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'first')], busy));
    await chat.fromHost(stream('a1', { kind: 'error', error: STALL }));
    assert.equal(await chat.page.locator('.countdown').innerText(), '', 'a stall does not count down');

    await chat.fromHost(state([user('u1', 'first'), assistant('a1', '', { error: STALL }), user('u2', 'second'), assistant('a2', 'Second answer.')]));
    assert.equal(await firstAnswer().getByRole('button', { name: 'Retry' }).count(), 0, 'no Retry on a turn another one followed');

    await chat.fromHost(state([user('u1', 'first'), assistant('a1', '', { error: STALL })]));
    await chat.page.getByRole('button', { name: 'Retry' }).click();
    assert.deepEqual(await chat.postedOfType('retry'), [{ type: 'retry', messageId: 'a1' }]);
  });

  it('does not restart a countdown that ended, when the new turn is taken back', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'first')], busy));
    await chat.fromHost(stream('a1', { kind: 'error', error: RATE_LIMIT }));
    await input().fill('second');
    await input().press('Enter');
    // The host refused the message (e.g. an answer was still saving): the transcript is as before.
    await chat.fromHost(state([user('u1', 'first'), assistant('a1', '', { error: RATE_LIMIT })]));
    await chat.page.clock.runFor(120_000);
    assert.deepEqual(await chat.postedOfType('retry'), []);
    assert.equal(await chat.page.locator('.countdown').innerText(), '');
    assert.ok(await chat.page.getByRole('button', { name: 'Retry' }).isVisible(), 'Retry stays available by hand');
  });

  for (const width of [240, 320, 420]) {
    it(`keeps the rate-limit text readable beside Retry in a ${width} px panel (the text is not squeezed to a word per line)`, async () => {
      const { chat, errors } = await suite.harness.open({ width, height: 600 });
      try {
        await chat.page.clock.install();
        await chat.fromHost(state([user('u1', 'first')], busy));
        await chat.fromHost(stream('a1', { kind: 'error', error: { ...RATE_LIMIT, message: 'The rate limit was reached (429): too many requests this minute.' } }));
        // A string, not a function: the test build has no DOM types.
        const sizes = (await chat.page.evaluate(`(() => {
          const box = document.querySelector('.error-box');
          const style = getComputedStyle(box);
          const message = box.querySelector('.error-message');
          const countdown = box.querySelector('.countdown').getBoundingClientRect();
          return {
            inner: box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
            message: message.getBoundingClientRect().width,
            fontSize: parseFloat(getComputedStyle(message).fontSize),
            countdownLines: Math.round(countdown.height / (parseFloat(getComputedStyle(message).fontSize) * 1.6)),
          };
        })()`)) as { inner: number; message: number; fontSize: number; countdownLines: number };
        assert.ok(sizes.message >= Math.min(sizes.inner, 14 * sizes.fontSize) - 1, `the text has ${sizes.message} of ${sizes.inner} px`);
        assert.equal(sizes.countdownLines, 1, 'the countdown is one line');
        assert.deepEqual(errors, []);
      } finally {
        await chat.page.context().close();
      }
    });
  }
});
