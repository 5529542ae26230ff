/**
 * The chat panel's main states and the messages that reach them, shared by the accessibility, keyboard
 * and pseudo-locale tests (so the clicks find their controls by structure, not by English names).
 */
import { type ChatPage } from './harness';
import { assistant, READY_STATUS, state, stream, user } from './messages';

export const CODE_ANSWER = [
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

export const USAGE = { promptTokens: 1843, completionTokens: 212, reasoningTokens: 96, cachedTokens: 1536, costUsd: 0.000_712, latencyMs: 2310, timeToFirstTokenMs: 640 };
export const CHIP = { id: 's1', kind: 'selection' as const, label: 'configWatcher.ts:12-31', path: 'src/configWatcher.ts' };

/** The chat panel's main states, each reached as a user would see it. */
export const CHAT_STATES: { name: string; reach(chat: ChatPage): Promise<void> }[] = [
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
      await chat.page.locator('details.reasoning > summary').click();
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
      await chat.page.locator('button[aria-controls="history"]').click();
    },
  },
  {
    name: '@-mention list',
    async reach(chat) {
      await chat.fromHost(state([]));
      const input = chat.page.locator('textarea');
      await input.pressSequentially('look at @ser');
      await chat.fromHost({ type: 'fileSuggestions', query: 'ser', items: [
        { path: 'src/server.ts', label: 'server.ts' },
        { path: 'test/server.test.ts', label: 'server.test.ts' },
      ] });
    },
  },
];
