/**
 * One HTTP exchange with an xAI-compatible server at a time: a streamed chat completion as typed
 * chunks, or a GET of JSON. Timeouts are undici's own (`headersTimeout` until the status line,
 * `bodyTimeout` between body bytes); cancellation destroys the socket rather than draining it.
 * Retrying is the caller's business (see retry.ts): failures that may be retried come wrapped.
 */
import * as l10n from '@vscode/l10n';
import type * as z from 'zod';
import type { Dispatcher } from 'undici';
import { undici } from './undiciRuntime';
import { ApiError, AuthenticationError, GrokError, NetworkError } from '../errors';
import { type ConnectionPool } from './connectionPool';
import {
  header,
  isHtml,
  mapErrorIn200,
  mapHttpError,
  mapStreamError,
  mapTransportFailure,
  serverMessageOf,
  webPageInsteadOfStream,
  type ResponseHeaders,
} from './errorMapping';
import { RetryableFailure } from './retry';
import { ChunkReader, prepareChunkValidation } from './chunkReader';
import { prepareEventValidation, ResponsesReader } from './responsesReader';
import {
  wholeResponseSchema,
  type ResponseObject,
  type ResponsesEvent,
  type ResponsesRequestBody,
} from './responsesWire';
import { chatCompletionSchema, type ChatChunk, type ChatCompletion, type ChatRequestBody } from './wire';

export interface XaiClientSettings {
  /** Base URL ending before `/chat/completions`, e.g. `https://api.x.ai/v1`. */
  endpoint: string;
  apiKey: string;
  headersTimeoutMs: number;
  idleTimeoutMs: number;
  userAgent: string;
}

export const NO_API_KEY_MESSAGE = l10n.t('No API key set. Run "Grok: Set API Key" (the key is kept in the OS keychain).');

type Body = Dispatcher.ResponseData['body'];

/** A JSON body on a 200: a whole answer in `schema`'s shape, or (xAI) an error that should have been a status. */
function parseWhole<T>(text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw mapErrorIn200(text);
  }
  const whole = schema.safeParse(json);
  if (!whole.success) throw mapErrorIn200(text);
  return whole.data;
}

/** A whole answer from a server that ignored `stream: true`, as the chunks a stream would carry. */
function completionAsChunks(completion: ChatCompletion): ChatChunk[] {
  const choice = completion.choices[0];
  const message = choice?.message;
  const toolCalls = message?.tool_calls?.map((call, index) => ({ ...call, index: call.index ?? index }));
  return [
    {
      model: completion.model,
      choices: [
        {
          index: 0,
          delta: { reasoning_content: message?.reasoning_content, content: message?.content, tool_calls: toolCalls },
          finish_reason: choice?.finish_reason ?? 'stop',
        },
      ],
    },
    { choices: [], usage: completion.usage },
  ];
}

export interface StreamOptions {
  signal?: AbortSignal;
  /** Sent as `x-grok-conv-id`: sticky routing to the conversation's prompt cache. */
  conversationId?: string;
}

/** Bytes of an event stream in, a wire format's items out (chunkReader.ts, responsesReader.ts). */
interface EventReader<T> {
  push(bytes: Uint8Array, into: T[]): void;
  end(into: T[]): void;
  /** The answer is whole: a connection that breaks after it only broke the tail. */
  readonly complete: boolean;
}

/** The items of a whole answer, and the failure it reports after them (a failed response's usage is still billed). */
interface WholeAnswer<T> {
  items: T[];
  failure?: GrokError | RetryableFailure;
}

interface WireFormat<T> {
  reader(): EventReader<T>;
  /** A whole JSON answer from a server that ignored `stream: true`, as the items a stream would carry. */
  whole(text: string): WholeAnswer<T>;
}

const CHAT_FORMAT: WireFormat<ChatChunk> = {
  reader: () => new ChunkReader(),
  whole: (text) => ({ items: completionAsChunks(parseWhole(text, chatCompletionSchema)) }),
};

const RESPONSES_FORMAT: WireFormat<ResponsesEvent> = {
  reader: () => new ResponsesReader(),
  whole: (text) => responseAsEvents(parseWhole(text, wholeResponseSchema)),
};

