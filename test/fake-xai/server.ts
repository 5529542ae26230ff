/**
 * A fake xAI API on a real HTTP server, for tests, the benchmark and manual runs.
 *
 *   const fake = await startFakeXai({ apiKeys: ['xai-test-key'] });
 *   fake.url            // 'http://127.0.0.1:<port>/v1': the provider's endpoint
 *   fake.enqueue(scenarios.text('Hello'));           // the next chat request gets this answer
 *   fake.enqueue({ kind: 'answer', content: ['a', 'b'], split: 'byte', dripMs: 5 });
 *   fake.enqueue(scenarios.status(429, undefined, { 'retry-after': '1' }));
 *   fake.enqueue({ kind: 'error', status: 503, path: '/v1/models' });  // routes other than chat
 *   fake.dropQueued();           // forgets what no request took (returns how many)
 *   fake.setDefault(scenario);   // what requests get when the queue holds nothing for their route
 *   fake.requests               // every request received: method, path, headers, rawBody, parsed body;
 *                               // closedEarlyAt once the client hung up before the response ended
 *   fake.connections            // sockets opened so far ('connection' events); openConnections: still open
 *   await fake.close();         // destroys open sockets, then closes the server
 *
 * Routes: POST /v1/chat/completions and POST /v1/responses (stream when the body says `stream: true`,
 * else one JSON completion or response; the same scenarios and faults on both), GET /v1/models,
 * GET /v1/language-models (the catalogue, catalogue.ts; 404 with `languageModelsRoute: false`),
 * GET /v1/api-key (404 with `apiKeyRoute: false`, like OpenAI-compatible proxies). Like xAI it
 * checks the Bearer key (400 "Incorrect API key" for a wrong one, 401 without one), refuses a body
 * that breaks a rule of bodyRules.ts with 400 `<rule>: <why>` (unless `bodyRules: 'lenient'`), answers 415
 * without a JSON content type, 404 for an unknown or `retired` model, 400 for `stop`,
 * `presence_penalty` and `frequency_penalty`, and 400 "Model X does not support parameter
 * reasoningEffort." for a reasoning effort (`reasoning_effort`, or `reasoning.effort` on Responses)
 * unless the catalogue lists that effort for the model. A catalogue alias is answered under its
 * model's id, a `servedBy` name under the model that serves it (a redirect). Scenarios of kind
 * `error`, `json`, `handler`, `raw` (exact bytes) and `socket` (reset or closed before any header)
 * answer before those checks but after the body rules (a scripted answer is only for a body the
 * server would take); `answer` scenarios after all of them. See scenarios.ts and fieldFaults.ts.
 * Usage on both routes reports cached prompt tokens from an xAI-like prompt cache (promptCache.ts).
 */
import * as http from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { completionBody, streamPayloads } from './answer';
import { responsesBody, responsesStreamPayloads } from './responsesAnswer';
import { LATE_2026_CATALOGUE } from './catalogue';
import { checkChatBody, checkResponsesBody, type BodyFacts, type BodyRuleViolation } from './bodyRules';
import { cachedPromptTokens, promptCacheKey, type PromptCacheMemory } from './promptCache';
import {
  CHAT_PATH,
  DEFAULT_SCENARIO,
  defaultErrorBody,
  RESPONSES_PATH,
  scenarioMatches,
  type AnswerScenario,
  type RawScenario,
  type RecordedRequest,
  type Scenario,
  type SocketFaultScenario,
} from './scenarios';
import { encodeEvents, writeEventStream, writePieces } from './sseWriter';

export const TEST_API_KEY = 'xai-test-key';

