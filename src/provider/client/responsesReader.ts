/**
 * Event-stream bytes in, validated Responses API events out, a network read at a time (as
 * chunkReader.ts does for Chat Completions). The framing is taken as it comes: `event:` lines or
 * none, comments and pings, CRLF, a closing `[DONE]` or none; events are told apart by their JSON
 * `type`. The answer is whole at the first terminal event (`response.completed`, `.incomplete`),
 * never at a `[DONE]` alone; an `error` event or `response.failed` is an error, typed like an HTTP
 * status.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { ApiError } from '../errors';
import { mapStreamError } from './errorMapping';
import { DELTA_EVENT_TYPES, deltaEventSchema, responsesEventSchema, TERMINAL_EVENT_TYPES, type ResponsesEvent } from './responsesWire';
import { SseParser } from './sseParser';

let compiledEventSchema: typeof responsesEventSchema | undefined;
let compiledDeltaSchema: typeof deltaEventSchema | undefined;
let compiling = false;

/** Compiles the event schemas on a later turn, as prepareChunkValidation does for chat chunks. */
export function prepareEventValidation(): void {
  if (compiling) return;
  compiling = true;
  setImmediate(() => {
    compiledEventSchema = z.compile(responsesEventSchema);
    compiledDeltaSchema = z.compile(deltaEventSchema);
  });
}

function isDelta(json: unknown): boolean {
  const type = (json as { type?: unknown } | null)?.type;
  return typeof type === 'string' && DELTA_EVENT_TYPES.has(type);
}

function malformed(what: string, sample: string): ApiError {
  const snippet = sample.length > 200 ? `${sample.slice(0, 200)}…` : sample;
  return new ApiError(l10n.t('The server sent {0} in the event stream.', what), 200, snippet);
}

function parseEvent(data: string): ResponsesEvent {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw malformed(l10n.t('malformed JSON'), data);
  }
  // Validated in place (no transforms): a text delta by its own small schema, anything else by the full one.
  const valid = isDelta(json)
    ? (compiledDeltaSchema ?? deltaEventSchema).validate(json)
    : (compiledEventSchema ?? responsesEventSchema).validate(json);
  if (valid) return json as ResponsesEvent;
  // xAI's error shape `{code, error}` instead of an event.
  const error = (json as { error?: unknown } | null)?.error;
  if (typeof error === 'string') throw mapStreamError({ code: (json as { code?: unknown }).code, message: error });
  throw malformed(l10n.t('an unexpected event'), data);
}

export class ResponsesReader {
  private readonly parser = new SseParser();
  /** A terminal event or `[DONE]` arrived: anything after it is ignored. */
  private ended = false;
  private terminal = false;

  /**
   * True once a terminal event arrived. A `[DONE]` ends the stream but not the answer: only
   * `response.completed` or `.incomplete` says the answer (and its tool calls) is whole.
   */
  get complete(): boolean {
    return this.terminal;
  }

  /** Appends the events these bytes complete; an error event throws after the ones before it. */
  push(bytes: Uint8Array, into: ResponsesEvent[]): void {
    this.take(this.parser.push(bytes), into);
  }

  end(into: ResponsesEvent[]): void {
    this.take(this.parser.end(), into);
  }

  private take(events: string[], into: ResponsesEvent[]): void {
    for (const data of events) {
      if (this.ended) return;
      if (data.trim() === '[DONE]') {
        this.ended = true;
        return;
      }
      const event = parseEvent(data);
      if (event.type === 'error') throw mapStreamError({ code: event.code, message: event.message });
      if (event.type === 'response.failed') {
        // Its snapshot carries what was billed: the assembler reads it before the error is thrown.
        into.push(event);
        throw mapStreamError(event.response?.error ?? { message: l10n.t('The response failed.') });
      }
      into.push(event);
      if (TERMINAL_EVENT_TYPES.has(event.type)) this.ended = this.terminal = true;
    }
  }
}
