import * as assert from 'node:assert/strict';
import type { ToWebviewMessage } from '../../src/chat/protocol';
import { type ChatPage, useChatPage } from './harness';
import { assistant, deltas, READY_STATUS, state, stream, user } from './messages';

const ANSWER = [
  '## Debounce',
  '',
  'Here is a **typed** helper:',
  '',
  '```ts',
  'export function debounce<T extends unknown[]>(fn: (...args: T) => void, ms: number) {',
  '  let timer: ReturnType<typeof setTimeout> | undefined;',
  '  return (...args: T) => {',
  '    clearTimeout(timer);',
  '    timer = setTimeout(() => fn(...args), ms);',
  '  };',
  '}',
  '```',
  '',
  '- calls `fn` once typing pauses',
  '- keeps the last arguments',
  '',
].join('\n');

const USAGE = { promptTokens: 1843, completionTokens: 212, reasoningTokens: 96, cachedTokens: 1536, costUsd: 0.000_712, latencyMs: 2310, timeToFirstTokenMs: 640 };

/** Posts many host messages in one go, as a fast stream would, without waiting between them. */
async function burst(chat: ChatPage, messages: ToWebviewMessage[]): Promise<void> {
  await chat.page.evaluate((list) => {
    for (const m of list) (globalThis as unknown as { postMessage(data: unknown, target: string): void }).postMessage(m, '*');
  }, messages);
  await chat.settle();
}

