/**
 * Event-stream bytes in, validated chat chunks out, a network read at a time: every event of one
 * read is parsed in one synchronous pass (no promise per token). Knows whether the answer was
 * whole: `[DONE]` arrived, a finish reason (even xAI's `""`), or the usage chunk that only ends a
 * stream. An error in the stream, in any shape (an `error` object or text beside the choices or
 * instead of them, `finish_reason: "error"`), is an error, never the end of a successful answer.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { ApiError } from '../errors';
import { mapStreamError } from './errorMapping';
import { RetryableFailure } from './retry';
import { SseParser } from './sseParser';
import { chatChunkSchema, type ChatChunk } from './wire';

let compiledChunkSchema: typeof chatChunkSchema | undefined;
let compiling = false;

/**
 * Starts compiling the chunk schema, once, on a later turn of the event loop: a request calls this
 * as it goes out, so the few milliseconds of code generation fall in the wait for the server, not
 * on the way to the first token. Zod compiles the schema into one generated function, a fraction of
 * the cost per chunk of the schema walked part by part, with the same results (and falls back to
 * the walk where code generation is not allowed). Until it is ready the schema itself checks.
 */
export function prepareChunkValidation(): void {
  if (compiling) return;
  compiling = true;
  setImmediate(() => {
    compiledChunkSchema = z.compile(chatChunkSchema);
  });
}

function chunkSchema(): typeof chatChunkSchema {
  return compiledChunkSchema ?? chatChunkSchema;
}

function malformed(what: string, sample: string): ApiError {
  const snippet = sample.length > 200 ? `${sample.slice(0, 200)}…` : sample;
  return new ApiError(l10n.t('The server sent {0} in the event stream.', what), 200, snippet);
}

/** The error an event carries, in xAI's shape (`{code, error: "text"}`) or OpenAI's (`{error: {message, code}}`). */
function errorIn(json: object): ReturnType<typeof mapStreamError> | undefined {
  const { error, code } = json as { error?: unknown; code?: unknown };
  if (error === undefined || error === null || error === false) return undefined;
  if (typeof error === 'string') return mapStreamError({ code, message: error });
  if (typeof error === 'object') return mapStreamError(error as { code?: unknown; message?: unknown });
  return mapStreamError(String(error));
}

/** The usage an error event carries, as the chunk that reports it: the attempt was billed all the same. */
function usageChunkOf(json: object): ChatChunk | undefined {
  const usage = (json as { usage?: unknown }).usage;
  if (usage === undefined || usage === null) return undefined;
  const chunk = { choices: [], usage };
  return chunkSchema().validate(chunk) ? chunk : undefined;
}

/**
 * Reads one event's JSON into `into`: a chunk; or, for an error the server put in the stream, the
 * usage it reports (if any), then the error is thrown.
 */
function parseEvent(data: string, into: ChatChunk[]): ChatChunk {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw malformed(l10n.t('malformed JSON'), data);
  }
  const error = json !== null && typeof json === 'object' ? errorIn(json) : undefined;
  if (error) {
    const billed = usageChunkOf(json as object);
    if (billed) into.push(billed);
    throw error;
  }
  // Validated in place rather than copied: the schema has no transforms, so the checked JSON is a
  // chunk as it stands (keys the client does not read are left on it, unread).
  if (!chunkSchema().validate(json)) throw malformed(l10n.t('an unexpected chunk'), data);
  return json;
}

const OPEN_BRACE = 123;

/** `[DONE]`, maybe padded; a chunk (JSON object) is told apart by its first character, unscanned. */
function isDone(data: string): boolean {
  return data.charCodeAt(0) !== OPEN_BRACE && data.trim() === '[DONE]';
}

/** The chunk ends the answer: a finish reason (any string, `""` included) or the closing usage chunk. */
function endsAnswer(chunk: ChatChunk): boolean {
  const choices = chunk.choices;
  if (!choices || choices.length === 0) return chunk.usage?.prompt_tokens != null || chunk.usage?.completion_tokens != null;
  for (const choice of choices) if (choice.finish_reason != null) return true;
  return false;
}

function failedChoice(chunk: ChatChunk): boolean {
  const choices = chunk.choices;
  if (!choices) return false;
  for (const choice of choices) if (choice.finish_reason === 'error') return true;
  return false;
}

const FINISHED_WITH_ERROR = l10n.t('The server ended the answer with finish_reason "error" before it was complete.');

export class ChunkReader {
  private readonly parser = new SseParser();
  private done = false;
  private finished = false;

  /** True when the answer is whole: `[DONE]` (anything after it is ignored), a chunk with a finish reason, or the usage chunk. */
  get complete(): boolean {
    return this.done || this.finished;
  }

  /**
   * Appends to `into` the chunks these bytes complete. A bad event throws, after the chunks
   * before it were appended (they reached the wire first, so the caller may still deliver them).
   */
  push(bytes: Uint8Array, into: ChatChunk[]): void {
    this.take(this.parser.push(bytes), into);
  }

  /** The same for the end of the body. */
  end(into: ChatChunk[]): void {
    this.take(this.parser.end(), into);
  }

  private take(events: string[], into: ChatChunk[]): void {
    for (const data of events) {
      if (this.done) return;
      if (isDone(data)) {
        this.done = true;
        return;
      }
      const chunk = parseEvent(data, into);
      into.push(chunk);
      if (failedChoice(chunk)) throw new RetryableFailure(new ApiError(FINISHED_WITH_ERROR, 200));
      if (!this.finished && endsAnswer(chunk)) this.finished = true;
    }
  }
}
