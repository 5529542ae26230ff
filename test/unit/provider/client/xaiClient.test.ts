import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { ConnectionPool, type ProxySettings } from '../../../../src/provider/client/connectionPool';
import { RetryableFailure } from '../../../../src/provider/client/retry';
import { chatChunkSchema, modelListSchema, type ChatChunk, type ChatRequestBody } from '../../../../src/provider/client/wire';
import { XaiClient, type XaiClientSettings } from '../../../../src/provider/client/xaiClient';
import { AbortError, ApiError, AuthenticationError, NetworkError, ProxyAuthenticationError, TimeoutError } from '../../../../src/provider/errors';
import { type FakeXai, scenarios, startFakeXai, TEST_API_KEY } from '../../../fake-xai';
import { drain, waitUntil } from '../harness';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from './selfSignedCert';

/** A host name that is not loopback (so the proxy is used); the test proxy tunnels it to 127.0.0.1. */
const PROXIED_HOST = 'xai.proxied.test';

/**
 * A minimal HTTP proxy that tunnels CONNECT requests to 127.0.0.1 (whatever host they name, so no
 * test leaves the machine) and records their targets; given
 * `requireAuthorization`, it answers 407 to a CONNECT without that Proxy-Authorization value.
 */
async function startConnectProxy(requireAuthorization?: string): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = [];
  const proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    if (requireAuthorization !== undefined && req.headers['proxy-authorization'] !== requireAuthorization) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tunnels.push(req.url ?? '');
    const port = (req.url ?? '').split(':').pop();
    const upstream = net.connect(Number(port), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<net.Socket>();
  proxy.on('connection', (socket: net.Socket) => sockets.add(socket));
  return {
    url: `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`,
    tunnels,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => proxy.close(() => resolve()));
    },
  };
}

const body: ChatRequestBody = {
  model: 'grok-code-fast-1',
  messages: [{ role: 'user', content: 'hi' }],
  stream: true,
  stream_options: { include_usage: true },
};

/** The chunks of every batch, in order; an empty batch is a defect (it would count as output). */
async function drainChunks(batches: AsyncIterable<ChatChunk[]>): Promise<{ items: ChatChunk[]; error?: unknown }> {
  const { items, error } = await drain(batches);
  assert.ok(items.every((batch) => batch.length > 0), 'an empty batch');
  return { items: items.flat(), error };
}

function contentOf(chunks: ChatChunk[]): string {
  return chunks.map((chunk) => chunk.choices?.[0]?.delta?.content ?? '').join('');
}

