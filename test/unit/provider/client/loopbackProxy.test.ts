/** Loopback never goes through a proxy: real sockets on 127.0.0.1, a recording proxy, a target server. */
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { ConnectionPool } from '../../../../src/provider/client/connectionPool';
import { isLoopbackHost } from '../../../../src/provider/client/loopback';
import { undici } from '../../../../src/provider/client/undiciRuntime';

function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

describe('loopback bypasses the proxy', () => {
  let proxySeen: string[];
  let targetSeen: string[];
  let proxy: { server: http.Server; port: number };
  let target: { server: http.Server; port: number };

  beforeEach(async () => {
    proxySeen = [];
    targetSeen = [];
    // undici tunnels through CONNECT; this proxy answers inside the tunnel itself (nothing leaves the machine).
    proxy = await listen((_req, res) => res.writeHead(405).end());
    proxy.server.on('connect', (req: http.IncomingMessage, socket: Socket) => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      socket.once('data', (request: Buffer) => {
        const authorization = /authorization: ([^\r]*)/i.exec(request.toString())?.[1] ?? '';
        proxySeen.push(`${req.url} ${authorization}`);
        socket.end('HTTP/1.1 200 OK\r\ncontent-length: 10\r\nconnection: close\r\n\r\nfrom proxy');
      });
    });
    target = await listen((req, res) => {
      targetSeen.push(`${req.url} ${req.headers.authorization ?? ''}`);
      res.end('from target');
    });
  });
  afterEach(() => {
    proxy.server.close();
    target.server.close();
  });

  async function get(pool: ConnectionPool, url: string): Promise<string> {
    const response = await undici().request(url, { headers: { authorization: 'Bearer xai-secret' }, dispatcher: pool.dispatcherFor(url) });
    return response.body.text();
  }

  it('sends a loopback endpoint directly, the Authorization header never reaching the proxy', async () => {
    const pool = new ConnectionPool({ url: `http://127.0.0.1:${proxy.port}` });
    // Only names that reach the target bound to 127.0.0.1; the rest of 127.0.0.0/8 is checked by name below.
    for (const host of ['127.0.0.1', 'localhost']) {
      assert.equal(await get(pool, `http://${host}:${target.port}/v1/models`), 'from target', host);
    }
    assert.deepEqual(proxySeen, []);
    assert.equal(targetSeen.length, 2);
    assert.match(targetSeen[0]!, /Bearer xai-secret/);
    await pool.close();
  });

  it('still sends any other host through the proxy (the proxy can fail closed for it)', async () => {
    const pool = new ConnectionPool({ url: `http://127.0.0.1:${proxy.port}` });
    assert.equal(await get(pool, 'http://api.example.invalid/v1/models'), 'from proxy');
    assert.deepEqual(proxySeen, ['api.example.invalid:80 Bearer xai-secret']);
    // After a proxy change the direct route stays direct.
    pool.replace({ url: `http://127.0.0.1:${proxy.port}` });
    assert.equal(await get(pool, `http://localhost:${target.port}/v1`), 'from target');
    assert.equal(proxySeen.length, 1);
    await pool.close();
  });

  it('knows every loopback spelling, and no look-alike', () => {
    for (const host of ['localhost', 'LOCALHOST', 'app.localhost', 'localhost.', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '0.0.0.0', '[::]', '[::ffff:7f00:1]', new URL('http://[::ffff:127.0.0.1]/').hostname]) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of ['localhost.evil.com', '127.0.0.1.nip.io', '128.0.0.1', '[::2]', '10.0.0.1', 'api.x.ai', '[::ffff:a00:1]', 'mylocalhost']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});