/** A whole response as the events a stream would carry: its items' text, then its terminal event. */
function responseAsEvents(response: ResponseObject): WholeAnswer<ResponsesEvent> {
  if (response.status === 'failed') {
    return { items: [{ type: 'response.failed', response }], failure: mapStreamError(response.error ?? { message: l10n.t('The response failed.') }) };
  }
  const events: ResponsesEvent[] = [];
  for (const item of response.output ?? []) {
    if (item.type === 'reasoning') {
      const text = (item.summary ?? []).map((part) => part.text ?? '').join('');
      if (text) events.push({ type: 'response.reasoning_summary_text.delta', delta: text });
    }
    if (item.type === 'message') {
      const text = (item.content ?? []).map((part) => (part.type === 'output_text' ? (part.text ?? '') : '')).join('');
      if (text) events.push({ type: 'response.output_text.delta', delta: text });
    }
    events.push({ type: 'response.output_item.done', item });
  }
  events.push({ type: response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', response });
  return { items: events };
}

export class XaiClient {
  constructor(
    private readonly pool: ConnectionPool,
    private settings: XaiClientSettings,
  ) {}

  updateSettings(settings: XaiClientSettings): void {
    this.settings = settings;
  }

  get endpoint(): string {
    return this.settings.endpoint;
  }

  get hasApiKey(): boolean {
    return this.settings.apiKey.trim() !== '';
  }

  private url(path: string): string {
    return `${this.settings.endpoint.replace(/\/+$/, '')}${path}`;
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    if (!this.hasApiKey) throw new AuthenticationError(NO_API_KEY_MESSAGE);
    // not UI text: an HTTP header
    return { authorization: `Bearer ${this.settings.apiKey.trim()}`, 'user-agent': this.settings.userAgent, ...extra };
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
    body?: string,
  ): Promise<{ status: number; headers: ResponseHeaders; body: Body }> {
    const { headersTimeoutMs, idleTimeoutMs } = this.settings;
    try {
      const url = this.url(path);
      const response = await undici().request(url, {
        method,
        headers: this.headers(headers),
        body,
        signal,
        dispatcher: this.pool.dispatcherFor(url),
        headersTimeout: headersTimeoutMs,
        bodyTimeout: idleTimeoutMs,
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      // A socket reset or closed before the headers is retried like a 503.
      throw mapTransportFailure(error, signal, this.settings);
    }
  }

  private async readText(body: Body, signal: AbortSignal | undefined): Promise<string> {
    try {
      return await body.text();
    } catch (error) {
      throw mapTransportFailure(error, signal, this.settings);
    }
  }

  private async failure(
    response: { status: number; headers: ResponseHeaders; body: Body },
    signal: AbortSignal | undefined,
  ): Promise<GrokError | RetryableFailure> {
    const text = await this.readText(response.body, signal);
    return mapHttpError(response.status, text, response.headers);
  }

  /**
   * One attempt at a streamed chat completion. Yields the chunks of each network read together
   * (never an empty batch); ends after `[DONE]` (or the end, clean or broken, after a finish reason
   * or the usage chunk); a body that breaks off earlier throws NetworkError, after the chunks that
   * arrived whole.
   */
  streamChat(body: ChatRequestBody, options: StreamOptions = {}): AsyncGenerator<ChatChunk[]> {
    prepareChunkValidation();
    return this.stream('/chat/completions', body, CHAT_FORMAT, options);
  }

  /** The same for the Responses API: its events, a network read at a time. */
  streamResponses(body: ResponsesRequestBody, options: StreamOptions = {}): AsyncGenerator<ResponsesEvent[]> {
    prepareEventValidation();
    return this.stream('/responses', body, RESPONSES_FORMAT, options);
  }

  private async *stream<T>(path: string, body: object, format: WireFormat<T>, options: StreamOptions): AsyncGenerator<T[]> {
    const { signal } = options;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
    if (options.conversationId) headers['x-grok-conv-id'] = options.conversationId;
    const response = await this.send('POST', path, headers, signal, JSON.stringify(body));
    if (response.status !== 200) throw await this.failure(response, signal);

    const contentType = header(response.headers, 'content-type') ?? '';
    if (contentType.includes('application/json')) {
      const whole = format.whole(await this.readText(response.body, signal));
      yield whole.items;
      if (whole.failure) throw whole.failure;
      return;
    }
    if (isHtml('', contentType)) throw webPageInsteadOfStream(await this.readText(response.body, signal));

    const reader = format.reader();
    let batch: T[] = [];
    let bodyEnded = false;
    try {
      // Read to the end even after the last event: a fully read body keeps the socket reusable.
      for await (const bytes of response.body) {
        reader.push(bytes as Uint8Array, batch);
        if (batch.length > 0) {
          yield batch;
          batch = [];
        }
      }
      reader.end(batch);
      bodyEnded = true;
    } catch (error) {
      // A connection that breaks once the answer is whole (its finish reason, usage or last event
      // in) only broke the tail; an error the server sent in the stream still counts.
      const sentByServer = error instanceof GrokError || error instanceof RetryableFailure;
      const failure = reader.complete && !sentByServer ? undefined : this.streamFailure(error, signal);
      if (batch.length > 0) yield batch;
      if (failure) throw failure;
      return;
    } finally {
      // Stopping early (cancel, consumer gone, bad event) must close the socket, not drain it.
      if (!bodyEnded) response.body.destroy();
    }
    if (batch.length > 0) yield batch;
    if (!reader.complete) throw new NetworkError(l10n.t('The server closed the stream before the answer was complete.'));
  }

  private streamFailure(error: unknown, signal: AbortSignal | undefined): GrokError | RetryableFailure {
    const mapped = mapTransportFailure(error, signal, this.settings);
    const network = mapped instanceof RetryableFailure ? mapped.error : mapped;
    if (!(network instanceof NetworkError) || error instanceof RetryableFailure) return mapped;
    const broke = new NetworkError(l10n.t('The connection broke before the answer was complete ({0}).', network.message), { cause: error });
    // Retried only while nothing of the answer has reached the caller (see retry.ts).
    return mapped instanceof RetryableFailure ? new RetryableFailure(broke) : broke;
  }

  /** GET a JSON resource and parse it with `schema`. */
  async getJson<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    const response = await this.send('GET', path, { accept: 'application/json' }, signal);
    if (response.status !== 200) {
      const failure = await this.failure(response, signal);
      throw failure instanceof RetryableFailure ? failure.error : failure;
    }
    const text = await this.readText(response.body, signal);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(
        isHtml(text) ? l10n.t('GET {0} answered with a web page that is not JSON.', path) : l10n.t('GET {0} answered with text that is not JSON.', path),
        200,
        serverMessageOf(text).slice(0, 200),
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError(l10n.t('GET {0} answered in an unexpected shape.', path), 200, text.slice(0, 200));
    return parsed.data;
  }
}