describe('XaiClient against the fake xAI server', function () {
  this.timeout(10_000);
  let fake: FakeXai;
  let pool: ConnectionPool;
  let client: XaiClient;

  function makeClient(settings: Partial<XaiClientSettings> = {}, proxy?: ProxySettings): XaiClient {
    void pool?.close();
    pool = new ConnectionPool(proxy);
    return new XaiClient(pool, {
      endpoint: fake.url,
      apiKey: TEST_API_KEY,
      headersTimeoutMs: 5_000,
      idleTimeoutMs: 5_000,
      userAgent: 'test',
      ...settings,
    });
  }

  beforeEach(async () => {
    fake = await startFakeXai();
    client = makeClient();
  });

  afterEach(async () => {
    await pool.close();
    await fake.close();
  });

  it('streams chunks split at every byte, inside multi-byte characters, with CRLF, comments and no space', async () => {
    const content = ['héllo ', 'wörld ', '😀🚀 ', '日本語'];
    fake.enqueue({ kind: 'answer', content, split: 'byte', lineEnding: '\r\n', comments: true, noSpaceAfterData: true, emptyDeltas: 20 });
    const { items, error } = await drainChunks(client.streamChat(body));
    assert.equal(error, undefined);
    assert.equal(contentOf(items), content.join(''));
    assert.equal(items.filter((chunk) => chunk.usage).length, 1);
  });

  it('sends the bearer key, JSON and the conversation header', async () => {
    await drainChunks(client.streamChat(body, { conversationId: 'conv-1' }));
    const [request] = fake.requests;
    assert.equal(request.headers.authorization, `Bearer ${TEST_API_KEY}`);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['x-grok-conv-id'], 'conv-1');
    assert.deepEqual(request.body, body);
  });

  it('accepts a whole JSON answer from a server that ignored stream: true', async () => {
    fake.enqueue({
      kind: 'json',
      body: {
        object: 'chat.completion',
        model: 'grok-code-fast-1',
        choices: [{ index: 0, message: { role: 'assistant', content: 'whole' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
    });
    const { items } = await drainChunks(client.streamChat(body));
    assert.equal(contentOf(items), 'whole');
    assert.equal(items.at(-1)?.usage?.total_tokens, 2);
  });

  it("marks xAI's HTTP 200 with a JSON error body as retryable", async () => {
    fake.enqueue(scenarios.errorIn200());
    const { error } = await drainChunks(client.streamChat(body));
    assert.ok(error instanceof RetryableFailure);
    assert.match(error.error.message, /Timed out waiting for first token/);
  });

  it('marks an error object inside the event stream as retryable', async () => {
    fake.enqueue({
      kind: 'handler',
      handle: (_request, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('data: {"error":{"message":"upstream overloaded"}}\n\n');
      },
    });
    const { error } = await drainChunks(client.streamChat(body));
    assert.ok(error instanceof RetryableFailure);
    assert.match(error.error.message, /upstream overloaded/);
  });

  it('yields what arrived before a cut connection, then throws a NetworkError the retry logic may repeat only if nothing reached the caller', async () => {
    fake.enqueue({ kind: 'answer', content: ['one ', 'two ', 'three'], cutAfterEvents: 2 });
    const { items, error } = await drainChunks(client.streamChat(body));
    assert.equal(contentOf(items), 'one two ');
    assert.ok(error instanceof RetryableFailure && error.error instanceof NetworkError, String(error));
  });

  it('throws NetworkError for a stream that ends cleanly but unfinished', async () => {
    fake.enqueue({ kind: 'answer', content: ['half'], finishReason: null, usage: false, done: false });
    const { items, error } = await drainChunks(client.streamChat(body));
    assert.equal(contentOf(items), 'half');
    assert.ok(error instanceof NetworkError);
  });

  it('throws ApiError for malformed JSON in an event', async () => {
    fake.enqueue({ kind: 'answer', content: ['a', 'b'], malformedAfterEvents: 1 });
    const { items, error } = await drainChunks(client.streamChat(body));
    assert.equal(contentOf(items), 'a');
    assert.ok(error instanceof ApiError);
    assert.match(error.message, /malformed JSON/);
  });

  it('ends a stream that stalls mid-way with TimeoutError after the idle timeout', async () => {
    client = makeClient({ idleTimeoutMs: 150 });
    fake.enqueue({ kind: 'answer', content: ['a', 'b', 'c'], stallAfterEvents: 2 });
    const { items, error } = await drainChunks(client.streamChat(body));
    // The stall never ends, so only the idle timeout can end this stream.
    assert.ok(error instanceof TimeoutError, String(error));
    assert.equal(contentOf(items), 'ab');
  });

  it('ends with TimeoutError when the headers do not come in time', async () => {
    client = makeClient({ headersTimeoutMs: 150 });
    fake.enqueue({ kind: 'answer', content: ['late'], headersDelayMs: 3000 });
    const { error } = await drainChunks(client.streamChat(body));
    // Had the client waited for the late headers, the answer would have come through instead.
    assert.ok(error instanceof TimeoutError, String(error));
  });

  it('closes the socket at once when the signal aborts mid-stream', async () => {
    fake.enqueue({ kind: 'answer', content: Array.from({ length: 200 }, (_, i) => `w${i} `), dripMs: 20 });
    const controller = new AbortController();
    const chunks: ChatChunk[] = [];
    let error: unknown;
    try {
      for await (const batch of client.streamChat(body, { signal: controller.signal })) {
        chunks.push(...batch);
        if (chunks.length >= 3) controller.abort();
      }
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof AbortError, String(error));
    await waitUntil(() => fake.openConnections === 0, 1000);
  });

  it('closes the socket when the consumer stops reading', async () => {
    fake.enqueue({ kind: 'answer', content: Array.from({ length: 200 }, (_, i) => `w${i} `), dripMs: 20 });
    for await (const batch of client.streamChat(body)) {
      if (batch.some((chunk) => chunk.choices?.[0]?.delta?.content)) break;
    }
    await waitUntil(() => fake.openConnections === 0, 1000);
  });

  it('reuses kept-alive connections: 100 sequential requests open at most 2 sockets', async () => {
    fake.setDefault(scenarios.text('ok'));
    for (let i = 0; i < 100; i++) {
      const { error } = await drainChunks(client.streamChat(body));
      assert.equal(error, undefined);
    }
    assert.equal(fake.requests.length, 100);
    assert.ok(fake.connections <= 2, `${fake.connections} sockets opened`);
  });

  it('goes through an HTTP proxy when one is configured, except to a loopback endpoint', async () => {
    const proxy = await startConnectProxy();
    try {
      client = makeClient({ endpoint: `http://${PROXIED_HOST}:${fake.port}/v1` }, { url: proxy.url });
      const { items, error } = await drainChunks(client.streamChat(body));
      assert.equal(error, undefined);
      assert.equal(contentOf(items), 'Hello from the fake Grok.');
      assert.deepEqual(proxy.tunnels, [`${PROXIED_HOST}:${fake.port}`]);
      client = makeClient({}, { url: proxy.url });
      assert.equal(contentOf((await drainChunks(client.streamChat(body))).items), 'Hello from the fake Grok.');
      assert.equal(proxy.tunnels.length, 1, 'the loopback endpoint went direct');
    } finally {
      await pool.close();
      await proxy.close();
    }
  });

  it('reports a 407 from the proxy as ProxyAuthenticationError, and sends http.proxyAuthorization (kind 7)', async () => {
    const proxy = await startConnectProxy('Basic dXNlcjpwYXNz');
    const endpoint = `http://${PROXIED_HOST}:${fake.port}/v1`;
    try {
      client = makeClient({ endpoint }, { url: proxy.url });
      const refused = await drainChunks(client.streamChat(body));
      assert.ok(refused.error instanceof ProxyAuthenticationError, String(refused.error));
      assert.match(refused.error.message, /proxy asked for authentication.*http\.proxyAuthorization/i);
      client = makeClient({ endpoint }, { url: proxy.url, authorization: 'Basic dXNlcjpwYXNz' });
      const { items, error } = await drainChunks(client.streamChat(body));
      assert.equal(error, undefined);
      assert.equal(contentOf(items), 'Hello from the fake Grok.');
    } finally {
      await pool.close();
      await proxy.close();
    }
  });

  it('accepts a self-signed certificate behind the proxy only when strictSSL is false', async () => {
    const proxy = await startConnectProxy();
    const tls = https.createServer({ cert: SELF_SIGNED_CERT, key: SELF_SIGNED_KEY }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[{"id":"grok-code-fast-1"}]}');
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const endpoint = `https://${PROXIED_HOST}:${(tls.address() as net.AddressInfo).port}/v1`;
    try {
      client = makeClient({ endpoint }, { url: proxy.url, strictSSL: true });
      await assert.rejects(client.getJson('/models', modelListSchema), (error: unknown) => error instanceof NetworkError && /self.signed/i.test(error.message));
      client = makeClient({ endpoint }, { url: proxy.url, strictSSL: false });
      assert.equal((await client.getJson('/models', modelListSchema)).data[0].id, 'grok-code-fast-1');
      assert.equal(proxy.tunnels.length, 2);
    } finally {
      await pool.close();
      await proxy.close();
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('fails without an API key before any socket opens', async () => {
    client = makeClient({ apiKey: '' });
    const { error } = await drainChunks(client.streamChat(body));
    assert.ok(error instanceof AuthenticationError);
    assert.match(error.message, /No API key set/);
    assert.equal(fake.connections, 0);
  });

  it('reports a refused connection as NetworkError', async () => {
    const closed = await startFakeXai();
    const url = closed.url;
    await closed.close();
    client = makeClient({ endpoint: url });
    const { error } = await drainChunks(client.streamChat(body));
    assert.ok(error instanceof NetworkError, String(error));
  });

  it('GETs JSON through a schema and maps error statuses', async () => {
    const list = await client.getJson('/models', modelListSchema);
    assert.deepEqual(
      list.data.map((model) => model.id),
      ['grok-code-fast-1', 'grok-4'],
    );
    await assert.rejects(client.getJson('/models', chatChunkSchema.extend({ choices: chatChunkSchema.shape.choices.unwrap().unwrap() })), ApiError);
    fake.enqueue({ kind: 'error', status: 503, path: '/v1/models' });
    await assert.rejects(client.getJson('/models', modelListSchema), (error: unknown) => error instanceof ApiError && error.status === 503);
  });
});
