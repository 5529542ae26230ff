/**
 * Grok in VS Code's own chat: the models this extension contributes through the Language Model Chat
 * Provider API, reached the way any extension (and VS Code's Chat view) reaches them, with
 * `vscode.lm.selectChatModels`, against the fake xAI server.
 */
import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AnalyticsFeatures } from '../../src/report/registerAnalyticsFeatures';
import { LATE_2026_CATALOGUE, scenarios, TEST_API_KEY, type FakeXai } from '../fake-xai';
import { chatRequests, connectToFakeXai, disconnectFromFakeXai, grokConfig, type GrokTestApi, setApiKeyAs, waitFor, workspaceFile } from './support/extensionApi';

type ApiWithAnalytics = GrokTestApi & { analyticsFeatures?: AnalyticsFeatures };

const SEARCH_TOOL: vscode.LanguageModelChatTool = {
  name: 'search_workspace',
  description: 'Search the workspace for text.',
  inputSchema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
};

async function grokModels(): Promise<vscode.LanguageModelChat[]> {
  return waitFor(async () => {
    const models = await vscode.lm.selectChatModels({ vendor: 'grok' });
    return models.length > 0 ? models : undefined;
  }, 'Grok models in vscode.lm');
}

/** Every part of a response, in order. */
async function readAll(response: vscode.LanguageModelChatResponse): Promise<unknown[]> {
  const parts: unknown[] = [];
  for await (const part of response.stream) parts.push(part);
  return parts;
}

const FEATURE_MODELS = ['chat.model', 'inlineCompletions.model', 'actions.model'];

