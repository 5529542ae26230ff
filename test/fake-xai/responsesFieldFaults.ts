/**
 * The kinds of issue 11 for the Responses API, byte for byte as xAI and gateways frame them
 * (xai-responses.md §3): `event:` lines or none, `: keepalive` comments, CRLF, no `[DONE]` or one.
 */
import { prefixed } from './fieldFaults';
import { type RawScenario } from './scenarios';

/** Frames of these payloads; `type` is read from each JSON for its `event:` line unless `bare`. */
export function frames(payloads: readonly object[], options: { bare?: boolean; eol?: string } = {}): string {
  const eol = options.eol ?? '\n';
  return payloads
    .map((payload, sequence) => {
      const json = JSON.stringify({ sequence_number: sequence, ...payload });
      const name = options.bare ? '' : `event: ${(payload as { type: string }).type}${eol}`;
      return `${name}data: ${json}${eol}${eol}`;
    })
    .join('');
}

function stream(body: string): RawScenario {
  return { kind: 'raw', status: 200, headers: { 'content-type': 'text/event-stream' }, body };
}

const snapshot = (status: string, extra: object = {}) => ({ id: 'r1', object: 'response', model: 'grok-4.3', status, output: [], usage: null, ...extra });
const created = { type: 'response.created', response: snapshot('in_progress') };
const text = (delta: string) => ({ type: 'response.output_text.delta', content_index: 0, delta, item_id: 'msg_r1', output_index: 0, logprobs: [] });
const usage = {
  input_tokens: 197,
  input_tokens_details: { cached_tokens: 128 },
  output_tokens: 111,
  output_tokens_details: { reasoning_tokens: 110 },
  total_tokens: 308,
  num_sources_used: 0,
  cost_in_usd_ticks: 3893500,
};
const completed = (extra: object = {}) => ({ type: 'response.completed', response: snapshot('completed', { usage, ...extra }) });

/** Kind 1: an error inside the stream. */
export const responsesInStreamErrors = {
  /** The recorded `error` frame (grok2api), after part of the answer. */
  errorEvent: stream(
    frames([created, text('Here is the first half of the '), { type: 'error', code: null, message: 'Internal error during token generation', param: null }]),
  ),
  /** `response.failed` with the response's error. */
  failed: stream(
    frames([created, text('Partial '), { type: 'response.failed', response: snapshot('failed', { error: { code: 'server_error', message: 'The model crashed' } }) }]),
  ),
  /** A capacity error at sequence 0, after keep-alive comments: nothing reached the caller, so it is retried. */
  capacityAtStart: stream(`: keepalive\n\n: keepalive\n\n${frames([{ type: 'error', code: '503', message: 'No capacity available', param: null }])}`),
};

/** Kind 2: tool calls keyed by item id, arguments as deltas or whole. */
export const responsesToolCalls = {
  /** Two parallel calls whose argument deltas interleave. */
  interleaved: stream(
    frames([
      created,
      { type: 'response.output_item.added', output_index: 0, item: { type: 'function_call', id: 'fc_r1_0', call_id: 'call_a', name: 'read_file', arguments: '', status: 'in_progress' } },
      { type: 'response.output_item.added', output_index: 1, item: { type: 'function_call', id: 'fc_r1_1', call_id: 'call_b', name: 'list_directory', arguments: '', status: 'in_progress' } },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_r1_1', output_index: 1, delta: '{"path":"."}' },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_r1_0', output_index: 0, delta: '{"path":' },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_r1_0', output_index: 0, delta: '"a.ts"}' },
      { type: 'response.function_call_arguments.done', item_id: 'fc_r1_0', output_index: 0, name: 'read_file', arguments: '{"path":"a.ts"}' },
      { type: 'response.function_call_arguments.done', item_id: 'fc_r1_1', output_index: 1, name: 'list_directory', arguments: '{"path":"."}' },
      completed(),
    ]),
  ),
  /** Arguments only whole, in the finished item; no delta at all. */
  wholeInItem: stream(
    frames([
      created,
      { type: 'response.output_item.done', output_index: 0, item: { type: 'function_call', id: 'fc_r1_0', call_id: 'call_x', name: 'search_text', arguments: '{"query":"TODO"}', status: 'completed' } },
      completed(),
    ]),
  ),
};

/** Kind 3: lenient framing and fields; strict about an answer that stops. */
export const responsesLeniency = {
  /** Data-only frames with CRLF, comments, a ping, an unknown event type, extra fields, then `[DONE]`. */
  bareCrlfDone: stream(
    `: keepalive\r\n\r\nevent: ping\r\ndata: {"type":"ping"}\r\n\r\n${frames(
      [
        created,
        { type: 'response.output_item.added', output_index: 0, item: { id: 'rs_r1', type: 'reasoning', summary: [], status: 'in_progress', future_field: 1 } },
        { type: 'response.reasoning_summary_text.delta', delta: 'Think', item_id: 'rs_r1', output_index: 0, summary_index: 0 },
        { type: 'response.output_item.done', output_index: 0, item: { id: 'rs_r1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Think' }], encrypted_content: 'ZW5j', status: 'completed' } },
        text('hello'),
        { type: 'response.output_text.annotation.added', annotation: { type: 'url_citation' } },
        completed({ brand_new: { nested: true } }),
      ],
      { bare: true, eol: '\r\n' },
    )}data: [DONE]\r\n\r\n`,
  ),
  /** `response.incomplete` after some text: finishReason `length`. */
  incomplete: stream(
    frames([created, text('Truncated answer'), { type: 'response.incomplete', response: snapshot('incomplete', { usage, incomplete_details: { reason: 'max_output_tokens' } }) }]),
  ),
  /** Usage counts that are null. */
  nullUsage: stream(
    frames([
      created,
      text('ok'),
      { type: 'response.completed', response: snapshot('completed', { usage: { input_tokens: null, output_tokens: null, total_tokens: null, output_tokens_details: null } }) },
    ]),
  ),
  /** The stream stops mid-answer with no terminal event. */
  stopsMidAnswer: stream(frames([created, text('The answer is '), text('forty')])),
};

/** Every raw event stream above, for the any-byte-split property test. */
export const responsesRawStreams: Record<string, RawScenario> = {
  ...prefixed('responsesInStreamErrors', responsesInStreamErrors),
  ...prefixed('responsesToolCalls', responsesToolCalls),
  ...prefixed('responsesLeniency', responsesLeniency),
};
