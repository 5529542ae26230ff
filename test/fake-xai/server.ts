/**
 * A fake xAI API on a real HTTP server, for tests, the benchmark and manual runs.
 *
 *   const fake = await startFakeXai({ apiKeys: ['xai-test-key'] });
 *   fake.url            // 'http://127.0.0.1:<port>/v1': the provider's endpoint
 *   fake.enqueue(scenarios.text('Hello'));           // the next chat request gets this answer
 *   fake.enqueue({ kind: 'answer', content: ['a', 'b'], split: 'byte', dripMs: 5 });
 *   fake.enqueue(scenarios.status(429, undefined, { 'retry-after': '1' }));
 *   fake.enqueue({ kind: 'error', status: 503, path: '/v1/models' });  // routes other than chat
 *   fake.setDefault(scenario);   // what requests get when the queue holds nothing for their route
 *   fake.requests               // every request received: method, path, headers, rawBody, parsed body;
 *                               // closedEarlyAt once the client hung up before the response ended
 *   fake.connections            // sockets opened so far ('connection' events); openConnections: still open
 *   await fake.close();         // destroys open sockets, then closes the server
 *
 * Routes: POST /v1/chat/completions (streams when the body says `stream: true`, else one JSON
 * completion), GET /v1/models, GET /v1/api-key (404 with `apiKeyRoute: false`, like OpenAI-compatible
 * proxies). Like xAI it checks the Bearer key (400 "Incorrect API key" for a wrong one, 401 without
 * one), answers 415 without a JSON content type, 404 for an unknown model and 400 for `stop`,
 * `presence_penalty`, `frequency_penalty` and `reasoning_effort`. Scenarios of kind `error`, `json`
 * and `handler` answer before those checks; `answer` scenarios after them. See scenarios.ts.
 * Usage reports `prompt_tokens_details.cached_tokens` from an xAI-like prompt cache (promptCache.ts).
 */
import * as http from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { completionBody, streamPayloads } from './answer';
import { cachedPromptTokens, promptCacheKey, type PromptCacheMemory } from './promptCache';
import {
  CHAT_PATH,
  DEFAULT_SCENARIO,
  defaultErrorBody,
  scenarioPath,
  type AnswerScenario,
  type RecordedRequest,
  type Scenario,
} from './scenarios';
import { encodeEvents, writeEventStream } from './sseWriter';

export const TEST_API_KEY = 'xai-test-key';

export interface FakeXaiOptions {
  /** Keys accepted as `Authorization: Bearer <key>`; default [TEST_API_KEY]. */
  apiKeys?: string[];
  /** Accept any non-empty key. */
  acceptAnyKey?: boolean;
  /** Model ids GET /v1/models lists and chat accepts; default grok-code-fast-1 and grok-4. */
  models?: string[];
  /** False answers GET /v1/api-key with 404. Default true. */
  apiKeyRoute?: boolean;
  /** Overrides of GET /v1/api-key's answer (e.g. `{ api_key_blocked: true }`). */
  apiKeyInfo?: Record<string, unknown>;
  defaultScenario?: Scenario;
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
  setDefault(scenario: Scenario): void;
  close(): Promise<void>;
}

const UNSUPPORTED_PARAMETERS = ['stop', 'presence_penalty', 'frequency_penalty', 'reasoning_effort'];

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
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

export async function startFakeXai(options: FakeXaiOptions = {}): Promise<FakeXai> {
  const apiKeys = options.apiKeys ?? [TEST_API_KEY];
  const models = options.models ?? ['grok-code-fast-1', 'grok-4'];
  const queue: Scenario[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let defaultScenario: Scenario = options.defaultScenario ?? DEFAULT_SCENARIO;
  let connections = 0;
  const promptCache: PromptCacheMemory = new Map();

  function takeScenario(path: string): Scenario | undefined {
    const index = queue.findIndex((scenario) => scenarioPath(scenario) === path);
    if (index !== -1) return queue.splice(index, 1)[0];
    return scenarioPath(defaultScenario) === path ? defaultScenario : undefined;
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

  async function answerChat(recorded: RecordedRequest, res: http.ServerResponse, scenario: AnswerScenario): Promise<void> {
    if (!String(recorded.headers['content-type'] ?? '').includes('application/json')) {
      return sendJson(res, 415, { code: 'Client specified an invalid argument', error: 'Content-Type must be application/json.' });
    }
    const body = recorded.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return sendJson(res, 400, { code: 'Client specified an invalid argument', error: 'The body is not a JSON object.' });
    }
    const fields = body as Record<string, unknown>;
    const unsupported = UNSUPPORTED_PARAMETERS.find((name) => name in fields);
    const model = String(fields.model ?? '');
    if (unsupported) {
      return sendJson(res, 400, {
        code: 'Client specified an invalid argument',
        error: `Argument not supported on this model: ${unsupported}`,
      });
    }
    if (!models.includes(model)) {
      return sendJson(res, 404, {
        code: 'Some requested entity was not found',
        error: `The model ${model} does not exist or your team does not have access to it.`,
      });
    }
    if (!Array.isArray(fields.messages) || fields.messages.length === 0) {
      return sendJson(res, 422, { code: 'Client specified an invalid argument', error: 'messages: expected a non-empty array.' });
    }
    const prompt = promptTextOf(fields);
    const cached = cachedPromptTokens(promptCache, promptCacheKey(recorded.headers, fields), prompt);
    if (fields.stream !== true) return sendJson(res, 200, completionBody(scenario, model, prompt, cached));
    await writeEventStream(res, encodeEvents(streamPayloads(scenario, model, prompt, cached), scenario), scenario);
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
    if (scenario?.kind === 'error') return sendJson(res, scenario.status, scenario.body ?? defaultErrorBody(scenario.status), scenario.headers);
    if (scenario?.kind === 'json') return sendJson(res, scenario.status ?? 200, scenario.body);
    if (scenario?.kind === 'handler') return scenario.handle(recorded, res);

    const problem = authProblem(req);
    if (problem) return sendJson(res, problem.status, problem.body);
    const route = `${recorded.method} ${path}`;
    if (route === `POST ${CHAT_PATH}`) return answerChat(recorded, res, scenario ?? DEFAULT_SCENARIO);
    if (route === 'GET /v1/models') {
      const created = 1_700_000_000;
      return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created, owned_by: 'xai' })) });
    }
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