export interface FakeXaiOptions {
  /** Keys accepted as `Authorization: Bearer <key>`; default [TEST_API_KEY]. */
  apiKeys?: string[];
  /** Accept any non-empty key. */
  acceptAnyKey?: boolean;
  /** Model ids GET /v1/models lists and chat accepts; default grok-code-fast-1 and grok-4. */
  models?: string[];
  /** GET /v1/language-models entries; default LATE_2026_CATALOGUE. Their ids and aliases are served. */
  catalogue?: readonly object[];
  /** False answers GET /v1/language-models with 404 (an OpenAI-compatible server). Default true. */
  languageModelsRoute?: boolean;
  /** Requested name -> the model that answers (its id is the response's `model`), e.g. LATE_2026_SERVED_BY. */
  servedBy?: Readonly<Record<string, string>>;
  /** Names answered with 404 in xAI's body shape, as a retired model. */
  retired?: readonly string[];
  /** False answers GET /v1/api-key with 404. Default true. */
  apiKeyRoute?: boolean;
  /** Overrides of GET /v1/api-key's answer (e.g. `{ api_key_blocked: true }`). */
  apiKeyInfo?: Record<string, unknown>;
  defaultScenario?: Scenario;
  /**
   * `strict` (the default) answers a body that breaks a rule of bodyRules.ts with 400 naming the
   * rule; `lenient` accepts any body (only for a test that says so in its name).
   */
  bodyRules?: 'strict' | 'lenient';
  /** The most output tokens a request may ask of any model (max-tokens-within-limit). Default 128,000 (xai-responses.md §1). */
  maxOutputTokens?: number;
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

export interface FakeXai {
  /** Base URL ending in /v1. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  readonly connections: number;
  readonly openConnections: number;
  enqueue(...scenarios: Scenario[]): void;
  /** Removes the queued scenarios no request took (a test that enqueued for a request that never came); returns how many. */
  dropQueued(): number;
  setDefault(scenario: Scenario): void;
  close(): Promise<void>;
}

/** xAI's default `max_output_tokens`, the largest it documents (xai-responses.md §1). */
const DEFAULT_MAX_OUTPUT_TOKENS = 128_000;

const UNSUPPORTED_PARAMETERS = ['stop', 'presence_penalty', 'frequency_penalty'];
/** Not Responses API fields (xai-responses.md §1): the fake refuses them as xAI does on chat. */
const UNSUPPORTED_RESPONSES_PARAMETERS = ['stop', 'presence_penalty', 'frequency_penalty', 'messages'];

interface CatalogueView {
  id?: unknown;
  aliases?: unknown;
  capabilities?: { reasoning_effort?: unknown };
}

/** The catalogue entry an id or alias names. */
function catalogueEntry(catalogue: readonly object[], name: string): CatalogueView | undefined {
  return (catalogue as CatalogueView[]).find((entry) => entry.id === name || (Array.isArray(entry.aliases) && entry.aliases.includes(name)));
}

function acceptedEfforts(entry: CatalogueView | undefined): unknown[] {
  const efforts = entry?.capabilities?.reasoning_effort;
  return Array.isArray(efforts) ? efforts : [];
}

/** The effort a request asks for on either wire format, or undefined. */
function requestedEffort(fields: Record<string, unknown>): unknown {
  if ('reasoning_effort' in fields) return fields.reasoning_effort;
  const reasoning = fields.reasoning;
  return typeof reasoning === 'object' && reasoning !== null && 'effort' in reasoning ? (reasoning as { effort: unknown }).effort : undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function writeRaw(res: http.ServerResponse, scenario: RawScenario): Promise<void> {
  res.writeHead(scenario.status ?? 200, scenario.headers ?? { 'content-type': 'text/event-stream' });
  res.flushHeaders();
  await writePieces(res, [Buffer.from(scenario.body, 'utf8')], scenario.split);
  res.end();
}

function failSocket(res: http.ServerResponse, fault: SocketFaultScenario['fault']): void {
  const socket = res.socket;
  if (!socket) return;
  if (fault === 'reset') socket.resetAndDestroy();
  else socket.end();
}

function maskKey(key: string): string {
  return key.length <= 4 ? '***' : `${key.slice(0, 2)}***${key.slice(-2)}`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function promptTextOf(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages) ? (body.messages as { content?: unknown }[]) : [];
  return messages.map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n');
}

function responsesPromptText(input: unknown[]): string {
  return input
    .map((item) => {
      const fields = (item ?? {}) as Record<string, unknown>;
      const text = fields.content ?? fields.output ?? fields.arguments;
      return typeof text === 'string' ? text : '';
    })
    .join('\n');
}

export async function startFakeXai(options: FakeXaiOptions = {}): Promise<FakeXai> {
  const apiKeys = options.apiKeys ?? [TEST_API_KEY];
  const models = options.models ?? ['grok-code-fast-1', 'grok-4'];
  const catalogue = options.catalogue ?? LATE_2026_CATALOGUE;
  const servedBy = options.servedBy ?? {};
  const queue: Scenario[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let defaultScenario: Scenario = options.defaultScenario ?? DEFAULT_SCENARIO;
  let connections = 0;
  const promptCache: PromptCacheMemory = new Map();

  function takeScenario(path: string): Scenario | undefined {
    const index = queue.findIndex((scenario) => scenarioMatches(scenario, path));
    if (index !== -1) return queue.splice(index, 1)[0];
    return scenarioMatches(defaultScenario, path) ? defaultScenario : undefined;
  }

  /** The key problem as xAI reports it, or undefined when the key is accepted. */
  function authProblem(req: http.IncomingMessage): { status: number; body: object } | undefined {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!match) return { status: 401, body: defaultErrorBody(401) };
    const key = match[1].trim();
    if (options.acceptAnyKey ? key !== '' : apiKeys.includes(key)) return undefined;
    return {
      status: 400,
      body: {
        code: 'Client specified an invalid argument',
        error: `Incorrect API key provided: ${maskKey(key)}. You can obtain an API key from https://console.x.ai.`,
      },
    };
  }

  /** xAI's checks shared by both model routes; the body's fields when it passes, else undefined (answered). */
  function checkModelRequest(
    recorded: RecordedRequest,
    res: http.ServerResponse,
    unsupported: readonly string[],
  ): { fields: Record<string, unknown>; served: string } | undefined {
    if (!String(recorded.headers['content-type'] ?? '').includes('application/json')) {
      sendJson(res, 415, { code: 'Client specified an invalid argument', error: 'Content-Type must be application/json.' });
      return undefined;
    }
    const body = recorded.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendJson(res, 400, { code: 'Client specified an invalid argument', error: 'The body is not a JSON object.' });
      return undefined;
    }
    const fields = body as Record<string, unknown>;
    const named = unsupported.find((name) => name in fields);
    if (named) {
      sendJson(res, 400, { code: 'Client specified an invalid argument', error: `Argument not supported on this model: ${named}` });
      return undefined;
    }
    const model = String(fields.model ?? '');
    const listed = catalogueEntry(catalogue, model);
    if (options.retired?.includes(model) || (!models.includes(model) && !listed && !(model in servedBy))) {
      sendJson(res, 404, {
        code: 'Some requested entity was not found',
        error: `The model ${model} does not exist or your team does not have access to it.`,
      });
      return undefined;
    }
    const effort = requestedEffort(fields);
    if (effort !== undefined) {
      const efforts = acceptedEfforts(listed);
      if (efforts.length === 0) {
        sendJson(res, 400, { code: 'Client specified an invalid argument', error: `Model ${model} does not support parameter reasoningEffort.` });
        return undefined;
      }
      if (!efforts.includes(effort)) {
        sendJson(res, 400, {
          code: 'Client specified an invalid argument',
          error: `Invalid reasoning effort ${JSON.stringify(effort)} for model ${model}: expected one of ${efforts.join(', ')}.`,
        });
        return undefined;
      }
    }
    return { fields, served: servedName(model) };
  }

  /** The model that serves a requested name: an alias answers under its model's id. */
  function servedName(model: string): string {
    const listed = catalogueEntry(catalogue, model);
    return servedBy[model] ?? (typeof listed?.id === 'string' ? listed.id : model);
  }

  /**
   * A scripted answer (a status, a JSON body, raw bytes, a socket fault, a handler) comes only for
   * a body the server would take: the body rules hold for every test, not only those answered by
   * the default rendering. True when the request was refused (answered).
   */
  function refusedBeforeScript(recorded: RecordedRequest, res: http.ServerResponse): boolean {
    const body = recorded.body;
    if (recorded.method !== 'POST' || typeof body !== 'object' || body === null || Array.isArray(body)) return false;
    const fields = body as Record<string, unknown>;
    const check = recorded.path === CHAT_PATH ? checkChatBody : recorded.path === RESPONSES_PATH ? checkResponsesBody : undefined;
    return check !== undefined && refused(recorded, res, check, fields, servedName(String(fields.model ?? '')));
  }

  /** The body rules of the route's wire format; true when the request was refused (answered). */
  function refused(
    recorded: RecordedRequest,
    res: http.ServerResponse,
    check: (body: Record<string, unknown>, facts: BodyFacts) => BodyRuleViolation | undefined,
    fields: Record<string, unknown>,
    served: string,
  ): boolean {
    if (options.bodyRules === 'lenient') return false;
    const broken = check(fields, { model: served, maxOutputTokens: options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS });
    if (!broken) return false;
    recorded.refusedBy = broken.rule;
    sendJson(res, 400, { code: 'Client specified an invalid argument', error: `${broken.rule}: ${broken.message}` });
    return true;
  }

  async function answerChat(recorded: RecordedRequest, res: http.ServerResponse, scenario: AnswerScenario): Promise<void> {
    const checked = checkModelRequest(recorded, res, UNSUPPORTED_PARAMETERS);
    if (!checked) return;
    const { fields, served } = checked;
    if (!Array.isArray(fields.messages) || fields.messages.length === 0) {
      return sendJson(res, 422, { code: 'Client specified an invalid argument', error: 'messages: expected a non-empty array.' });
    }
    if (refused(recorded, res, checkChatBody, fields, served)) return;
    const prompt = promptTextOf(fields);
    const cached = cachedPromptTokens(promptCache, promptCacheKey(recorded.headers, fields), prompt);
    if (fields.stream !== true) return sendJson(res, 200, completionBody(scenario, served, prompt, cached));
    await writeEventStream(res, encodeEvents(streamPayloads(scenario, served, prompt, cached), scenario), scenario);
  }

  /** POST /v1/responses: `event:` lines, no `[DONE]`, encrypted reasoning when `include` asks for it. */
  async function answerResponses(recorded: RecordedRequest, res: http.ServerResponse, scenario: AnswerScenario): Promise<void> {
    const checked = checkModelRequest(recorded, res, UNSUPPORTED_RESPONSES_PARAMETERS);
    if (!checked) return;
    const { fields, served } = checked;
    const input = fields.input;
    if (!(typeof input === 'string' ? input !== '' : Array.isArray(input) && input.length > 0)) {
      return sendJson(res, 400, { code: 'Client specified an invalid argument', error: 'Invalid request content: input must not be empty.' });
    }
    if (refused(recorded, res, checkResponsesBody, fields, served)) return;
    const prompt = typeof input === 'string' ? input : responsesPromptText(input as unknown[]);
    const facts = {
      model: served,
      prompt,
      cachedTokens: cachedPromptTokens(promptCache, promptCacheKey(recorded.headers, fields), prompt),
      encrypted: Array.isArray(fields.include) && fields.include.includes('reasoning.encrypted_content'),
      store: fields.store !== false,
    };
    if (fields.stream !== true) return sendJson(res, 200, responsesBody(scenario, facts));
    await writeEventStream(res, encodeEvents(responsesStreamPayloads(scenario, facts), scenario, true), scenario);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const path = (req.url ?? '/').split('?')[0];
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = undefined;
    }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, rawBody, body, receivedAt: Date.now() };
    requests.push(recorded);
    res.once('close', () => {
      if (!res.writableFinished) recorded.closedEarlyAt = Date.now();
    });

