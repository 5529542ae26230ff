import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ChatController, type ChatControllerDeps } from '../../../src/chat/chatController';
import { HistoryStore } from '../../../src/chat/historyStore';
import { parseToWebview, type StateMessage, type ToWebviewMessage } from '../../../src/chat/protocol';
import { createNodeWorkspaceAccess } from '../../../src/chat/tools/nodeWorkspaceAccess';
import { WorkspaceTools } from '../../../src/chat/tools/workspaceTools';
import { CreditsExhaustedError, RateLimitError } from '../../../src/provider/errors';
import { type Logger } from '../../../src/provider/types';
import { FakeEditorHost } from './fakeEditorHost';
import { MemoryMemento } from './memoryMemento';
import { response, ScriptedModel, type ScriptStep } from '../../support/scriptedModel';
import { FakeClock } from '../../support/fakeClock';
import { createWorkspaceFixture, type WorkspaceFixture } from './tools/workspaceFixture';
import { until } from './until';

const NOTICE = 'Prompts are sent to xAI. Reply "I consent" to continue.';

describe('ChatController', () => {
  let fixture: WorkspaceFixture;
  let posted: ToWebviewMessage[];
  let warnings: string[];
  let editor: FakeEditorHost;
  let memento: MemoryMemento;
  let consented: boolean;
  let hasKey: boolean;

  beforeEach(() => {
    fixture = createWorkspaceFixture();
    posted = [];
    warnings = [];
    editor = new FakeEditorHost();
    memento = new MemoryMemento();
    consented = true;
    hasKey = true;
  });
  afterEach(() => fixture.dispose());

  const logger: Logger = { debug: () => undefined, info: () => undefined, error: (m) => void warnings.push(m), warn: (m) => void warnings.push(m) };

  function setup(scripts: ScriptStep[][] = [], overrides: Partial<ChatControllerDeps> = {}) {
    const clock = new FakeClock(1_000_000);
    const model = new ScriptedModel(scripts, clock);
    let ids = 0;
    const history = new HistoryStore(memento, 'ws');
    const deps: ChatControllerDeps = {
      getProvider: () => model,
      consent: { has: async () => consented, record: async (granted) => void (consented = granted), notice: NOTICE },
      hasApiKey: async () => hasKey,
      history,
      tools: new WorkspaceTools({ access: createNodeWorkspaceAccess({ roots: [fixture.root] }) }),
      getSettings: () => ({ model: 'grok-code-fast-1', maxTokens: 1000, temperature: null, maxToolRounds: 6 }),
      logger,
      now: clock.now,
      newId: () => `id${++ids}`,
      ...overrides,
    };
    const controller = new ChatController(deps, editor);
    controller.connect((message) => {
      // Everything the host posts must be a valid protocol message.
      assert.ok(parseToWebview(message), `invalid message posted: ${JSON.stringify(message).slice(0, 300)}`);
      posted.push(message);
    });
    return { controller, model, history };
  }

  const states = () => posted.filter((m): m is StateMessage => m.type === 'state');
  const lastState = () => states().at(-1)!;
  const streamKinds = () => posted.flatMap((m) => (m.type === 'stream' ? [m.event.kind] : []));

  it('answers ready with a state snapshot: no conversation, status, model, the consent notice when missing', async () => {
    consented = false;
    hasKey = false;
    const { controller } = setup();
    await controller.handle({ type: 'ready' });
    assert.deepEqual(posted, [
      {
        type: 'state',
        conversations: [],
        active: null,
        status: { hasKey: false, hasConsent: false, consentNotice: NOTICE, model: 'grok-code-fast-1', busy: false },
        chips: [],
        draft: '',
      },
    ]);
  });

  it('drops and logs messages that are not protocol messages', async () => {
    const { controller, model } = setup();
    for (const bad of [null, 'send', { type: 'explode' }, { type: 'send', text: 42, chips: [] }, { type: 'copy', text: 'x'.repeat(1_000_001) }, { type: 'openConversation', id: '' }]) {
      await controller.handle(bad);
    }
    assert.deepEqual(posted, []);
    assert.equal(model.requests.length, 0);
    assert.equal(warnings.filter((w) => w.startsWith('chat: dropped an invalid message')).length, 6);
    assert.match(warnings[2]!, /type: explode/);
  });

  it('runs a turn: state with the question, streamed answer, done, final state; saved with usage', async () => {
    const { controller, model, history } = setup([response({ reasoning: 'Hmm.', content: 'Hello there.', delayMs: 40 })]);
    await controller.handle({ type: 'send', text: 'Hi!', chips: [] });
    await controller.idle();

    const first = states()[0]!;
    assert.equal(first.status.busy, true);
    assert.deepEqual(first.active?.messages.map((m) => [m.role, m.content]), [['user', 'Hi!']]);
    // The deltas of one read (here the whole scripted answer) reach the panel as one message per kind.
    assert.deepEqual(streamKinds(), ['reasoningDelta', 'contentDelta', 'usage', 'done']);
    assert.deepEqual(posted.flatMap((m) => (m.type === 'stream' && m.event.kind === 'contentDelta' ? [m.event.text] : [])), ['Hello there.']);
    const streamIds = new Set(posted.flatMap((m) => (m.type === 'stream' ? [`${m.conversationId}/${m.messageId}`] : [])));
    assert.deepEqual([...streamIds], [`${first.active!.id}/id3`]);

    const final = lastState();
    assert.equal(final.status.busy, false);
    const answer = final.active!.messages[1]!;
    assert.equal(answer.id, 'id3');
    assert.equal(answer.content, 'Hello there.');
    assert.equal(answer.reasoning, 'Hmm.');
    assert.deepEqual(answer.usage, { promptTokens: 100, completionTokens: 10, reasoningTokens: 0, cachedTokens: 0, costUsd: 0.001, latencyMs: 40, timeToFirstTokenMs: 40 });
    assert.deepEqual(final.conversations, [{ id: first.active!.id, title: 'Hi!', updatedAt: final.conversations[0]!.updatedAt }]);

    assert.equal(history.activeId(), first.active!.id);
    assert.equal(history.load(first.active!.id)!.entries.length, 2);
    assert.equal(model.requests[0]!.metadata!.conversationId, first.active!.id);
    assert.equal(model.requests[0]!.metadata!.feature, 'chat');
  });

  it('after Delete My Data in another window, neither sends the deleted conversation as context nor writes it back (issue 17)', async () => {
    const { controller, model, history } = setup([response({ content: 'First answer.' }), response({ content: 'Second answer.' })]);
    await controller.handle({ type: 'send', text: 'my secret question', chips: [] });
    await controller.idle();
    await controller.handle({ type: 'draft', text: 'half-typed private note' });

    // Another window (its own store over the same globalState) deletes everything.
    await new HistoryStore(memento, 'ws').deleteAll();
    await controller.handle({ type: 'send', text: 'a fresh question', chips: [] });
    await controller.idle();

    const sent = JSON.stringify(model.requests[1]);
    assert.doesNotMatch(sent, /my secret question|First answer/, 'the deleted conversation went along as context');
    assert.doesNotMatch(JSON.stringify([...memento.data.values()]), /my secret question|First answer|half-typed/, 'the deleted data was written back');
    assert.deepEqual(history.list().map((summary) => summary.title), ['a fresh question']);
    assert.equal(lastState().active?.messages[0]?.content, 'a fresh question');
  });

  it('sends nothing without consent: the text stays as the draft, and consent is recorded from the panel', async () => {
    consented = false;
    const { controller, model, history } = setup([response({ content: 'ok' })]);
    await controller.ask('Explain this');
    assert.equal(model.requests.length, 0);
    assert.deepEqual(history.draft().text, 'Explain this');
    assert.deepEqual(posted.find((m) => m.type === 'prefill'), { type: 'prefill', text: 'Explain this' });
    assert.equal(lastState().draft, 'Explain this');
    await controller.handle({ type: 'consent', granted: true });
    assert.equal(consented, true);
    assert.equal(lastState().status.hasConsent, true);
    assert.equal(lastState().status.consentNotice, undefined);
  });

  it('sends nothing without a key, and re-reads the key after Set API key', async () => {
    hasKey = false;
    const { controller, model } = setup();
    await controller.handle({ type: 'send', text: 'hello', chips: [] });
    assert.equal(model.requests.length, 0);
    editor.onSetApiKey = () => void (hasKey = true);
    await controller.handle({ type: 'setApiKey' });
    assert.deepEqual(editor.actions, [['setApiKey']]);
    assert.equal(lastState().status.hasKey, true);
  });

  it('stops at once, keeps the partial answer marked stopped, and ends the stream', async () => {
    const { controller, model, history } = setup([[{ type: 'content', text: 'Partial answer' }, 'hang']]);
    await controller.handle({ type: 'send', text: 'Write an essay', chips: [] });
    await until(() => streamKinds().includes('contentDelta'));
    await controller.handle({ type: 'stop' });
    await controller.idle();
    assert.equal(model.signals[0]!.aborted, true);
    assert.equal(streamKinds().at(-1), 'done');
    const answer = lastState().active!.messages[1]!;
    assert.equal(answer.content, 'Partial answer');
    assert.equal(answer.stopped, true);
    assert.equal(lastState().status.busy, false);
    const saved = history.load(lastState().active!.id)!;
    assert.equal(saved.entries[1]!.role === 'assistant' && saved.entries[1]!.stopped, true);
  });

  it('shows the answer so far in a snapshot taken mid-stream (a reloaded webview)', async () => {
    const { controller } = setup([[{ type: 'reasoning', text: 'Thinking' }, { type: 'content', text: 'So far' }, 'hang']]);
    await controller.handle({ type: 'send', text: 'q', chips: [] });
    await until(() => streamKinds().includes('contentDelta'));
    await controller.handle({ type: 'ready' });
    const snapshot = lastState();
    assert.equal(snapshot.status.busy, true);
    assert.deepEqual(snapshot.active!.messages[1], { id: 'id3', role: 'assistant', content: 'So far', reasoning: 'Thinking', createdAt: 1_000_000 });
    controller.stop();
    await controller.idle();
  });

  it('posts no delta twice around a snapshot taken while deltas are still held', async () => {
    const { controller } = setup([[{ type: 'content', text: 'So ' }, { type: 'content', text: 'far' }, 'hang']]);
    await controller.handle({ type: 'send', text: 'q', chips: [] });
    await until(() => controller.activeConversation !== undefined && lastState().status.busy);
    await controller.handle({ type: 'ready' });
    await until(() => streamKinds().includes('contentDelta'));
    controller.stop();
    await controller.idle();
    // What a webview reloaded at that snapshot shows: its copy of the answer, then the deltas after it.
    const snapshot = states().filter((m) => m.status.busy).at(-1)!;
    const at = posted.indexOf(snapshot);
    const after = posted.slice(at + 1).flatMap((m) => (m.type === 'stream' && m.event.kind === 'contentDelta' ? [m.event.text] : []));
    assert.equal((snapshot.active!.messages[1]?.content ?? '') + after.join(''), 'So far');
  });

  it('reports an error with its action, keeps the partial answer, and Retry replaces it', async () => {
    const { controller, model } = setup([[{ type: 'content', text: 'Half' }, new RateLimitError('Rate limit reached', 7)], response({ content: 'Whole answer.' })]);
    await controller.handle({ type: 'send', text: 'q', chips: [] });
    await controller.idle();
    const errorEvent = posted.find((m) => m.type === 'stream' && m.event.kind === 'error');
    assert.deepEqual(errorEvent?.type === 'stream' && errorEvent.event, { kind: 'error', error: { code: 'rate_limited', message: 'Rate limit reached', retryAfter: 7, action: 'retry' } });
    assert.equal(lastState().active!.messages[1]!.content, 'Half');
    await controller.handle({ type: 'retry', messageId: lastState().active!.messages[1]!.id });
    await controller.idle();
    assert.deepEqual(lastState().active!.messages.map((m) => m.content), ['q', 'Whole answer.']);
    assert.deepEqual(model.requests[1]!.messages, model.requests[0]!.messages, 'the retry sends the same conversation');
  });

  it('never lets a late retry replace another turn: it names its answer, and only the last answer is retried', async () => {
    const { controller, model } = setup([[new RateLimitError('Rate limit reached', 90)], response({ content: 'Second answer.' })]);
    await controller.handle({ type: 'send', text: 'first', chips: [] });
    await controller.idle();
    const limited = lastState().active!.messages[1]!;
    assert.equal(limited.error?.code, 'rate_limited');
    await controller.handle({ type: 'send', text: 'second', chips: [] });
    await controller.idle();
    const answered = lastState().active!.messages.map((m) => [m.id, m.content]);

    // The first turn's countdown (or its Retry button) fires after the second turn was answered.
    await controller.handle({ type: 'retry', messageId: limited.id });
    await controller.handle({ type: 'regenerate', messageId: limited.id });
    await controller.idle();
    assert.equal(model.requests.length, 2, 'nothing re-requested');
    assert.deepEqual(lastState().active!.messages.map((m) => [m.id, m.content]), answered, 'the second answer is kept as it was');
    assert.match(warnings.join('\n'), /ignored a retry of an answer that is not the last one/);
  });

  it('says "rate-limited, retrying in N s" while the provider waits to retry a 429, and clears it with the answer', async () => {
    const scripted = new ScriptedModel([response({ content: 'Fine.' })]);
    const { controller } = setup([], {
      getProvider: () => ({
        streamEvents: (request) => {
          request.options?.onRetry?.({ code: 'rate_limited', delayMs: 7000 });
          return scripted.streamEvents(request);
        },
      }),
    });
    await controller.handle({ type: 'send', text: 'q', chips: [] });
    await controller.idle();
    const waits = posted.flatMap((m) => (m.type === 'stream' && m.event.kind === 'waiting' ? [m.event.text] : []));
    assert.deepEqual(waits, ['rate-limited, retrying in 7 s']);
    const answer = lastState().active!.messages[1]!;
    assert.equal(answer.content, 'Fine.');
    assert.equal(answer.waiting, undefined, 'the words go with the first output');
  });

  it('says a big turn\'s estimated input cost while it waits, above the estimate setting only', async () => {
    for (const [estimateUsd, expected] of [
      [0.25, ['A large request: about $0.2500 of input.']],
      [0.05, []],
    ] as const) {
      posted.length = 0;
      const scripted = new ScriptedModel([response({ content: 'Fine.' })]);
      const { controller } = setup([], {
        getSettings: () => ({ model: 'grok-4.3', maxToolRounds: 0, estimateNoticeUsd: 0.1 }),
        getProvider: () => ({
          streamEvents: (request) => {
            request.options?.onEstimate?.(estimateUsd);
            return scripted.streamEvents(request);
          },
        }),
      });
      await controller.handle({ type: 'send', text: 'q', chips: [] });
      await controller.idle();
      const waits = posted.flatMap((m) => (m.type === 'stream' && m.event.kind === 'waiting' ? [m.event.text] : []));
      assert.deepEqual(waits, expected);
      assert.equal(lastState().active!.messages[1]!.waiting, undefined, 'the words go with the first output');
    }
  });

  it('does not call used-up credits a rate limit: no countdown, and Open console opens only the address the server gave', async () => {
    const said = "The server's rate limit was reached (429): Your team has used all available credits. Purchase more at https://console.x.ai/team/t1/billing";
    const { controller } = setup([[new CreditsExhaustedError(said, 429)]]);
    await controller.handle({ type: 'send', text: 'q', chips: [] });
    await controller.idle();
    const error = lastState().active!.messages[1]!.error!;
    assert.equal(error.code, 'credits_exhausted');
    assert.equal(error.action, 'openConsole');
    assert.equal(error.url, 'https://console.x.ai/team/t1/billing');
    assert.equal(error.retryAfter, undefined);
    assert.doesNotMatch(error.message, /rate limit/i);
    await controller.handle({ type: 'openConsole', url: 'https://evil.example/phish' });
    await controller.handle({ type: 'openConsole', url: 'https://console.x.ai/team/t1/billing' });
    assert.deepEqual(editor.actions, [['openExternal', 'https://console.x.ai/team/t1/billing']]);
    assert.match(warnings.join('\n'), /refused to open/);
  });

  it('opens a console address that is not xAI\'s only after showing it and asking', async () => {
    const said = 'Your team has used all available credits. Purchase more at https://console.x.ai.attacker.example/billing';
    const { controller } = setup([[new CreditsExhaustedError(said, 429)]]);
    await controller.handle({ type: 'send', text: 'q', chips: [] });
    await controller.idle();
    const url = lastState().active!.messages[1]!.error!.url!;
    assert.equal(url, 'https://console.x.ai.attacker.example/billing');
    await controller.handle({ type: 'openConsole', url });
    assert.deepEqual(editor.actions, [['confirmOpen', url]], 'declined: nothing opened');
    editor.confirmsOpen = true;
    await controller.handle({ type: 'openConsole', url });
    assert.deepEqual(editor.actions.slice(1), [['confirmOpen', url], ['openExternal', url]]);
  });

  it('regenerates the last answer, and ignores a second send while an answer runs (keeping its text as the draft)', async () => {
    const { controller, model } = setup([[{ type: 'content', text: 'one' }, 'hang'], response({ content: 'two' })]);
    await controller.handle({ type: 'send', text: 'q', chips: [] });
    await until(() => streamKinds().includes('contentDelta'));
    await controller.handle({ type: 'send', text: 'impatient follow-up', chips: [] });
    assert.equal(model.requests.length, 1);
    assert.equal(lastState().draft, 'impatient follow-up');
    controller.stop();
    await controller.idle();
    await controller.handle({ type: 'regenerate', messageId: lastState().active!.messages[1]!.id });
    await controller.idle();
    assert.deepEqual(lastState().active!.messages.map((m) => m.content), ['q', 'two']);
  });

  it('attaches the selection and the active editor as context; excluded files are never attached', async () => {
    const { controller, model, history } = setup([response({ content: 'ok' })]);
    editor.document = { absPath: path.join(fixture.root, '.env'), name: '.env', language: 'dotenv', text: 'API_TOKEN=secret' };
    editor.selected = { range: { startLine: 0, endLine: 0 }, text: 'API_TOKEN=secret' };
    await controller.handle({ type: 'addSelection' });
    await controller.handle({ type: 'addFile' });
    assert.equal(editor.warnings.length, 2);
    assert.match(editor.warnings[0]!, /\.env matches the grokCodeFast.exclude setting/);
    assert.equal(posted.some((m) => m.type === 'contextChips'), false);

    editor.document = { absPath: path.join(fixture.root, 'src', 'app.ts'), name: 'app.ts', language: 'typescript', text: 'line1\nline2\nline3\n' };
    editor.selected = { range: { startLine: 1, endLine: 2 }, text: 'line2\nline3' };
    await controller.addSelection();
    const chipsMessage = posted.filter((m) => m.type === 'contextChips').at(-1);
    const chip = { id: 'id1', kind: 'selection', label: 'app.ts:2-3', path: 'src/app.ts', language: 'typescript', range: { startLine: 1, endLine: 2 } };
    assert.deepEqual(chipsMessage, { type: 'contextChips', chips: [chip] });
    assert.equal(history.draft().chips[0]!.content, 'line2\nline3', 'the chip survives a reload with its text');

    await controller.handle({ type: 'send', text: 'Why?', chips: [chip] });
    await controller.idle();
    assert.equal(
      model.requests[0]!.messages!.at(-1)!.content,
      '<context>\nActive editor: src/app.ts (typescript)\n\nSelection from src/app.ts, lines 2-3 (typescript):\n```typescript\nline2\nline3\n```\n</context>\n\nWhy?',
    );
    assert.deepEqual(lastState().active!.messages[0]!.chips, [chip]);
    assert.deepEqual(lastState().chips, [], 'sent chips are cleared');
    assert.deepEqual(history.draft(), { text: '', chips: [] });
  });

  it('Explain: the bubble shows the selection as a chip and the question as text, and the model still gets the code', async () => {
    const { controller, model } = setup([response({ content: 'It adds.' })]);
    editor.document = { absPath: path.join(fixture.root, 'src', 'math.ts'), name: 'math.ts', language: 'typescript', text: 'const a = 1;\nreturn a + b;\n' };
    editor.selected = { range: { startLine: 1, endLine: 1 }, text: 'return a + b;' };
    await controller.ask('Explain what the selected code from src/math.ts (lines 2-2) does.', { attachSelection: true });
    await controller.idle();
    const bubble = lastState().active!.messages[0]!;
    assert.equal(bubble.content, 'Explain what the selected code from src/math.ts (lines 2-2) does.');
    assert.deepEqual(bubble.chips?.map((chip) => chip.label), ['math.ts:2']);
    assert.match(model.requests[0]!.messages!.at(-1)!.content as string, /```typescript\nreturn a \+ b;\n```/);
  });

  it('runs the selection action a slash command names, and nothing for an unknown one', async () => {
    const { controller, model } = setup();
    await controller.handle({ type: 'slashCommand', command: 'tests' });
    await controller.handle({ type: 'slashCommand', command: 'doc' });
    await controller.handle({ type: 'slashCommand', command: 'rm' });
    assert.deepEqual(editor.actions, [['runSelectionAction', 'writeTests'], ['runSelectionAction', 'generateDocs']]);
    assert.equal(model.requests.length, 0, 'the chat itself sends nothing');
    assert.match(warnings.join('\n'), /dropped an invalid message/);
  });

  it('sends the instruction files as a second system message, shows them as chips, and drops one the user removes', async () => {
    const { controller, model } = setup([response({ content: 'one' }), response({ content: 'two' })]);
    const file = (name: string, text: string) => {
      const absPath = path.join(fixture.root, name);
      editor.files.set(absPath, { absPath, name: path.basename(name), language: 'markdown', text });
      return absPath;
    };
    editor.found = [file('.grok/instructions.md', 'Answer in French.'), file('AGENTS.md', 'Use tabs.\n'), file('.github/copilot-instructions.md', 'Prefer const.')];
    await controller.handle({ type: 'ready' });
    assert.deepEqual(lastState().instructions, [{ path: 'AGENTS.md' }, { path: '.github/copilot-instructions.md' }, { path: '.grok/instructions.md' }]);
    await controller.handle({ type: 'send', text: 'q1', chips: [] });
    await controller.idle();
    const [system, instructions, question] = model.requests[0]!.messages!;
    assert.equal(system!.role, 'system');
    assert.equal(instructions!.role, 'system');
    assert.match(instructions!.content as string, /<instructions file="AGENTS.md">\nUse tabs.\n<\/instructions>[\s\S]*Prefer const[\s\S]*Answer in French/);
    assert.equal(question!.content, 'q1', 'the user message stays as typed');

    await controller.handle({ type: 'removeInstructions', path: 'AGENTS.md' });
    assert.deepEqual(lastState().instructions?.map((f) => f.path), ['.github/copilot-instructions.md', '.grok/instructions.md']);
    await controller.handle({ type: 'send', text: 'q2', chips: [] });
    await controller.idle();
    assert.doesNotMatch(model.requests[1]!.messages![1]!.content as string, /Use tabs/);
  });

  it('never reads an instruction file under the exclude globs', async () => {
    const { controller, model } = setup([response({ content: 'ok' })]);
    const secret = path.join(fixture.root, 'secret', 'AGENTS.md');
    editor.files.set(secret, { absPath: secret, name: 'AGENTS.md', language: 'markdown', text: 'LEAK' });
    editor.found = [secret];
    await controller.handle({ type: 'send', text: 'q', chips: [] });
    await controller.idle();
    assert.equal(lastState().instructions, undefined);
    assert.equal(model.requests[0]!.messages!.filter((m) => m.role === 'system').length, 1);
    assert.doesNotMatch(JSON.stringify(model.requests[0]), /LEAK/);
  });

  it('Explain from an excluded file attaches and sends nothing', async () => {
    const { controller, model } = setup([response({ content: 'no' })]);
    editor.document = { absPath: path.join(fixture.root, 'id_rsa.txt'), name: 'id_rsa.txt', language: 'plaintext', text: 'KEY' };
    editor.selected = { range: { startLine: 0, endLine: 0 }, text: 'KEY' };
    await controller.ask('Explain this.', { attachSelection: true });
    assert.equal(model.requests.length, 0);
    assert.match(editor.warnings.join('\n'), /id_rsa\.txt matches the grokCodeFast.exclude setting/);
  });

  it('leaves out chips the user removed and the path of an excluded active editor', async () => {
    const { controller, model } = setup([response({ content: 'ok' })]);
    editor.document = { absPath: path.join(fixture.root, 'src', 'app.ts'), name: 'app.ts', language: 'typescript', text: 'A' };
    await controller.addCurrentFile();
    await controller.handle({ type: 'removeChip', id: 'id1' });
    assert.deepEqual(posted.filter((m) => m.type === 'contextChips').at(-1), { type: 'contextChips', chips: [] });
    editor.document = { absPath: path.join(fixture.root, 'config', 'server.key'), name: 'server.key', language: 'plaintext', text: 'KEY' };
    await controller.handle({ type: 'send', text: 'plain question', chips: [] });
    await controller.idle();
    assert.equal(model.requests[0]!.messages!.at(-1)!.content, 'plain question');
  });

  it('suggests workspace files for @-mentions without excluded ones, and attaches a picked file', async () => {
    const { controller, model } = setup([response({ content: 'ok' })]);
    editor.found = [path.join(fixture.root, 'src', 'util.ts'), path.join(fixture.root, '.env')];
    await controller.handle({ type: 'mentionQuery', query: 'Ut' });
    assert.deepEqual(editor.globs, ['**/*[uU][tT]*']);
    assert.deepEqual(posted.at(-1), { type: 'fileSuggestions', query: 'Ut', items: [{ path: 'src/util.ts', label: 'util.ts' }] });

    const utilPath = path.join(fixture.root, 'src', 'util.ts');
    editor.files.set(utilPath, { absPath: utilPath, name: 'util.ts', language: 'typescript', text: 'export const x = 1;\n' });
    await controller.handle({ type: 'mentionPick', path: '../outside/passwd.txt' });
    await controller.handle({ type: 'mentionPick', path: '.env' });
    assert.equal(editor.warnings.length, 2);
    assert.match(editor.warnings[0]!, /outside the workspace/);
    await controller.handle({ type: 'mentionPick', path: 'src/util.ts' });
    const chips = lastChips();
    assert.deepEqual(chips.map((c) => [c.kind, c.label, c.path]), [['file', 'util.ts', 'src/util.ts']]);
    await controller.handle({ type: 'send', text: 'Review', chips });
    await controller.idle();
    assert.match(model.requests[0]!.messages!.at(-1)!.content, /^<context>\nFile src\/util.ts \(typescript\):\n```typescript\nexport const x = 1;\n```\n<\/context>\n\nReview$/);
  });

  function lastChips() {
    const message = posted.filter((m) => m.type === 'contextChips').at(-1);
    return message?.type === 'contextChips' ? message.chips : [];
  }

  it('keeps the draft the webview reports and restores it for the next webview', async () => {
    const first = setup();
    await first.controller.handle({ type: 'draft', text: 'half a thought' });
    posted = [];
    const second = setup();
    await second.controller.handle({ type: 'ready' });
    assert.equal(lastState().draft, 'half a thought');
  });

  it('starts a new chat, reopens an old one, and deletes one', async () => {
    const { controller } = setup([response({ content: 'a1' }), response({ content: 'b1' })]);
    await controller.handle({ type: 'send', text: 'first chat', chips: [] });
    await controller.idle();
    const firstId = lastState().active!.id;
    await controller.handle({ type: 'newChat' });
    assert.equal(lastState().active, null);
    assert.deepEqual(posted.at(-1), { type: 'focusInput' });
    await controller.handle({ type: 'send', text: 'second chat', chips: [] });
    await controller.idle();
    const secondId = lastState().active!.id;
    assert.notEqual(secondId, firstId);
    assert.deepEqual(lastState().conversations.map((c) => c.title), ['second chat', 'first chat']);

    await controller.handle({ type: 'openConversation', id: firstId });
    assert.deepEqual(lastState().active!.messages.map((m) => m.content), ['first chat', 'a1']);
    await controller.handle({ type: 'openConversation', id: 'missing' });
    assert.equal(lastState().active!.id, firstId);
    await controller.handle({ type: 'deleteConversation', id: firstId });
    assert.equal(lastState().active, null);
    assert.deepEqual(lastState().conversations.map((c) => c.id), [secondId]);
  });

  it('refuses a message too large for the model’s context and offers a new chat with a summary, which it opens', async () => {
    const { controller, model } = setup([response({ content: 'Paris is the capital.' })], {
      getSettings: () => ({ model: 'grok-code-fast-1', maxTokens: 1000, temperature: null, maxToolRounds: 6, contextWindow: 8000 }),
    });
    await controller.handle({ type: 'send', text: 'What is the capital of France?', chips: [] });
    await controller.idle();
    await controller.handle({ type: 'send', text: `Explain this log:\n${'line of log\n'.repeat(3000)}`, chips: [] });
    await controller.idle();
    assert.equal(model.requests.length, 1, 'the too-large message was sent');
    const error = lastState().active!.messages.at(-1)!.error!;
    assert.equal(error.action, 'newChatWithSummary');
    assert.match(error.message, /This message is too large/);

    await controller.handle({ type: 'newChatWithSummary' });
    assert.equal(lastState().active, null);
    const prefill = posted.find((m) => m.type === 'prefill');
    assert.ok(prefill?.type === 'prefill');
    assert.match(prefill.text, /^Summary of our earlier chat "What is the capital of France\?":\n- I asked: What is the capital of France\?\n  Grok answered: Paris is the capital\./);
    assert.equal(lastState().draft, prefill.text);
  });

  it('restores the active conversation after a restart', async () => {
    const first = setup([response({ content: 'kept' })]);
    await first.controller.handle({ type: 'send', text: 'remember me', chips: [] });
    await first.controller.idle();
    posted = [];
    const second = setup();
    await second.controller.handle({ type: 'ready' });
    assert.deepEqual(lastState().active!.messages.map((m) => m.content), ['remember me', 'kept']);
  });

  it('hands code actions and copy to the editor', async () => {
    const { controller } = setup();
    await controller.handle({ type: 'copy', text: 'c' });
    await controller.handle({ type: 'insertCode', code: 'i' });
    await controller.handle({ type: 'applyCode', code: 'a', language: 'ts' });
    await controller.handle({ type: 'newFile', code: 'n', language: 'python' });
    assert.deepEqual(editor.actions, [['copy', 'c'], ['insertCode', 'i'], ['applyCode', 'a', 'ts'], ['newFile', 'n', 'python']]);
  });

  it('logs a failing action instead of throwing', async () => {
    const { controller } = setup();
    editor.copy = async () => {
      throw new Error('clipboard unavailable');
    };
    await controller.handle({ type: 'copy', text: 'c' });
    assert.match(warnings.at(-1)!, /handling "copy" failed/);
  });

  it('fails the answer, not the panel, when the provider cannot be built', async () => {
    const { controller } = setup([], {
      getProvider: () => {
        throw new Error('Invalid endpoint URL');
      },
    });
    await controller.handle({ type: 'send', text: 'q', chips: [] });
    await controller.idle();
    assert.equal(lastState().active!.messages[1]!.error?.message, 'Invalid endpoint URL');
    assert.equal(lastState().status.busy, false);
  });
});