describe("VS Code's chat: Grok models through vscode.lm", () => {
  let api: ApiWithAnalytics;
  let fake: FakeXai;
  let scratch: string;

  before(async () => {
    ({ api, fake } = await connectToFakeXai());
    await setApiKeyAs(TEST_API_KEY);
    api.setConsentPrompt(async () => true);
    assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), true);
    scratch = await mkdtemp(join(tmpdir(), 'grok-lm-it-'));
  });

  after(async () => {
    for (const setting of FEATURE_MODELS) await grokConfig().update(setting, undefined, vscode.ConfigurationTarget.Global);
    api.analyticsFeatures?.setPrompts(undefined);
    await disconnectFromFakeXai(api, fake);
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("lists the registry's models under the vendor grok with their limits and capabilities", async () => {
    const models = await grokModels();
    assert.deepEqual(models.map((m) => m.id).sort(), LATE_2026_CATALOGUE.map((entry) => entry.id).sort(), "the endpoint's catalogue");
    const model = models.find((m) => m.id === 'grok-4.3');
    assert.ok(model);
    assert.equal(model.vendor, 'grok');
    assert.equal(model.name, 'grok-4.3');
    assert.equal(model.family, 'grok-4.3');
    // The catalogue gives no window; xAI's docs give grok-4.3 1M tokens, the output cap takes 32K.
    assert.equal(model.maxInputTokens, 1_000_000 - 32_000);
  });

  it('lists nothing, and asks nothing, without a key or without consent', async () => {
    let asked = 0;
    api.setConsentPrompt(async () => {
      asked++;
      return true;
    });
    try {
      await vscode.commands.executeCommand('grokCodeFast.clearApiKey');
      assert.deepEqual(await vscode.lm.selectChatModels({ vendor: 'grok' }), [], 'models listed without a key');
      await setApiKeyAs(TEST_API_KEY);
      await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
      assert.deepEqual(await vscode.lm.selectChatModels({ vendor: 'grok' }), [], 'models listed without consent');
      assert.equal(asked, 0, 'selectChatModels is silent: no consent modal');
      assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), true);
      assert.equal((await grokModels()).length, LATE_2026_CATALOGUE.length, 'listed again once consented');
    } finally {
      api.setConsentPrompt(async () => true);
    }
  });

  it('answers a request with one tool with streamed text and a tool-call part, sending the tool and a conversation key', async () => {
    const [model] = await grokModels();
    fake.enqueue({
      kind: 'answer',
      reasoning: ['Search first.'],
      content: ['Let me ', 'search.'],
      toolCalls: [{ id: 'call_7', name: SEARCH_TOOL.name, arguments: '{"query":"main"}' }],
    });
    const before = chatRequests(fake).length;
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('Where is main defined?')], { tools: [SEARCH_TOOL] });
    const parts = await readAll(response);

    const text = parts.filter((part) => part instanceof vscode.LanguageModelTextPart).map((part) => part.value);
    assert.equal(text.join(''), 'Let me search.');
    assert.ok(text.length >= 2, 'the text arrived in pieces, as streamed');
    const calls = parts.filter((part) => part instanceof vscode.LanguageModelToolCallPart);
    assert.equal(calls.length, 1);
    assert.deepEqual({ callId: calls[0].callId, name: calls[0].name, input: calls[0].input }, { callId: 'call_7', name: SEARCH_TOOL.name, input: { query: 'main' } });

    const sent = chatRequests(fake).slice(before);
    assert.equal(sent.length, 1);
    const body = sent[0].body as { tools?: { function: { name: string } }[]; tool_choice?: unknown };
    assert.deepEqual(body.tools?.map((tool) => tool.function.name), [SEARCH_TOOL.name]);
    assert.equal(body.tool_choice, 'auto');
    assert.match(String(sent[0].headers['x-grok-conv-id']), /^vscode-chat-[0-9a-f]{32}$/);
  });

  it('sends the tool result back as the wire\'s tool message, on the same conversation key', async () => {
    const [model] = await grokModels();
    fake.enqueue({ kind: 'answer', content: ['main is in src/main.ts.'] });
    const before = chatRequests(fake);
    const first = before[before.length - 1];
    const response = await model.sendRequest(
      [
        vscode.LanguageModelChatMessage.User('Where is main defined?'),
        vscode.LanguageModelChatMessage.Assistant([new vscode.LanguageModelTextPart('Let me search.'), new vscode.LanguageModelToolCallPart('call_7', SEARCH_TOOL.name, { query: 'main' })]),
        vscode.LanguageModelChatMessage.User([new vscode.LanguageModelToolResultPart('call_7', [new vscode.LanguageModelTextPart('src/main.ts:12')])]),
      ],
      { tools: [SEARCH_TOOL] },
    );
    await readAll(response);
    const sent = chatRequests(fake)[before.length];
    const messages = (sent.body as { messages: { role: string; content: unknown; tool_call_id?: string }[] }).messages;
    assert.deepEqual(messages.at(-1), { role: 'tool', tool_call_id: 'call_7', content: 'src/main.ts:12' });
    assert.equal(sent.headers['x-grok-conv-id'], first.headers['x-grok-conv-id'], 'one conversation, one cache key');
  });

  it("replays each answer's encrypted reasoning on the next turn of the conversation (Responses API)", async () => {
    await grokConfig().update('endpoint.api', 'responses', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => api.settings().endpoint.wireApi === 'responses', 'the Responses API setting');
      const [model] = await grokModels();
      const responses = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/responses');
      const before = responses().length;
      fake.enqueue({ kind: 'answer', reasoning: ['Recall the tour.'], content: ['Closures keep their scope.'] }, { kind: 'answer', content: ['Like this.'] });
      const question = vscode.LanguageModelChatMessage.User('Explain closures in one line.');
      const first = await readAll(await model.sendRequest([question]));
      const answer = first.filter((part) => part instanceof vscode.LanguageModelTextPart).map((part) => part.value).join('');
      assert.equal(answer, 'Closures keep their scope.');
      // VS Code hands the answer back as text only: its stable API has no part for reasoning.
      await readAll(await model.sendRequest([question, vscode.LanguageModelChatMessage.Assistant(answer), vscode.LanguageModelChatMessage.User('An example?')]));

      const [opening, next] = responses().slice(before);
      assert.deepEqual((opening.body as { include?: string[] }).include, ['reasoning.encrypted_content']);
      assert.equal(next.refusedBy, undefined, 'the strict fake accepted the second turn');
      const input = (next.body as { input: { type?: string; role?: string; encrypted_content?: unknown }[] }).input;
      const reasoning = input.findIndex((item) => item.type === 'reasoning');
      assert.ok(reasoning !== -1, `no reasoning item replayed: ${JSON.stringify(input)}`);
      assert.equal(typeof input[reasoning].encrypted_content, 'string');
      assert.equal(input[reasoning + 1].role, 'assistant', "the reasoning goes back just before the answer it produced");
      assert.equal(next.headers['x-grok-conv-id'], opening.headers['x-grok-conv-id'], 'one conversation');
    } finally {
      await grokConfig().update('endpoint.api', undefined, vscode.ConfigurationTarget.Global);
      await waitFor(() => api.settings().endpoint.wireApi === 'chat-completions', 'Chat Completions again');
    }
  });

  it("screens what VS Code's chat hands over: a tool result for an excluded path and an excluded attachment never reach the endpoint (issue 21 kind 9)", async () => {
    const [model] = await grokModels();
    const env = workspaceFile('.env').fsPath;
    const secret = 'STRIPE_SECRET=sk_live_it_4242';
    fake.enqueue({ kind: 'answer', content: ['ok'] });
    const before = chatRequests(fake).length;
    const response = await model.sendRequest(
      [
        vscode.LanguageModelChatMessage.User(`<attachment id="env" filePath="${env}">\n${secret}\n</attachment>\nWhat keys do we use?`),
        vscode.LanguageModelChatMessage.Assistant([
          new vscode.LanguageModelToolCallPart('call_env', 'read_file', { filePath: env }),
          new vscode.LanguageModelToolCallPart('call_ok', 'read_file', { filePath: 'src/app.ts' }),
        ]),
        vscode.LanguageModelChatMessage.User([
          new vscode.LanguageModelToolResultPart('call_env', [new vscode.LanguageModelTextPart(secret)]),
          new vscode.LanguageModelToolResultPart('call_ok', [new vscode.LanguageModelTextPart('export const ok = 1;')]),
        ]),
      ],
      { tools: [SEARCH_TOOL] },
    );
    await readAll(response);
    const sent = chatRequests(fake).slice(before);
    assert.equal(sent.length, 1);
    assert.ok(!JSON.stringify(sent[0].body).includes('sk_live_it'), 'excluded content reached the endpoint');
    const messages = (sent[0].body as { messages: { role: string; content: unknown; tool_call_id?: string }[] }).messages;
    const tools = messages.filter((message) => message.role === 'tool').map((message) => [message.tool_call_id, message.content]);
    assert.match(String(tools[0]?.[1]), /^Refused by Grok Code Fast: this tool call named a file matching grokCodeFast\.exclude/);
    assert.deepEqual(tools[1], ['call_ok', 'export const ok = 1;']);
    assert.match(JSON.stringify(messages.find((message) => message.role === 'user')), /filePath=.*left out by Grok Code Fast/);
  });

  it('records the request in analytics under the feature vscode-chat, in the report and in the export', async () => {
    const features = api.analyticsFeatures;
    assert.ok(features?.testing, 'activate() returns { analyticsFeatures } with its test seam');
    const report = await waitFor(async () => {
      const current = await features.testing!.deps.tracker.generatePerformanceReport();
      return (current.byFeature['vscode-chat']?.totalRequests ?? 0) >= 2 ? current : undefined;
    }, 'vscode-chat in the performance report');
    assert.ok(report.byFeature['vscode-chat']);

    const target = vscode.Uri.file(join(scratch, 'analytics.json'));
    features.setPrompts({ chooseAnalyticsExport: async () => ({ span: 7, format: 'json' }), chooseSaveLocation: async () => target });
    await vscode.commands.executeCommand('grokCodeFast.exportAnalytics');
    const exported = JSON.parse(await readFile(target.fsPath, 'utf8')) as { events: { kind: string; feature: string; outcome?: string }[] };
    const events = exported.events.filter((event) => event.kind === 'request' && event.feature === 'vscode-chat');
    assert.ok(events.length >= 2, 'the export holds the vscode-chat requests');
    assert.ok(events.every((event) => event.outcome === 'success'));
  });

  it('cancelling the request closes the HTTP stream', async () => {
    const [model] = await grokModels();
    fake.enqueue({ kind: 'answer', content: Array.from({ length: 400 }, (_, i) => `word${i} `), dripMs: 25 });
    const before = chatRequests(fake).length;
    const cancellation = new vscode.CancellationTokenSource();
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User('Write a long essay.')], {}, cancellation.token);
    const iterator = response.stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    assert.ok(!first.done && first.value instanceof vscode.LanguageModelTextPart, 'the answer started streaming');
    cancellation.cancel();
    const request = chatRequests(fake)[before];
    await waitFor(() => request.closedEarlyAt !== undefined, 'the client closing the stream');
    // The stream ends or fails at once; it does not run on to the 400th word.
    let words = 0;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) words++;
    } catch {
      // A cancelled request may end with an error: either way nothing more arrives.
    }
    assert.ok(words < 400, `the stream went on after cancelling (${words} more parts)`);
  });

  it('one consent covers every model at the endpoint: a model VS Code\'s chat picks is answered without asking (issue 24 item 6)', async () => {
    // Consent given for the models the features use, none recorded yet for the one VS Code's chat picks.
    api.setConsentPrompt(async () => true);
    await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
    for (const setting of FEATURE_MODELS) await grokConfig().update(setting, 'grok-4.5', vscode.ConfigurationTarget.Global);
    await waitFor(() => Object.values(api.settings().models).every((model) => model === 'grok-4.5'), 'the model settings');
    assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), true);
    const model = (await grokModels()).find((m) => m.id === 'grok-4.3');
    assert.ok(model, 'grok-4.3 is listed');

    let asked = 0;
    api.setConsentPrompt(async () => {
      asked++;
      return false;
    });
    fake.enqueue(scenarios.text('Covered.'));
    const before = chatRequests(fake).length;
    await readAll(await model.sendRequest([vscode.LanguageModelChatMessage.User('Hello?')]));
    assert.equal(asked, 0, 'asked again for another model at the same endpoint');
    const sent = chatRequests(fake).slice(before);
    assert.equal(sent.length, 1);
    assert.equal((sent[0].body as { model: string }).model, 'grok-4.3');
  });

  it('without consent nothing is sent: the models leave the list, and a request on one already picked is refused without a socket', async () => {
    api.setConsentPrompt(async () => true);
    assert.equal(await vscode.commands.executeCommand<boolean>('grokCodeFast.showConsent'), true);
    const model = (await grokModels()).find((m) => m.id === 'grok-4.3');
    assert.ok(model, 'grok-4.3 is listed');
    const connections = fake.connections;
    const requests = fake.requests.length;
    api.setConsentPrompt(async () => false);
    await vscode.commands.executeCommand('grokCodeFast.revokeConsent');

    // Listing is silent: without consent it lists nothing rather than asking.
    await waitFor(async () => ((await vscode.lm.selectChatModels({ vendor: 'grok' })).length === 0 ? true : undefined), 'the Grok models leaving vscode.lm');
    await assert.rejects(async () => readAll(await model.sendRequest([vscode.LanguageModelChatMessage.User('Hello?')])));
    assert.equal(fake.connections, connections, 'a socket was opened');
    assert.equal(fake.requests.length, requests, 'a request reached the server');
  });
});
