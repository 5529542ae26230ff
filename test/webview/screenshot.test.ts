/**
 * The README's picture of the panel (media/screenshots/chat.png): a realistic conversation in the
 * Dark Modern theme, made by the real bundle in Chromium.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Harness } from './harness';
import { assistant, READY_STATUS, state, stream, user } from './messages';

const SCREENSHOT = resolve(__dirname, '../../../media/screenshots/chat.png');

const ANSWER = [
  'The handler re-reads the whole file on every keystroke. Debounce it and reuse the parsed config:',
  '',
  '```ts',
  'const reload = debounce(async (uri: vscode.Uri) => {',
  '  const text = await fs.readFile(uri.fsPath, "utf8");',
  '  cache.set(uri.toString(), parseConfig(text));',
  '}, 250);',
  '',
  'watcher.onDidChange(reload);',
  '```',
  '',
  '- **250 ms** keeps saves snappy and skips bursts',
  '- `cache` is invalidated per file, not globally',
].join('\n');

describe('chat webview: README screenshot', () => {
  let harness: Harness;
  before(async () => {
    harness = await Harness.start();
  });
  after(async () => harness.close());

  it('renders a realistic conversation to media/screenshots/chat.png', async () => {
    const { chat, errors } = await harness.open({ width: 440, height: 980 }, 2);
    const chip = { id: 's1', kind: 'selection' as const, label: 'configWatcher.ts:12-31', path: 'src/configWatcher.ts' };
    const messages = [
      user('u1', 'Why does typing in settings.json feel laggy with the extension on?'),
      assistant('a1', ANSWER, {
        reasoning: 'The watcher fires on every change event; parsing is synchronous and runs each time.',
        toolCalls: [
          { id: 't1', name: 'read_file', argsSummary: 'src/configWatcher.ts', status: 'done', resultSummary: '48 lines' },
          { id: 't2', name: 'search_text', argsSummary: '"onDidChange" in src/**', status: 'done', resultSummary: '3 matches' },
        ],
        usage: { promptTokens: 4210, completionTokens: 187, reasoningTokens: 142, cachedTokens: 3968, costUsd: 0.00064, latencyMs: 2140, timeToFirstTokenMs: 610 },
      }),
      { ...user('u2', 'Add a test for the debounce'), chips: [chip] },
    ];
    await chat.fromHost(state(messages, {
      conversations: [{ id: 'c1', title: 'Laggy settings.json', updatedAt: Date.now() }],
      active: { id: 'c1', title: 'Laggy settings.json', messages },
      status: { ...READY_STATUS, busy: true },
    }));
    await chat.fromHost(stream('a2', { kind: 'reasoningDelta', text: 'Use fake timers so the test does not sleep.' }));
    await chat.fromHost(stream('a2', { kind: 'contentDelta', text: 'With fake timers the test stays exact:\n\n```ts\nit("reloads once per burst", () => {\n  const clock = sinon.useFakeTimers();' }));
    await chat.fromHost({ type: 'contextChips', chips: [{ id: 'f1', kind: 'file', label: 'configWatcher.test.ts', path: 'test/configWatcher.test.ts' }] });
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await chat.page.screenshot({ path: SCREENSHOT });
    await chat.page.context().close();
    assert.deepEqual(errors, []);
    assert.ok(statSync(SCREENSHOT).size > 20_000);
  });
});
