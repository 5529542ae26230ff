/**
 * One HTTP exchange with an xAI-compatible server at a time: a streamed chat completion as typed
 * chunks, or a GET of JSON. Timeouts are undici's own (`headersTimeout` until the status line,
 * `bodyTimeout` between body bytes); cancellation destroys the socket rather than draining it.
 * Retrying is the caller's business (see retry.ts): failures that may be retried come wrapped.
 */
import type * as z from 'zod';
import type { Dispatcher } from 'undici';
import { undici } from './undiciRuntime';
import { ApiError, AuthenticationError, NetworkError, type GrokError } from '../errors';
import { type ConnectionPool } from './connectionPool';
import { mapErrorIn200, mapHttpError, mapTransportError } from './errorMapping';
import { RetryableFailure } from './retry';
import { ChunkReader, prepareChunkValidation } from './chunkReader';
import { chatCompletionSchema, type ChatChunk, type ChatCompletion, type ChatRequestBody } from './wire';

export interface XaiClientSettings {
  /** Base URL ending before `/chat/completions`, e.g. `https://api.x.ai/v1`. */
  endpoint: string;
  apiKey: string;
  headersTimeoutMs: number;
  idleTimeoutMs: number;
  userAgent: string;
}

export const NO_API_KEY_MESSAGE = 'No API key set. Run "Grok: Set API Key" (the key is kept in the OS keychain).';

type Body = Dispatcher.ResponseData['body'];

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A JSON body on a 200: a whole answer, or (xAI) an error that should have been a status. */
function parseWholeAnswer(text: string): ChatCompletion {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw mapErrorIn200(text);
  }
  const completion = chatCompletionSchema.safeParse(json);
  if (!completion.success) throw mapErrorIn200(text);
  return completion.data;
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
    return { authorization: `Bearer ${this.settings.apiKey.trim()}`, 'user-agent': this.settings.userAgent, ...extra };
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
    body?: string,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Body }> {
    const { headersTimeoutMs, idleTimeoutMs } = this.settings;
    try {
      const response = await undici().request(this.url(path), {
        method,
        headers: this.headers(headers),
        body,
        signal,
        dispatcher: this.pool.dispatcher,
        headersTimeout: headersTimeoutMs,
        bodyTimeout: idleTimeoutMs,
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      throw mapTransportError(error, signal, this.settings);
    }
  }

  private async readText(body: Body, signal: AbortSignal | undefined): Promise<string> {
    try {
      return await body.text();
    } catch (error) {
      throw mapTransportError(error, signal, this.settings);
    }
  }

  private async failure(
    response: { status: number; headers: Record<string, string | string[] | undefined>; body: Body },
    signal: AbortSignal | undefined,
  ): Promise<GrokError | RetryableFailure> {
    const text = await this.readText(response.body, signal);
    return mapHttpError(response.status, text, header(response.headers, 'retry-after'));
  }

  /**
   * One attempt at a streamed chat completion. Yields the chunks of each network read together
   * (never an empty batch); ends after `[DONE]` (or a clean end after a finish reason); a body that
   * breaks off earlier throws NetworkError, after the chunks that arrived whole.
   */
  async *streamChat(
    body: ChatRequestBody,
    options: { signal?: AbortSignal; conversationId?: string } = {},
  ): AsyncGenerator<ChatChunk[]> {
    const { signal } = options;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
    if (options.conversationId) headers['x-grok-conv-id'] = options.conversationId;
    prepareChunkValidation();
    const response = await this.send('POST', '/chat/completions', headers, signal, JSON.stringify(body));
    if (response.status !== 200) throw await this.failure(response, signal);

    const contentType = header(response.headers, 'content-type') ?? '';
    if (contentType.includes('application/json')) {
      yield completionAsChunks(parseWholeAnswer(await this.readText(response.body, signal)));
      return;
    }

    const reader = new ChunkReader();
    let batch: ChatChunk[] = [];
    let bodyEnded = false;
    try {
      // Read to the end even after [DONE]: a fully read body keeps the socket reusable.
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
      const failure = reader.sawDone ? undefined : this.streamFailure(error, signal); // After [DONE] only the tail broke.
      if (batch.length > 0) yield batch;
      if (failure) throw failure;
      return;
    } finally {
      // Stopping early (cancel, consumer gone, bad event) must close the socket, not drain it.
      if (!bodyEnded) response.body.destroy();
    }
    if (batch.length > 0) yield batch;
    if (!reader.complete) throw new NetworkError('The server closed the stream before the answer was complete.');
  }

  private streamFailure(error: unknown, signal: AbortSignal | undefined): GrokError | RetryableFailure {
    if (error instanceof RetryableFailure) return error;
    const mapped = mapTransportError(error, signal, this.settings);
    if (mapped instanceof NetworkError) {
      return new NetworkError(`The connection broke before the answer was complete (${mapped.message}).`, { cause: error });
    }
    return mapped;
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
      throw new ApiError(`GET ${path} answered with text that is not JSON.`, 200, text.slice(0, 200));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError(`GET ${path} answered in an unexpected shape.`, 200, text.slice(0, 200));
    return parsed.data;
  }
}
