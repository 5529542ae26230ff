/**
 * What the fake xAI server answers, one scenario per request. An `answer` scenario describes the
 * model's output (reasoning, content, tool calls, usage) and how its bytes travel (split, drip,
 * stall, cut, malformed event); the server renders it as an event stream or, for a request with
 * `stream` unset, as one JSON completion. The other kinds answer with a status, a 200 JSON body,
 * or a handler of your own.
 */
import type * as http from 'node:http';

export interface ToolCallSpec {
  id?: string;
  name: string;
  /** The arguments JSON text. */
  arguments: string;
  /** Send `arguments` in this many pieces after a first chunk with id and name (OpenAI style); default whole (xAI style). */
  fragments?: number;
}

export interface UsageJson {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { text_tokens: number; cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
  num_sources_used: number;
  cost_in_usd_ticks?: number;
}

export interface AnswerScenario {
  kind: 'answer';
  /** Reasoning deltas, sent first. */
  reasoning?: string[];
  /** Content deltas. */
  content?: string[];
  toolCalls?: ToolCallSpec[];
  /**
   * The answer fails in the stream after its output: Responses sends `response.failed` (its
   * `error` and usage) or, with `event: 'error'`, an `error` event; Chat Completions an error chunk
   * `{error: {message, type, code}}` and no finish.
   */
  failure?: { code: string; message: string; event?: 'response.failed' | 'error' };
  /** Default `tool_calls` when there are tool calls, else `stop`; null sends no finish chunk. */
  finishReason?: string | null;
  /** Overrides of the computed usage; false sends no usage chunk; `cost_in_usd_ticks: undefined` drops the cost. */
  usage?: Partial<UsageJson> | false;
  /** The model named in the chunks (default: the requested one). */
  model?: string;
  /** Empty `delta: {}` chunks before the finish chunk (older xAI streams held hundreds). */
  emptyDeltas?: number;
  /** Delay before the status line and headers. */
  headersDelayMs?: number;
  /** Delay after the headers before the first event: the model's latency. */
  latencyMs?: number;
  /** Delay between two written pieces. */
  dripMs?: number;
  /** How the bytes are cut into writes: per event (default), every byte, pieces of N bytes, or at these offsets. */
  split?: 'event' | 'byte' | number | number[];
  lineEnding?: '\n' | '\r\n';
  /** `data:{...}` instead of `data: {...}`. */
  noSpaceAfterData?: boolean;
  /** A `: keep-alive` comment line before every event. */
  comments?: boolean;
  /** False leaves out the final `data: [DONE]`; on the Responses API (which sends none) true adds one. */
  done?: boolean;
  /** Responses API: false leaves out the `event: <type>` lines. */
  eventLines?: boolean;
  /** Write this many events, then go silent with the connection open. */
  stallAfterEvents?: number;
  /** Write this many events, then destroy the connection. */
  cutAfterEvents?: number;
  /** After this many events, send one event whose data is not JSON. */
  malformedAfterEvents?: number;
  /** Default `text/event-stream`. */
  contentType?: string;
}

export interface ErrorScenario {
  kind: 'error';
  status: number;
  /** A JSON value (sent as JSON) or raw text. Default: an xAI-shaped body for the status. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Which route takes it; default either model route (`/v1/chat/completions`, `/v1/responses`). */
  path?: string;
}

/** HTTP 200 with a JSON body instead of an event stream (xAI's error-in-200, or any JSON). */
export interface JsonScenario {
  kind: 'json';
  body: unknown;
  status?: number;
  path?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** The parsed JSON body, undefined when empty or not JSON. */
  body: unknown;
  receivedAt: number;
  /** Set when the client closed the connection before the response ended (an aborted stream). */
  closedEarlyAt?: number;
  /** The body rule (bodyRules.ts) the request broke: it was answered with 400. */
  refusedBy?: string;
}

export interface HandlerScenario {
  kind: 'handler';
  path?: string;
  handle(request: RecordedRequest, res: http.ServerResponse): void | Promise<void>;
}

/**
 * Exact bytes, as a real server or gateway sent them (the field reports of issue 11): the status,
 * the headers and the body, cut into writes like an answer's (`split`).
 */
export interface RawScenario {
  kind: 'raw';
  status?: number;
  /** Default `content-type: text/event-stream`. */
  headers?: Record<string, string>;
  body: string;
  split?: AnswerScenario['split'];
  /** Default either model route. */
  path?: string;
}

/** The connection fails before any byte of the answer: reset (RST), or closed (FIN). */
export interface SocketFaultScenario {
  kind: 'socket';
  fault: 'reset' | 'close';
  path?: string;
}

export type Scenario = AnswerScenario | ErrorScenario | JsonScenario | HandlerScenario | RawScenario | SocketFaultScenario;

export const CHAT_PATH = '/v1/chat/completions';
export const RESPONSES_PATH = '/v1/responses';
/** The routes that answer a prompt, in either wire format. */
export const MODEL_ROUTES: readonly string[] = [CHAT_PATH, RESPONSES_PATH];

/** Whether a request to `path` takes this scenario: one without a path goes to either model route. */
export function scenarioMatches(scenario: Scenario, path: string): boolean {
  const wanted = scenario.kind === 'answer' ? undefined : scenario.path;
  return wanted === undefined ? MODEL_ROUTES.includes(path) : wanted === path;
}

/** Handy scenarios for the common cases. */
export const scenarios = {
  text: (...content: string[]): AnswerScenario => ({ kind: 'answer', content }),
  status: (status: number, body?: unknown, headers?: Record<string, string>): ErrorScenario => ({ kind: 'error', status, body, headers }),
  /** xAI's HTTP 200 carrying an error instead of a stream. */
  errorIn200: (): JsonScenario => ({
    kind: 'json',
    body: { code: 'The service is currently unavailable', error: 'Timed out waiting for first token' },
  }),
  creditsExhausted: (): ErrorScenario => ({
    kind: 'error',
    status: 429,
    body: {
      code: 'Some resource has been exhausted',
      error: 'Your team has either used all available credits or reached its monthly spending limit.',
    },
  }),
  /** No reasoning, no content, no tool calls: xAI's empty answer. */
  empty: (): AnswerScenario => ({ kind: 'answer', content: [] }),
};

export const DEFAULT_SCENARIO: AnswerScenario = {
  kind: 'answer',
  reasoning: ['The user', ' wants', ' a greeting.'],
  content: ['Hello', ' from', ' the fake', ' Grok.'],
};

/** The xAI-shaped error body the fake sends for a status when the scenario names none. */
export function defaultErrorBody(status: number): { code: string; error: string } {
  switch (status) {
    case 400:
      return { code: 'Client specified an invalid argument', error: 'Bad request.' };
    case 401:
      return { code: 'Unauthenticated', error: 'Missing or malformed Authorization header.' };
    case 403:
      return { code: 'The caller does not have permission', error: 'Your team does not have permission or has no credits.' };
    case 404:
      return { code: 'Some requested entity was not found', error: 'No handler found on route.' };
    case 429:
      return { code: 'Some resource has been exhausted', error: 'Too many requests: rate limit reached.' };
    default:
      return status >= 500
        ? { code: 'The service is currently unavailable', error: `Internal error (${status}).` }
        : { code: 'Client specified an invalid argument', error: `Error ${status}.` };
  }
}
