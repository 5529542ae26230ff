import * as assert from 'node:assert/strict';
import { useChatPage } from './harness';
import { assistant, READY_STATUS, state, stream, user } from './messages';

describe('chat webview: session, consent, errors and context', () => {
  const suite = useChatPage();
  const input = () => suite.chat.page.getByRole('textbox', { name: 'Message Grok' });

  it('restores the transcript and the half-typed draft after a reload', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'Why is the build slow?'), assistant('a1', 'Because of **source maps**.')]));
    await input().pressSequentially('and how do I fix');
    await chat.waitForPosted('draft');
    assert.deepEqual((await chat.postedOfType('draft')).at(-1), { type: 'draft', text: 'and how do I fix' });

    await chat.page.reload();
    await chat.waitForPosted('ready');
    assert.equal(await input().inputValue(), 'and how do I fix');
    assert.equal(await chat.page.locator('.message.assistant strong').innerText(), 'source maps');
    assert.equal(await chat.page.locator('.title').innerText(), 'DEBOUNCE HELPER');
  });

  it('takes the host draft after a window restart, but never over a local one', async () => {
    const { chat } = suite;
    await chat.fromHost(state([], { draft: 'from the host' }));
    assert.equal(await input().inputValue(), 'from the host');
    await input().fill('mine');
    await chat.fromHost(state([], { draft: 'from the host' }));
    assert.equal(await input().inputValue(), 'mine');
  });

  it('asks for consent and treats "I consent" in the composer as consent, sending nothing else', async () => {
    const { chat } = suite;
    const notice = 'Your prompts go to **xAI**. Roo Code Cloud routes may be used for training.';
    await chat.fromHost(state([], { active: null, status: { ...READY_STATUS, hasConsent: false, consentNotice: notice } }));
    const region = chat.page.getByRole('region', { name: 'Data-use consent' });
    assert.match(await region.innerText(), /Your prompts go to xAI\. Roo Code Cloud/);
    assert.equal(await region.locator('strong').innerText(), 'xAI');

    await input().fill('hello there');
    await input().press('Enter');
    assert.equal(await input().inputValue(), 'hello there', 'the text is kept');
    assert.match(await chat.page.getByRole('status').innerText(), /consent first/);

    await input().fill('I consent');
    await input().press('Enter');
    assert.deepEqual(await chat.postedOfType('consent'), [{ type: 'consent', granted: true }]);
    assert.equal(await input().inputValue(), '');
    await region.getByRole('button', { name: 'I consent' }).click();
    assert.equal((await chat.postedOfType('consent')).length, 2);
    assert.deepEqual(await chat.postedOfType('send'), [], 'nothing went to the model');
    await input().fill('hello again'); // the host has not recorded consent yet
    await input().press('Enter');
    assert.deepEqual(await chat.postedOfType('send'), []);
    assert.match(await chat.page.getByRole('status').innerText(), /consent first/);

    await chat.fromHost(state([], { active: null }));
    assert.equal(await region.count(), 0, 'the notice goes once the host records consent');
    assert.equal(await chat.page.getByRole('status').innerText(), '', 'and so does the hint');
    assert.deepEqual(await chat.postedOfType('send'), [{ type: 'send', text: 'hello again', chips: [] }], 'the refused message is sent without a second Enter');
    assert.equal(await input().inputValue(), '');
  });

  it('sends the message typed before consenting once the user consents by typing "I consent"', async () => {
    const { chat } = suite;
    await chat.fromHost(state([], { active: null, status: { ...READY_STATUS, hasConsent: false, consentNotice: 'notice' } }));
    await input().fill('why is this slow?');
    await input().press('Enter');
    await input().fill('I consent');
    await input().press('Enter');
    assert.deepEqual(await chat.postedOfType('send'), []);
    await chat.fromHost(state([], { active: null }));
    assert.deepEqual(await chat.postedOfType('send'), [{ type: 'send', text: 'why is this slow?', chips: [] }]);
  });

  it('sends the message held for consent once on "I consent", clears the composer, and Enter does not send it again', async () => {
    const { chat } = suite;
    await chat.fromHost(state([], { active: null, status: { ...READY_STATUS, hasConsent: false, consentNotice: 'notice' } }));
    await input().fill('why is this slow?');
    await input().press('Enter');
    assert.equal(await input().inputValue(), 'why is this slow?', 'held while consent is asked');
    await chat.page.getByRole('region', { name: 'Data-use consent' }).getByRole('button', { name: 'I consent' }).click();
    // The host records consent and posts its state twice (the consent change and the reply), each still holding
    // the typed text as its draft: it has not seen the send yet.
    const consented = state([], { active: null, draft: 'why is this slow?' });
    await chat.fromHost(consented);
    await chat.fromHost(consented);
    assert.deepEqual(await chat.postedOfType('send'), [{ type: 'send', text: 'why is this slow?', chips: [] }]);
    assert.equal(await input().inputValue(), '', 'the composer is cleared');
    await input().press('Enter');
    assert.equal((await chat.postedOfType('send')).length, 1, 'Enter does not send it again');
    await chat.page.reload();
    await chat.waitForPosted('ready');
    assert.equal(await input().inputValue(), '', 'nor does a reload bring it back');
  });

  it('sends a message refused for want of a key once the key is set, but not if the user typed something else', async () => {
    const { chat } = suite;
    await chat.fromHost(state([], { active: null, status: { ...READY_STATUS, hasKey: false } }));
    await input().fill('explain the cache');
    await input().press('Enter');
    assert.match(await chat.page.getByRole('status').innerText(), /Set an API key first/);
    await chat.fromHost(state([], { active: null }));
    assert.deepEqual(await chat.postedOfType('send'), [{ type: 'send', text: 'explain the cache', chips: [] }]);

    await chat.fromHost(state([], { active: null, status: { ...READY_STATUS, hasKey: false } }));
    await chat.fromHost({ type: 'prefill', text: 'refused by the host' });
    await input().fill('something else');
    await chat.fromHost(state([], { active: null }));
    assert.equal((await chat.postedOfType('send')).length, 1, 'the edited text stays in the composer');
    assert.equal(await input().inputValue(), 'something else');
  });

  it('completes slash commands in the composer and sends the picked one as a command, not as a message', async () => {
    const { chat } = suite;
    await chat.fromHost(state([], { active: null }));
    await input().pressSequentially('/');
    const options = chat.page.getByRole('option');
    assert.deepEqual(await options.locator('.mention-label').allInnerTexts(), ['/explain', '/fix', '/tests', '/doc']);
    await input().pressSequentially('f');
    assert.deepEqual(await options.locator('.mention-label').allInnerTexts(), ['/fix']);
    await input().press('Enter');
    assert.equal(await input().inputValue(), '/fix', 'Enter picks the command');
    await input().press('Enter');
    assert.deepEqual(await chat.postedOfType('slashCommand'), [{ type: 'slashCommand', command: 'fix' }]);
    assert.deepEqual(await chat.postedOfType('send'), []);
    assert.equal(await input().inputValue(), '');
    await input().fill('/fix the null check please');
    await input().press('Enter');
    assert.equal((await chat.postedOfType('send')).length, 1, 'text after a command is an ordinary message');
  });

  it('shows the instruction files as chips above the composer, and × asks the host to stop using one', async () => {
    const { chat } = suite;
    await chat.fromHost(state([], { instructions: [{ path: 'AGENTS.md' }, { path: '.grok/instructions.md' }] }));
    const list = chat.page.getByRole('list', { name: 'Instruction files sent with every message' });
    assert.deepEqual(await list.locator('.chip-label').allInnerTexts(), ['AGENTS.md', '.grok/instructions.md']);
    await list.getByRole('button', { name: 'Stop using AGENTS.md' }).click();
    assert.deepEqual(await chat.postedOfType('removeInstructions'), [{ type: 'removeInstructions', path: 'AGENTS.md' }]);
    await chat.fromHost(state([]));
    assert.equal(await list.isVisible(), false, 'no files, no chips');
  });

  it('drops invalid host messages without breaking', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'hi'), assistant('a1', 'hello')]));
    const before = await chat.page.locator('#app').innerHTML();
    const invalid: unknown[] = [
      null, 42, 'state', {}, { type: 'nope' }, { type: 'stream' },
      { type: 'stream', conversationId: 'c1', messageId: 'a2', event: { kind: 'contentDelta', text: 7 } },
      { type: 'state', conversations: 'all', active: null, status: READY_STATUS },
      { type: 'prefill', text: 'x'.repeat(1_000_001) },
      { type: 'contextChips', chips: [{ id: 'x', kind: 'folder', label: 'src' }] },
      { type: 'fileSuggestions', query: 'a', items: Array.from({ length: 101 }, () => ({ path: 'a', label: 'a' })) },
    ];
    for (const message of invalid) await chat.fromHost(message);
    assert.equal(await chat.page.locator('#app').innerHTML(), before, 'nothing changed');
    await chat.fromHost({ type: 'prefill', text: 'still alive' });
    assert.equal(await input().inputValue(), 'still alive');
  });

  it('keeps a partial answer on error and offers the right action', async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'long answer please')], { status: { ...READY_STATUS, busy: true } }));
    await chat.fromHost(stream('a1', { kind: 'contentDelta', text: 'The first half' }));
    await chat.fromHost(stream('a1', { kind: 'error', error: { code: 'network_error', message: 'The connection dropped.', action: 'retry' } }));
    assert.equal(await chat.page.locator('.message.assistant .message-body').innerText(), 'The first half');
    await chat.page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    assert.deepEqual(await chat.postedOfType('retry'), [{ type: 'retry', messageId: 'a1' }]);

    await chat.fromHost(stream('a2', { kind: 'error', error: { code: 'unauthorized', message: 'Incorrect API key.', action: 'setApiKey' } }));
    await chat.page.getByRole('alert').filter({ hasText: 'Incorrect API key.' }).getByRole('button', { name: 'Set API key' }).click();
    assert.deepEqual(await chat.postedOfType('setApiKey'), [{ type: 'setApiKey' }]);
  });

  it("says why a live answer waits, until the first output; used-up credits offer the server's console", async () => {
    const { chat } = suite;
    await chat.fromHost(state([user('u1', 'q')], { status: { ...READY_STATUS, busy: true } }));
    await chat.fromHost(stream('a1', { kind: 'waiting', text: 'rate-limited, retrying in 7 s' }));
    const waiting = chat.page.locator('.message.assistant .waiting-status');
    assert.equal(await waiting.innerText(), 'Rate-limited, retrying in 7 s');
    await chat.fromHost(stream('a1', { kind: 'waiting', text: 'no data for 6 s…' }));
    assert.equal(await waiting.innerText(), 'No data for 6 s…');
    await chat.fromHost(stream('a1', { kind: 'contentDelta', text: 'Here' }));
    assert.equal(await waiting.isVisible(), false);

    const credits = { code: 'credits_exhausted', message: 'The account has no credits left.', action: 'openConsole' as const, url: 'https://console.x.ai/team/t1' };
    await chat.fromHost(stream('a1', { kind: 'error', error: credits }));
    assert.equal(await chat.page.locator('.countdown').innerText(), '', 'no countdown: waiting will not help');
    await chat.page.getByRole('alert').getByRole('button', { name: 'Open console' }).click();
    assert.deepEqual(await chat.postedOfType('openConsole'), [{ type: 'openConsole', url: 'https://console.x.ai/team/t1' }]);
  });

  it('shows context chips, removes them, attaches them to the message, and @-mentions files', async () => {
    const { chat } = suite;
    await chat.fromHost(state([]));
    await chat.fromHost({ type: 'contextChips', chips: [
      { id: 's1', kind: 'selection', label: 'app.ts:10-24', path: 'src/app.ts', language: 'typescript', range: { startLine: 9, endLine: 23 } },
      { id: 'f1', kind: 'file', label: 'util.ts', path: 'src/util.ts' },
    ] });
    const chips = chat.page.getByRole('list', { name: 'Context for the next message' });
    assert.equal(await chips.getByRole('listitem').count(), 2);
    await chips.getByRole('button', { name: 'Remove util.ts' }).click();
    await chat.page.getByRole('button', { name: 'Add selection to context' }).click();
    await chat.page.getByRole('button', { name: 'Add current file to context' }).click();

    await input().pressSequentially('explain @ser');
    assert.deepEqual((await chat.postedOfType('mentionQuery')).at(-1), { type: 'mentionQuery', query: 'ser' });
    await chat.fromHost({ type: 'fileSuggestions', query: 'se', items: [{ path: 'stale.ts', label: 'stale.ts' }] });
    await chat.fromHost({ type: 'fileSuggestions', query: 'ser', items: [
      { path: 'src/server.ts', label: 'server.ts' }, { path: 'test/server.test.ts', label: 'server.test.ts' },
    ] });
    const options = chat.page.getByRole('listbox', { name: 'Files to attach' }).getByRole('option');
    assert.deepEqual(await options.allInnerTexts(), ['server.ts\nsrc/server.ts', 'server.test.ts\ntest/server.test.ts']);
    await input().press('ArrowDown');
    await input().press('Enter');
    assert.deepEqual((await chat.postedOfType('mentionPick')).at(-1), { type: 'mentionPick', path: 'test/server.test.ts' });
    assert.equal(await input().inputValue(), 'explain ');
    assert.deepEqual(await chat.postedOfType('send'), [], 'picking a file does not send');

    await input().pressSequentially('this');
    await input().press('Enter');
    assert.deepEqual((await chat.posted()).filter((m) => m.type !== 'draft' && m.type !== 'mentionQuery').slice(1), [
      { type: 'removeChip', id: 'f1' },
      { type: 'addSelection' },
      { type: 'addFile' },
      { type: 'mentionPick', path: 'test/server.test.ts' },
      { type: 'send', text: 'explain this', chips: [
        { id: 's1', kind: 'selection', label: 'app.ts:10-24', path: 'src/app.ts', language: 'typescript', range: { startLine: 9, endLine: 23 } },
        { id: 'f1', kind: 'file', label: 'util.ts', path: 'src/util.ts' },
      ] },
    ]);
    assert.equal(await chat.page.getByRole('article', { name: 'You said' }).locator('.chip').count(), 2);
  });

  it('lists past conversations to open or delete, and starts a new chat', async () => {
    const { chat } = suite;
    await chat.fromHost(state([], { conversations: [
      { id: 'c1', title: 'Debounce helper', updatedAt: Date.now() - 120_000 },
      { id: 'c2', title: 'Fix the flaky test', updatedAt: Date.now() - 3 * 3600_000 },
    ] }));
    const history = chat.page.getByRole('navigation', { name: 'Past conversations' });
    assert.ok(!(await history.isVisible()));
    await chat.page.getByRole('button', { name: 'Past conversations' }).click();
    assert.deepEqual(await history.locator('.history-open').allInnerTexts(), ['Debounce helper\n2 min ago', 'Fix the flaky test\n3 h ago']);
    await history.getByRole('button', { name: 'Delete conversation “Debounce helper”' }).click();
    await history.getByRole('button', { name: 'Fix the flaky test 3 h ago' }).click();
    assert.ok(!(await history.isVisible()), 'opening one closes the list');
    assert.equal(await chat.page.locator('header').getByRole('button', { name: 'New chat' }).count(), 1, 'one + in the header');
    await chat.page.getByRole('button', { name: 'New chat' }).click();
    assert.deepEqual((await chat.posted()).slice(1), [
      { type: 'deleteConversation', id: 'c1' },
      { type: 'openConversation', id: 'c2' },
      { type: 'newChat' },
    ]);
  });
});
