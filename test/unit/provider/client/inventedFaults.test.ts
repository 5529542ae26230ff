/**
 * Instances of issue 11's kinds that the issue did not show, invented by a review: each guards its
 * kind at the step where the kind is handled.
 */
import { strict as assert } from 'node:assert';
import { ChunkReader } from '../../../../src/provider/client/chunkReader';
import { htmlTitle, mapHttpError, mapTransportFailure, parseDurationMs, retryHintMs } from '../../../../src/provider/client/errorMapping';
import { RetryableFailure } from '../../../../src/provider/client/retry';
import { StreamAssembler } from '../../../../src/provider/client/streamAssembler';
import { type ChatChunk } from '../../../../src/provider/client/wire';
import { ApiError, GrokError, NetworkError } from '../../../../src/provider/errors';
import { lastResortFactsFor } from '../../../../src/provider/models';

const event = (payload: object) => `data: ${JSON.stringify(payload)}\n\n`;
const content = (text: string, finish: string | null = null) => ({ choices: [{ index: 0, delta: { content: text }, finish_reason: finish }] });

function read(text: string): { chunks: ChatChunk[]; error?: unknown } {
  const chunks: ChatChunk[] = [];
  try {
    new ChunkReader().push(Buffer.from(text, 'utf8'), chunks);
    return { chunks };
  } catch (error) {
    return { chunks, error };
  }
}

const errorOf = (thrown: unknown) => (thrown instanceof RetryableFailure ? thrown.error : thrown);

describe('issue 11, invented instances: an error in the stream, in another position', () => {
  it('an error object as the very first event, before any content, is an error (retryable: nothing reached the caller)', () => {
    const { chunks, error } = read(event({ error: { code: 503, message: 'Upstream overloaded' } }) + event(content('never')));
    assert.equal(chunks.length, 0);
    assert.ok(error instanceof RetryableFailure);
    assert.match((error.error as Error).message, /Upstream overloaded/);
  });

  it('an error after a finished answer and its usage, before [DONE], is still an error', () => {
    const { chunks, error } = read(
      event(content('done', 'stop')) + event({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 1 } }) + event({ error: 'quota accounting failed', code: 'internal' }) + 'data: [DONE]\n\n',
    );
    assert.equal(chunks.length, 2);
    assert.ok(errorOf(error) instanceof GrokError, String(error));
    assert.match((errorOf(error) as Error).message, /quota accounting failed/);
  });

  it('an error object inside the usage chunk is an error', () => {
    const { error } = read(event(content('half')) + event({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 1 }, error: { message: 'billing failed' } }));
    assert.match((errorOf(error) as Error).message, /billing failed/);
  });
});

describe('issue 11, invented instances: tool calls by index and id', () => {
  function assemble(chunks: ChatChunk[]) {
    const assembler = new StreamAssembler('grok-code-fast-1', () => lastResortFactsFor('grok-code-fast-1')?.pricing);
    for (const chunk of chunks) assembler.accept([chunk]);
    return assembler.finish().answer.toolCalls;
  }
  const calls = (tool_calls: NonNullable<NonNullable<ChatChunk['choices']>[number]['delta']>['tool_calls'], finish: string | null = null): ChatChunk => ({
    choices: [{ index: 0, delta: { tool_calls }, finish_reason: finish }],
  });

  it('fragments of two calls interleaved across two indexes, ids only on the first fragment of each', () => {
    const toolCalls = assemble([
      calls([{ index: 0, id: 'call_a', type: 'function', function: { name: 'read_file', arguments: '{"pa' } }]),
      calls([{ index: 1, id: 'call_b', type: 'function', function: { name: 'list_directory', arguments: '{"pa' } }]),
      calls([{ index: 0, function: { arguments: 'th":"a.ts"}' } }]),
      calls([{ index: 1, function: { arguments: 'th":"."}' } }], 'tool_calls'),
    ]);
    assert.deepEqual(toolCalls, [
      { id: 'call_a', name: 'read_file', arguments: '{"path":"a.ts"}' },
      { id: 'call_b', name: 'list_directory', arguments: '{"path":"."}' },
    ]);
  });

  it('fragments without an index follow the last id seen, even when that id returns after another', () => {
    const toolCalls = assemble([
      calls([{ id: 'call_a', function: { name: 'read_file', arguments: '{"path":' } }]),
      calls([{ id: 'call_b', function: { name: 'search_text', arguments: '{"query":' } }]),
      calls([{ id: 'call_a', function: { arguments: '"a.ts"' } }]),
      calls([{ function: { arguments: '}' } }]),
      calls([{ id: 'call_b', function: { arguments: '"x"}' } }], 'tool_calls'),
    ]);
    assert.deepEqual(toolCalls, [
      { id: 'call_a', name: 'read_file', arguments: '{"path":"a.ts"}' },
      { id: 'call_b', name: 'search_text', arguments: '{"query":"x"}' },
    ]);
  });
});