    const scenario = takeScenario(path);
    if (scenario && scenario.kind !== 'answer' && refusedBeforeScript(recorded, res)) return;
    if (scenario?.kind === 'error') return sendJson(res, scenario.status, scenario.body ?? defaultErrorBody(scenario.status), scenario.headers);
    if (scenario?.kind === 'json') return sendJson(res, scenario.status ?? 200, scenario.body);
    if (scenario?.kind === 'handler') return scenario.handle(recorded, res);
    if (scenario?.kind === 'raw') return writeRaw(res, scenario);
    if (scenario?.kind === 'socket') return failSocket(res, scenario.fault);

    const problem = authProblem(req);
    if (problem) return sendJson(res, problem.status, problem.body);
    const route = `${recorded.method} ${path}`;
    const answer = scenario?.kind === 'answer' ? scenario : DEFAULT_SCENARIO;
    if (route === `POST ${CHAT_PATH}`) return answerChat(recorded, res, answer);
    if (route === `POST ${RESPONSES_PATH}`) return answerResponses(recorded, res, answer);
    if (route === 'GET /v1/models') {
      const created = 1_700_000_000;
      return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created, owned_by: 'xai' })) });
    }
    if (route === 'GET /v1/language-models' && options.languageModelsRoute !== false) return sendJson(res, 200, { models: catalogue });
    if (route === 'GET /v1/api-key' && options.apiKeyRoute !== false) {
      const key = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      return sendJson(res, 200, {
        name: 'test key',
        redacted_api_key: `${key.slice(0, 4)}...${key.slice(-4)}`,
        api_key_blocked: false,
        api_key_disabled: false,
        team_blocked: false,
        ...options.apiKeyInfo,
      });
    }
    sendJson(res, 404, defaultErrorBody(404));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'Internal', error: String(error) });
      else res.destroy();
    });
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/v1`,
    port: address.port,
    requests,
    get connections() {
      return connections;
    },
    get openConnections() {
      return sockets.size;
    },
    enqueue: (...next: Scenario[]) => void queue.push(...next),
    dropQueued: () => queue.splice(0).length,
    setDefault: (scenario: Scenario) => {
      defaultScenario = scenario;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
