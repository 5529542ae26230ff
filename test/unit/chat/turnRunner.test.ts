import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { toTranscript } from '../../../src/chat/transcriptView';
import { type Entry, type UserEntry } from '../../../src/chat/historySchema';
import { HistoryStore } from '../../../src/chat/historyStore';
import { type ChatStreamEvent } from '../../../src/chat/protocol';
import { CHAT_SYSTEM_PROMPT } from '../../../src/chat/systemPrompt';
import { createNodeWorkspaceAccess } from '../../../src/chat/tools/nodeWorkspaceAccess';
import { WorkspaceTools } from '../../../src/chat/tools/workspaceTools';
import { runTurn, TOOL_LIMIT_RESULT, type TurnOptions, type TurnTools } from '../../../src/chat/turnRunner';
import { CALL_NOT_RUN } from '../../../src/chat/wireMessages';
import { AuthenticationError, ConsentRequiredError, CreditsExhaustedError, NetworkError, ProxyAuthenticationError, RateLimitError } from '../../../src/provider/errors';
import { type ChatMessage } from '../../../src/provider/types';
import { createWorkspaceFixture, type WorkspaceFixture } from './tools/workspaceFixture';
import { MemoryMemento } from './memoryMemento';
import { response, ScriptedModel, type ScriptStep, usage } from '../../support/scriptedModel';
import { FakeClock } from '../../support/fakeClock';
import { until } from './until';

function userEntry(id: string, prompt: string): UserEntry {
  return { role: 'user', id, createdAt: 1, text: prompt, chips: [], prompt };
}

const readUtil = { id: 'call_1', name: 'read_file', arguments: '{"path":"src/util.ts","endLine":1}' };