describe('issue 11, invented instances: rate-limit hints', () => {
  it('reads x-ratelimit-reset-requests: 1m30s and a millisecond reset', () => {
    assert.equal(parseDurationMs('1m30s'), 90_000);
    assert.equal(retryHintMs({ 'x-ratelimit-reset-requests': '1m30s' }), 90_000);
    assert.equal(retryHintMs({ 'x-ratelimit-reset-tokens': '750ms', 'x-ratelimit-reset-requests': '2s' }), 2000);
  });

  it('retry-after-ms wins over a Retry-After HTTP date', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    assert.equal(retryHintMs({ 'retry-after-ms': '1500', 'retry-after': 'Mon, 30 Nov 2026 12:01:00 GMT' }, now), 1500);
    assert.equal(retryHintMs({ 'retry-after': 'Mon, 30 Nov 2026 12:01:00 GMT' }, now), 60_000);
  });
});

describe('issue 11, invented instances: bodies that are web pages', () => {
  const page = '<!DOCTYPE html>\n<html>\n<head>\n<TITLE>\n  503 Service\n  Temporarily Unavailable\n</TITLE>\n</head><body><h1>nginx</h1></body></html>';

  it('an HTML 503 with a multi-line, upper-case <title>: the status and the title on one line, no markup', () => {
    assert.equal(htmlTitle(page), '503 Service Temporarily Unavailable');
    const mapped = mapHttpError(503, page, { 'content-type': 'text/html' });
    const error = mapped instanceof RetryableFailure ? mapped.error : mapped;
    assert.match(error.message, /503/);
    assert.match(error.message, /503 Service Temporarily Unavailable/);
    assert.doesNotMatch(error.message, /<|>|nginx/);
  });

  it('a title with numeric character references reads as text', () => {
    assert.equal(htmlTitle('<html><head><title>Error 502 &#8211; Bad gateway &#x2014; try again</title></head></html>'), 'Error 502 – Bad gateway — try again');
  });

  it('a page served as text/plain without a doctype is still not shown as markup', () => {
    const mapped = mapHttpError(502, '<html><head><title>Bad Gateway</title></head><body>cf-ray</body></html>', { 'content-type': 'text/plain' });
    const error = mapped instanceof RetryableFailure ? mapped.error : mapped;
    assert.ok(error instanceof ApiError || error instanceof GrokError);
    assert.doesNotMatch(error.message, /<|cf-ray/);
  });
});

describe('issue 11, invented instances: lenient where harmless, strict where it matters', () => {
  it('unknown fields at every level and nulls in usage details do not fail a stream', () => {
    const reader = new ChunkReader();
    const chunks: ChatChunk[] = [];
    reader.push(
      Buffer.from(
        event({ id: 'x', system_fingerprint: null, x_gateway: { region: 'eu' }, choices: [{ index: 0, logprobs: null, delta: { role: 'assistant', content: 'ok', refusal: null }, finish_reason: null }] }) +
          event({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4, prompt_tokens_details: null, completion_tokens_details: { reasoning_tokens: null } } }),
        'utf8',
      ),
      chunks,
    );
    assert.equal(chunks.length, 2);
    assert.equal(reader.complete, true);
  });

  it('a stream that stops after a content chunk with no finish reason is not complete', () => {
    const reader = new ChunkReader();
    reader.push(Buffer.from(event(content('half of it')), 'utf8'), []);
    reader.end([]);
    assert.equal(reader.complete, false);
  });
});

describe('issue 11, invented instances: transient failures before any byte', () => {
  const timeouts = { headersTimeoutMs: 100, idleTimeoutMs: 200 };

  it('a reset three causes deep (fetch failed → TypeError → SocketError → ECONNRESET) is retryable', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const socket = Object.assign(new Error('other side closed'), { cause: reset });
    const failure = mapTransportFailure(Object.assign(new TypeError('fetch failed'), { cause: socket }), undefined, timeouts);
    assert.ok(failure instanceof RetryableFailure && failure.error instanceof NetworkError);
  });

  it('a TLS socket closed before the handshake ended is retryable; a DNS failure is final', () => {
    const tls = Object.assign(new Error('Client network socket disconnected before secure TLS connection was established'), { code: 'ECONNRESET' });
    assert.ok(mapTransportFailure(tls, undefined, timeouts) instanceof RetryableFailure);
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND api.x.ai'), { code: 'ENOTFOUND' });
    assert.ok(mapTransportFailure(dns, undefined, timeouts) instanceof NetworkError);
  });
});