describe('chat webview: transcript', () => {
  const suite = useChatPage();
  const input = () => suite.chat.page.getByRole('textbox', { name: 'Message Grok' });

  it('sends on Enter, keeps Shift+Enter as a new line, and shows the message at once', async () => {
    const { chat } = suite;
    await chat.fromHost(state([]));
    await input().fill('first line');
    await input().press('Shift+Enter');
    await input().pressSequentially('second line');
    assert.equal(await input().inputValue(), 'first line\nsecond line');
    assert.deepEqual(await chat.postedOfType('send'), []);

    await input().press('Enter');
    assert.deepEqual(await chat.postedOfType('send'), [{ type: 'send', text: 'first line\nsecond line', chips: [] }]);
    assert.equal(await input().inputValue(), '');
    const message = chat.page.getByRole('article', { name: 'You said' });
    assert.equal(await message.locator('.message-body').innerText(), 'first line\nsecond line');
    assert.ok(await chat.page.getByRole('button', { name: 'Stop (Esc)' }).isVisible());
    assert.ok(!(await chat.page.getByRole('button', { name: 'Send (Enter)' }).isVisible()));
  });

  it('scrolls to a new message even from further up, then follows the answer while the user stays at the bottom', async () => {
    const { chat } = suite;
    const earlier = Array.from({ length: 12 }, (_, i) => [user(`u${i}`, `Question ${i}`), assistant(`a${i}`, `Answer ${i}\n\n${'A long paragraph. '.repeat(40)}`)]).flat();
    await chat.fromHost(state(earlier));
    const transcript = chat.page.locator('.transcript');
    const gap = () => transcript.evaluate((t) => t.scrollHeight - t.scrollTop - t.clientHeight);
    const scrollTop = () => transcript.evaluate((t) => t.scrollTop);
    await transcript.evaluate((t) => (t.scrollTop = 0));

    await input().fill('And now?');
    await input().press('Enter');
    await chat.settle();
    assert.ok((await gap()) <= 1, `at the bottom after sending (${await gap()} px left)`);
    const mine = chat.page.getByRole('article', { name: 'You said' }).last();
    assert.equal(await mine.innerText().then((text) => text.endsWith('And now?')), true);
    const [box, view] = await Promise.all([mine.boundingBox(), transcript.boundingBox()]);
    assert.ok(box !== null && view !== null && box.y >= view.y && box.y + box.height <= view.y + view.height + 1, 'the new message is in view');

    await chat.fromHost(state([...earlier, user('u12', 'And now?')], { status: { ...READY_STATUS, busy: true } }));
    await burst(chat, deltas('Here is a long answer. '.repeat(60), 20).map((text) => stream('a12', { kind: 'contentDelta', text })));
    assert.ok((await gap()) <= 1, 'the answer is followed');

    await transcript.evaluate((t) => (t.scrollTop -= 400));
    const readingAt = await scrollTop();
    await burst(chat, deltas('More text while the user reads above. '.repeat(30), 20).map((text) => stream('a12', { kind: 'contentDelta', text })));
    assert.equal(await scrollTop(), readingAt, 'not pulled down while reading further up');

    await transcript.evaluate((t) => (t.scrollTop = t.scrollHeight));
    await burst(chat, deltas('Back at the bottom. '.repeat(30), 20).map((text) => stream('a12', { kind: 'contentDelta', text })));
    assert.ok((await gap()) <= 1, 'followed again once back at the bottom');
  });

  it('renders a streamed answer as markdown, once a frame, without touching earlier messages', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'What is a debounce?'), assistant('a1', 'It **delays** a call.', { usage: USAGE }), user('u2', 'Write one in TypeScript')], {
      status: { ...READY_STATUS, busy: true },
    }));
    await chat.page.evaluate(`(() => {
      window.__earlier = [...document.querySelectorAll('.message')];
      window.__earlierMutations = 0;
      window.__bodyRenders = 0;
      new MutationObserver((records) => {
        for (const record of records) {
          if (window.__earlier.some((m) => m.contains(record.target))) window.__earlierMutations++;
          else if (record.target.classList && record.target.classList.contains('message-body')) window.__bodyRenders++;
        }
      }).observe(document.querySelector('.transcript'), { subtree: true, childList: true, characterData: true, attributes: true });
    })()`);

    const chunks = deltas(ANSWER);
    await burst(chat, [
      stream('a2', { kind: 'reasoningDelta', text: 'The user wants a typed debounce; ' }),
      stream('a2', { kind: 'reasoningDelta', text: 'use ReturnType<typeof setTimeout>.' }),
      ...chunks.slice(0, 60).map((text) => stream('a2', { kind: 'contentDelta', text })),
    ]);
    const answer = chat.page.getByRole('article', { name: 'Grok said' }).nth(1);
    assert.match(await answer.locator('.message-body').innerText(), /Here is a typed helper/, 'partial markdown is rendered while streaming');
    assert.equal(await answer.locator('.reasoning summary').innerText(), 'Reasoning');
    await answer.locator('.reasoning summary').click(); // opening the reasoning survives further tokens

    await burst(chat, [
      ...chunks.slice(60).map((text) => stream('a2', { kind: 'contentDelta', text })),
      stream('a2', { kind: 'usage', usage: USAGE }),
      stream('a2', { kind: 'done' }),
    ]);

    assert.equal(await answer.locator('.message-body h2').innerText(), 'Debounce');
    assert.equal(await answer.locator('.message-body strong').innerText(), 'typed');
    assert.equal(await answer.locator('.message-body li').count(), 2);
    assert.equal(await answer.locator('.code-language').innerText(), 'ts');
    assert.ok((await answer.locator('pre code .hljs-keyword').count()) > 3, 'the code is highlighted');
    assert.match(await answer.locator('pre code').innerText(), /clearTimeout\(timer\);/);
    assert.equal(await answer.locator('details.reasoning').getAttribute('open'), '');
    assert.equal(await answer.locator('.reasoning-body').innerText(), 'The user wants a typed debounce; use ReturnType<typeof setTimeout>.');
    assert.equal(
      await answer.locator('.message-footer').innerText(),
      '1,843 in (1,536 cached) · 212 out · 96 reasoning · 2.3 s · first token 640 ms · $0.0007',
    );

    const renders = (await chat.page.evaluate('window.__bodyRenders')) as number;
    assert.ok(renders >= 1 && renders < chunks.length / 4, `${renders} body renders for ${chunks.length} deltas`);
    await chat.page.evaluate(`window.__answer = document.querySelectorAll('.message')[3]`);

    // the host's closing snapshot: same messages, the answer now stored; no node is rebuilt
    await chat.fromHost(state([
      user('u1', 'What is a debounce?'), assistant('a1', 'It **delays** a call.', { usage: USAGE }),
      user('u2', 'Write one in TypeScript'), assistant('a2', ANSWER, { reasoning: 'The user wants a typed debounce; use ReturnType<typeof setTimeout>.', usage: USAGE }),
    ]));
    assert.equal(await chat.page.evaluate(`window.__earlierMutations`), 0, 'earlier messages were not touched');
    assert.equal(
      await chat.page.evaluate(`[...document.querySelectorAll('.message')].slice(0, 3).every((m, i) => m === window.__earlier[i]) && document.querySelectorAll('.message')[3] === window.__answer`),
      true,
      'every message keeps its DOM node',
    );
    await chat.screenshot('streamed-answer');
  });

  it('renders incrementally: finished blocks keep their nodes, only the open block is rendered again', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'Write one')], { status: { ...READY_STATUS, busy: true } }));
    const head = '## Plan\n\nFirst paragraph with **bold** text.\n\n```ts\nconst a = 1;\n```\n\n';
    await burst(chat, deltas(head).map((text) => stream('a1', { kind: 'contentDelta', text })));
    await chat.page.evaluate(`(() => {
      const body = document.querySelectorAll('.message')[1].querySelector('.message-body');
      window.__finished = [body.querySelector('h2'), body.querySelector('p'), body.querySelector('.code-block')];
    })()`);
    const tail = 'Second paragraph, still open';
    for (const text of deltas(tail, 5)) await chat.fromHost(stream('a1', { kind: 'contentDelta', text }));
    assert.equal(await chat.page.evaluate(`window.__finished.every((node) => node !== null && node.isConnected)`), true, 'a finished block was rebuilt');
    await chat.fromHost(stream('a1', { kind: 'contentDelta', text: ' and now closed.\n\n- a list' }));
    await chat.fromHost(stream('a1', { kind: 'done' }));
    const body = chat.page.getByRole('article', { name: 'Grok said' }).locator('.message-body');
    assert.equal(await body.locator('p').nth(1).innerText(), 'Second paragraph, still open and now closed.');
    assert.equal(await body.locator('li').innerText(), 'a list');
    assert.equal(await body.locator('.code-block').count(), 1, 'the code block was rendered twice');
    assert.equal(await chat.page.evaluate(`window.__finished.every((node) => node.isConnected)`), true);

    // A different text for the same message (a regenerated answer) starts over.
    await chat.fromHost(state([user('u1', 'Write one'), assistant('a1', 'Something *else*.')]));
    assert.equal(await body.innerText(), 'Something else.');
  });

  it('marks an answer the server cut, with the reason under the message', async () => {
    const { chat } = suite;
    const reason = 'it reached the output limit of 4,000 tokens (grokCodeFast.maxTokens)';
    await chat.fromHost(state([user('u1', 'Write it all'), assistant('a1', 'function a() {', { cut: reason }), user('u2', 'Short'), assistant('a2', 'Done.')]));
    const notes = chat.page.locator('.cut-note');
    assert.equal(await notes.nth(0).innerText(), `Cut before its end: ${reason}.`);
    assert.equal(await chat.page.locator('.cut-note:visible').count(), 1, 'a whole answer was marked as cut');
  });

  it('posts stop on Esc and on the Stop button while an answer runs', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'Explain this file')], { status: { ...READY_STATUS, busy: true } }));
    await chat.fromHost(stream('a1', { kind: 'contentDelta', text: 'This file' }));
    await chat.page.keyboard.press('Escape');
    assert.deepEqual(await chat.postedOfType('stop'), [{ type: 'stop' }]);
    await chat.page.getByRole('button', { name: 'Stop (Esc)' }).click();
    assert.equal((await chat.postedOfType('stop')).length, 2);

    await chat.fromHost(stream('a1', { kind: 'done' }));
    await chat.page.keyboard.press('Escape');
    assert.equal((await chat.postedOfType('stop')).length, 2, 'Esc does nothing once the answer ended');
  });

  it('gives code blocks Copy, Insert, Apply and New file, and answers Copy and Regenerate', async () => {
    const { chat } = suite;
    const content = 'Try this:\n\n```python\nprint("hi")\n```\n';
    await chat.fromHost(state([user('u1', 'hello in python'), assistant('a1', content)]));
    const block = chat.page.getByRole('toolbar', { name: 'python block actions' });
    for (const name of ['Copy code', 'Insert at cursor', 'Apply to file', 'New file']) await block.getByRole('button', { name }).click();
    await chat.page.getByRole('button', { name: 'Copy answer' }).click();
    await chat.page.getByRole('button', { name: 'Regenerate answer' }).click();
    const code = 'print("hi")\n';
    assert.deepEqual((await chat.posted()).slice(1), [
      { type: 'copy', text: code },
      { type: 'insertCode', code },
      { type: 'applyCode', code, language: 'python' },
      { type: 'newFile', code, language: 'python' },
      { type: 'copy', text: content },
      { type: 'regenerate', messageId: 'a1' },
    ]);
  });

  it('wraps long code lines on request, in every code block, from the keyboard too', async () => {
    const { chat } = suite;
    const long = `const veryLongConfigurationValue = loadConfiguration({ path: "src/config/settings.json", strict: true, retries: 3, fallback: null });`;
    await chat.page.setViewportSize({ width: 300, height: 700 });
    await chat.fromHost(state([user('u1', 'config?'), assistant('a1', `One:\n\n\`\`\`ts\n${long}\n\`\`\`\n\nTwo:\n\n\`\`\`js\n${long}\n\`\`\`\n`)]));
    const pres = chat.page.locator('.code-block pre');
    const overflowing = () => pres.evaluateAll((list) => list.map((pre) => pre.scrollWidth > pre.clientWidth + 1));
    assert.deepEqual(await overflowing(), [true, true], 'long lines scroll sideways by default');
    const toggles = chat.page.getByRole('button', { name: 'Wrap long lines' });
    assert.equal(await toggles.count(), 2);
    assert.deepEqual(await toggles.evaluateAll((list) => list.map((b) => b.getAttribute('aria-pressed'))), ['false', 'false']);

    await toggles.first().focus();
    await chat.page.keyboard.press('Enter');
    assert.deepEqual(await overflowing(), [false, false], 'every block wraps');
    assert.deepEqual(await toggles.evaluateAll((list) => list.map((b) => b.getAttribute('aria-pressed'))), ['true', 'true']);

    // A block that arrives later wraps too, and says so.
    await chat.fromHost(state([user('u1', 'config?'), assistant('a1', `\`\`\`ts\n${long}\n\`\`\`\n`), user('u2', 'again'), assistant('a2', `\`\`\`ts\n${long}\n\`\`\`\n`)]));
    assert.deepEqual(await overflowing(), [false, false]);
    assert.equal(await toggles.last().getAttribute('aria-pressed'), 'true');

    await toggles.last().focus();
    await chat.page.keyboard.press('Space');
    assert.deepEqual(await overflowing(), [true, true], 'and unwraps again');
    assert.deepEqual(await chat.postedOfType('copy'), [], 'the toggle posts nothing');
  });

  it('shows an edit-block answer as a diff per file, not as raw markers, and applies one file or all', async () => {
    const { chat } = suite;
    const orders = 'src/orders.ts\n<<<<<<< SEARCH\n  notify(groups);\n  return valid;\n=======\n  notify(groups);\n  console.log(valid);\n  return valid;\n>>>>>>> REPLACE\n';
    const test = 'src/orders.test.ts\n<<<<<<< SEARCH\n=======\ntest("x", () => {});\n>>>>>>> REPLACE\n';
    const content = `Log the valid orders:\n\n\`\`\`ts\n${orders}\`\`\`\n\nAnd a test:\n\n\`\`\`ts\n${test}\`\`\`\n`;
    await chat.fromHost(state([user('u1', 'log them'), assistant('a1', content)]));
    const body = chat.page.locator('.message.assistant .message-body');
    const shown = await body.innerText();
    assert.doesNotMatch(shown, /<<<<<<<|=======|>>>>>>>/, 'raw markers are shown');
    const file = chat.page.getByRole('region', { name: 'Changes to src/orders.ts' });
    assert.deepEqual(await file.locator('.diff-line').evaluateAll((lines) => lines.map((line) => [line.className, line.textContent])), [
      ['diff-line context', '    notify(groups);'],
      ['diff-line added', '+   console.log(valid);'],
      ['diff-line context', '    return valid;'],
    ]);
    assert.ok(await chat.page.getByRole('region', { name: 'New file src/orders.test.ts' }).isVisible());

    const toolbars = chat.page.getByRole('toolbar', { name: 'Edit blocks actions' });
    assert.equal(await toolbars.count(), 2);
    assert.equal(await toolbars.first().getByRole('button', { name: 'Insert at cursor' }).count(), 0);
    await toolbars.first().getByRole('button', { name: 'Apply to file' }).click();
    await chat.page.getByRole('button', { name: 'Apply all edits' }).click();
    assert.deepEqual((await chat.posted()).slice(1), [
      { type: 'applyCode', code: orders, language: 'ts' },
      { type: 'applyCode', code: `${orders}\n${test}` },
    ]);
  });

  it('shows tool calls in the transcript as they run and finish', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'What does main.ts import?')], { status: { ...READY_STATUS, busy: true } }));
    const call = { id: 'call_1', name: 'read_file', argsSummary: 'src/main.ts', status: 'running' as const };
    await chat.fromHost(stream('a1', { kind: 'toolCall', call }));
    const item = chat.page.locator('.tool-call');
    assert.equal(await item.innerText(), 'read_file\nsrc/main.ts\nrunning…');
    await chat.fromHost(stream('a1', { kind: 'toolCall', call: { ...call, status: 'done', resultSummary: '42 lines' } }));
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /done\n42 lines/);
  });
});