describe('runTurn', () => {
  let fixture: WorkspaceFixture;
  let clock: FakeClock;
  let events: ChatStreamEvent[];

  beforeEach(() => {
    fixture = createWorkspaceFixture();
    clock = new FakeClock(1_000_000);
    events = [];
  });
  afterEach(() => fixture.dispose());

  function setup(scripts: ScriptStep[][], overrides: Partial<TurnOptions> = {}) {
    const model = new ScriptedModel(scripts, clock);
    const controller = new AbortController();
    const options: TurnOptions = {
      conversationId: 'conv-1',
      entries: [userEntry('u1', 'What does helper do?')],
      answerId: 'a1',
      model,
      tools: new WorkspaceTools({ access: createNodeWorkspaceAccess({ roots: [fixture.root] }) }),
      settings: { maxTokens: 32000, temperature: null, maxToolRounds: 6 },
      signal: controller.signal,
      now: clock.now,
      onEvent: (event) => events.push(event),
      ...overrides,
    };
    return { model, controller, run: () => runTurn(options), options };
  }

  it('streams reasoning and content, and returns the answer with usage, latency and time to first token', async () => {
    const { model, run } = setup([
      [250, ...response({ reasoning: 'Think first.', content: 'It doubles n.', usage: usage(120, 4, { reasoningTokens: 9, cachedTokens: 100, costUsd: 0.00002 }), delayMs: 0 }), 50],
    ]);
    const entry = await run();
    assert.deepEqual(events.map((e) => (e.kind === 'contentDelta' || e.kind === 'reasoningDelta' ? `${e.kind}:${e.text}` : e.kind)), [
      'reasoningDelta:Think ',
      'reasoningDelta:first.',
      'contentDelta:It ',
      'contentDelta:doubles ',
      'contentDelta:n.',
      'usage',
    ]);
    assert.deepEqual(entry, {
      role: 'assistant',
      id: 'a1',
      createdAt: 1_000_000,
      steps: [{ content: 'It doubles n.', reasoning: 'Think first.' }],
      usage: usage(120, 4, { reasoningTokens: 9, cachedTokens: 100, costUsd: 0.00002 }),
      latencyMs: 300,
      timeToFirstTokenMs: 250,
    });
    const request = model.requests[0]!;
    assert.deepEqual(request.messages, [
      { role: 'system', content: CHAT_SYSTEM_PROMPT },
      { role: 'user', content: 'What does helper do?' },
    ]);
    assert.deepEqual(request.metadata, { feature: 'chat', conversationId: 'conv-1' });
    assert.equal(request.options!.maxTokens, 32000);
    assert.equal('temperature' in request.options!, false, 'a null temperature means the model default');
    assert.equal(request.options!.toolChoice, 'auto');
    assert.deepEqual(request.options!.tools!.map((tool) => tool.name), ['read_file', 'list_directory', 'search_text', 'get_diagnostics']);
  });

  it("keeps the Responses API's reasoning items and sends them back with the next request (the prompt cache holds)", async () => {
    const item = { id: 'rs_1', summary: 'Read util first.', encryptedContent: 'opaque==' };
    const { model, run } = setup([
      response({ reasoning: 'Read util first.', reasoningItems: [item], toolCalls: [readUtil], usage: usage(100, 5) }),
      response({ content: 'Done.', usage: usage(150, 6) }),
    ]);
    const entry = await run();
    assert.deepEqual(entry.steps[0]!.reasoningItems, [item]);
    const replayed = model.requests[1]!.messages!.find((m) => m.role === 'assistant');
    assert.deepEqual(replayed && 'reasoningItems' in replayed ? replayed.reasoningItems : undefined, [item]);
  });

  it('runs a tool call in the sandbox and sends the result back in the wire format', async () => {
    const { model, run } = setup([
      response({ reasoning: 'I should read util.', toolCalls: [readUtil], usage: usage(100, 5) }),
      response({ content: 'helper doubles its argument.', usage: usage(150, 6) }),
    ]);
    const entry = await run();
    assert.equal(model.requests.length, 2);
    const expectedToolResult = 'src/util.ts (lines 1-1 of 3)\nexport function helper(n: number) {';
    assert.deepEqual(model.requests[1]!.messages!.slice(2), [
      { role: 'assistant', content: '', reasoning: 'I should read util.', toolCalls: [readUtil] },
      { role: 'tool', toolCallId: 'call_1', content: expectedToolResult },
    ]);
    const toolEvents = events.filter((e) => e.kind === 'toolCall');
    assert.deepEqual(toolEvents, [
      { kind: 'toolCall', call: { id: 'call_1', name: 'read_file', argsSummary: 'src/util.ts:1-1', status: 'running' } },
      { kind: 'toolCall', call: { id: 'call_1', name: 'read_file', argsSummary: 'src/util.ts:1-1', status: 'done', resultSummary: 'lines 1-1 of 3' } },
    ]);
    assert.equal(entry.steps.length, 2);
    assert.equal(entry.steps[0]!.toolCalls![0]!.result, expectedToolResult);
    assert.equal(entry.steps[1]!.content, 'helper doubles its argument.');
    assert.deepEqual(entry.usage, { ...usage(250, 11), costUsd: 0.002 });
    const lastUsage = events.filter((e) => e.kind === 'usage').at(-1);
    assert.equal(lastUsage?.kind === 'usage' && lastUsage.usage.promptTokens, 250);
  });

  it('sends a refusal back to the model as the tool result instead of failing', async () => {
    const { model, run } = setup([
      response({ toolCalls: [{ id: 'c1', name: 'read_file', arguments: '{"path":"../outside/passwd.txt"}' }, { id: 'c2', name: 'read_file', arguments: '{oops' }] }),
      response({ content: 'I cannot read that.' }),
    ]);
    const entry = await run();
    const toolMessages = model.requests[1]!.messages!.filter((m) => m.role === 'tool');
    assert.equal(toolMessages.length, 2);
    assert.match(toolMessages[0]!.content, /^Error: Refused: .* outside the workspace folders/);
    assert.match(toolMessages[1]!.content, /^Error: Invalid arguments for read_file: not valid JSON/);
    assert.equal(entry.error, undefined);
    assert.equal(entry.steps.at(-1)!.content, 'I cannot read that.');
    assert.deepEqual(events.filter((e) => e.kind === 'toolCall').map((e) => e.kind === 'toolCall' && e.call.status), ['running', 'error', 'running', 'error']);
  });

  it('keeps the earlier conversation byte-identical in the next turn, through a save and load', async () => {
    const first = setup([
      response({ reasoning: 'Look at util.', toolCalls: [readUtil] }),
      response({ reasoning: 'Now answer.', content: 'It doubles `n`.' }),
    ]);
    const answer = await first.run();
    const store = new HistoryStore(new MemoryMemento(), 'ws');
    await store.save({ id: 'conv-1', title: 't', createdAt: 1, updatedAt: 2, entries: [...first.options.entries, answer] });
    const loaded = store.load('conv-1')!.entries;

    const second = setup([response({ content: 'Yes.' })], { entries: [...loaded, userEntry('u2', 'Are you sure?')], answerId: 'a2' });
    await second.run();
    const turnOneLast = first.model.requests[1]!;
    const turnTwo = second.model.requests[0]!;
    const finalAnswer: ChatMessage = { role: 'assistant', content: 'It doubles `n`.', reasoning: 'Now answer.' };
    const expectedPrefix = [...turnOneLast.messages!, finalAnswer];
    assert.equal(JSON.stringify(turnTwo.messages!.slice(0, expectedPrefix.length)), JSON.stringify(expectedPrefix));
    assert.deepEqual(turnTwo.messages!.at(-1), { role: 'user', content: 'Are you sure?' });
    assert.equal(JSON.stringify(turnTwo.options!.tools), JSON.stringify(first.model.requests[0]!.options!.tools));
    assert.equal(turnTwo.metadata!.conversationId, turnOneLast.metadata!.conversationId);
  });

  it('tells the model to stop calling tools after the last allowed round, and ends a turn that keeps calling them', async () => {
    const { model, run } = setup(
      [response({ toolCalls: [readUtil] }), response({ toolCalls: [{ ...readUtil, id: 'call_2' }] })],
      { settings: { maxToolRounds: 1 } },
    );
    const entry = await run();
    assert.deepEqual(model.requests.map((r) => r.options!.toolChoice), ['auto', 'none']);
    assert.equal(entry.steps[1]!.toolCalls![0]!.result, TOOL_LIMIT_RESULT);
    assert.equal(entry.error?.code, 'tool_limit');
    assert.equal(entry.error?.action, 'none');
  });

  it('offers no tools when the cap is 0 or there is no workspace', async () => {
    const capped = setup([response({ content: 'ok' })], { settings: { maxToolRounds: 0 } });
    await capped.run();
    assert.equal(capped.model.requests[0]!.options!.tools, undefined);
    assert.equal(capped.model.requests[0]!.options!.toolChoice, undefined);
    const noRoots = setup([response({ content: 'ok' })], { tools: new WorkspaceTools({ access: createNodeWorkspaceAccess({ roots: [] }) }) });
    await noRoots.run();
    assert.equal(noRoots.model.requests[0]!.options!.tools, undefined);
  });

  it('stops at once on abort, keeping the partial answer and marking it stopped', async () => {
    const { controller, model, run } = setup([[{ type: 'reasoning', text: 'Hmm. ' }, { type: 'content', text: 'The first half' }, 'hang']]);
    const running = run();
    await until(() => events.some((e) => e.kind === 'contentDelta'));
    controller.abort();
    const entry = await running;
    assert.equal(model.signals[0]!.aborted, true, 'the request signal is the one aborted');
    assert.equal(entry.stopped, true);
    assert.equal(entry.error, undefined);
    assert.deepEqual(entry.steps, [{ content: 'The first half', reasoning: 'Hmm. ' }]);
    assert.equal(entry.usage, undefined);
  });

  it('ends at once on Stop while a tool call never returns (a read on a named pipe)', async () => {
    let started!: () => void;
    const toolStarted = new Promise<void>((resolve) => (started = resolve));
    const hangingTools: TurnTools = {
      available: true,
      definitions: [{ name: 'read_file', description: 'd', parameters: {} }],
      describeCall: () => 'fifo',
      run: () => {
        started();
        return new Promise(() => {});
      },
    };
    const { controller, run } = setup([response({ toolCalls: [{ id: 'call_1', name: 'read_file', arguments: '{"path":"fifo"}' }] })], {
      tools: hangingTools,
    });
    const turn = run();
    await toolStarted;
    controller.abort();
    const entry = await turn;
    assert.equal(entry.stopped, true);
    assert.equal(entry.error, undefined);
    assert.equal(entry.steps[0]!.toolCalls![0]!.result, undefined, 'the unfinished call has no result');
  });

  it('refuses a named pipe in the workspace at once, so the turn goes on', async function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [path.join(fixture.root, 'fifo')]);
    const { run } = setup([
      response({ toolCalls: [{ id: 'call_1', name: 'read_file', arguments: '{"path":"fifo"}' }] }),
      response({ content: 'It is a pipe.' }),
    ]);
    const entry = await run();
    assert.match(entry.steps[0]!.toolCalls![0]!.result!, /not a regular file/);
    assert.equal(entry.steps.at(-1)!.content, 'It is a pipe.');
  });

  it('answers the pending tool calls of a stopped answer in the next request', async () => {
    const real = new WorkspaceTools({ access: createNodeWorkspaceAccess({ roots: [fixture.root] }) });
    // A tool that is still running when the user presses Stop.
    const slowTools = {
      available: true,
      definitions: real.definitions,
      describeCall: real.describeCall.bind(real),
      run: (_call: unknown, signal?: AbortSignal) =>
        new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(new Error('cancelled')))),
    };
    const { controller, run } = setup([response({ toolCalls: [readUtil] })], { tools: slowTools });
    const running = run();
    await until(() => events.some((e) => e.kind === 'toolCall'));
    controller.abort();
    const stopped = await running;
    assert.equal(stopped.stopped, true);
    assert.equal(stopped.steps[0]!.toolCalls![0]!.result, undefined);
    const next = setup([response({ content: 'ok' })], { entries: [userEntry('u1', 'q'), stopped, userEntry('u2', 'go on')] });
    await next.run();
    const messages = next.model.requests[0]!.messages!;
    assert.deepEqual(messages.slice(2, 4), [
      { role: 'assistant', content: '', toolCalls: [readUtil] },
      { role: 'tool', toolCallId: 'call_1', content: CALL_NOT_RUN },
    ]);
  });

  const errorCases: Array<[string, Error, object]> = [
    ['a rate limit', new RateLimitError('Rate limit reached', 12.2), { code: 'rate_limited', action: 'retry', retryAfter: 13 }],
    ['used-up credits', new CreditsExhaustedError('credits exhausted', 429), { code: 'credits_exhausted', action: 'none' }],
    ['a proxy asking for credentials', new ProxyAuthenticationError('The proxy asked for authentication (407).'), { code: 'proxy_auth_required', action: 'none' }],
    ['a wrong key', new AuthenticationError('Incorrect API key provided: xai-abcdef123456', 400), { code: 'unauthorized', action: 'setApiKey' }],
    ['missing consent', new ConsentRequiredError(), { code: 'consent_required', action: 'consent' }],
    ['a network failure', new NetworkError('socket hang up'), { code: 'network_error', action: 'retry' }],
    ['an unexpected error', new TypeError('boom'), { code: 'unknown', action: 'retry' }],
  ];
  for (const [label, error, expected] of errorCases) {
    it(`maps ${label} to an error with its action, keeping partial content`, async () => {
      const { run } = setup([[{ type: 'content', text: 'Partial ' }, error]]);
      const entry = await run();
      assert.deepEqual({ ...entry.error, message: undefined }, { ...expected, message: undefined });
      assert.doesNotMatch(entry.error!.message, /xai-abcdef/);
      assert.equal(entry.steps[0]!.content, 'Partial ');
      assert.equal(entry.stopped, undefined);
    });
  }

  it('marks an answer the server cut (output limit or content filter) with the reason shown under the message', async () => {
    const { run } = setup([response({ content: 'function a() {', finishReason: 'length' })], {
      settings: { maxTokens: 4000, temperature: null, maxToolRounds: 6 },
    });
    const entry = await run();
    assert.deepEqual(entry.cut, { reason: 'length', maxTokens: 4000 });
    assert.equal(entry.error, undefined);
    const [message] = toTranscript([entry]);
    assert.equal(message!.cut, 'it reached the output limit of 4,000 tokens (grokCodeFast.maxTokens)');

    const filtered = await setup([response({ content: 'Sure', finishReason: 'content_filter' })]).run();
    assert.equal(toTranscript([filtered])[0]!.cut, "the provider's content filter stopped it");
    const whole = await setup([response({ content: 'Done.' })]).run();
    assert.equal(whole.cut, undefined);
  });

  it('reports a stream that ends without finishing', async () => {
    const { run } = setup([[{ type: 'content', text: 'cut' }]]);
    const entry = await run();
    assert.equal(entry.error?.code, 'unknown');
    assert.match(entry.error!.message, /ended before the model finished/);
    assert.equal(entry.steps[0]!.content, 'cut');
  });

  it('separates the steps of one answer in the streamed deltas as in the saved transcript', async () => {
    const { run } = setup([
      response({ content: 'Let me look.', toolCalls: [readUtil] }),
      response({ content: 'Done.' }),
    ]);
    await run();
    const streamed = events.filter((e) => e.kind === 'contentDelta').map((e) => (e.kind === 'contentDelta' ? e.text : '')).join('');
    assert.equal(streamed, 'Let me look.\n\nDone.');
  });

  it('calls onStep after each tool round so the answer so far can be saved', async () => {
    const steps: number[] = [];
    const { run } = setup([response({ toolCalls: [readUtil] }), response({ content: 'ok' })], {
      onStep: (entry) => steps.push(entry.steps.length),
    });
    await run();
    assert.deepEqual(steps, [1]);
  });

  it('builds every request from the stored entries only (entries are not mutated)', async () => {
    const entries: Entry[] = [userEntry('u1', 'q')];
    const snapshot = JSON.stringify(entries);
    const { run } = setup([response({ content: 'ok' })], { entries });
    await run();
    assert.equal(JSON.stringify(entries), snapshot);
  });
});
