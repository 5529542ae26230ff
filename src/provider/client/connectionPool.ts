/**
 * The one place connections come from: an undici Agent (a keep-alive pool per origin) or, when a
 * proxy is configured, a ProxyAgent. Loopback origins never go through the proxy, whichever source
 * named it (http.proxy, HTTP(S)_PROXY, a Node caller). Providers built by one registry share it, so
 * they reuse the same sockets. `replace` swaps the dispatchers at run time and closes the old ones
 * gracefully.
 */
import type { Dispatcher } from 'undici';
import { isLoopbackUrl } from './loopback';
import { undici } from './undiciRuntime';

/** An HTTP(S) proxy for every request (VS Code's `http.proxy` and `http.proxyStrictSSL`). */
export interface ProxySettings {
  url: string;
  /** False accepts any TLS certificate (corporate proxies that re-sign traffic). Default true. */
  strictSSL?: boolean;
  /** The `Proxy-Authorization` header value (VS Code's `http.proxyAuthorization`), e.g. `Basic dXNlcjpwYXNz`. */
  authorization?: string;
}

const KEEP_ALIVE_MS = 60_000;
const CONNECTIONS_PER_ORIGIN = 16;

function createDispatcher(proxy: ProxySettings | undefined): Dispatcher {
  const base = { keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: 10 * KEEP_ALIVE_MS, connections: CONNECTIONS_PER_ORIGIN };
  const { Agent, ProxyAgent } = undici();
  if (!proxy) return new Agent(base);
  const tls = { rejectUnauthorized: proxy.strictSSL !== false };
  return new ProxyAgent({ ...base, uri: proxy.url, requestTls: tls, proxyTls: tls, ...(proxy.authorization && { token: proxy.authorization }) });
}

export class ConnectionPool {
  /** Made on the first request, so building providers costs nothing until one is used. */
  private current: Dispatcher | undefined;
  /** Direct connections for loopback origins when a proxy is set. */
  private direct: Dispatcher | undefined;
  private closed = false;

  constructor(private proxy?: ProxySettings) {}

  /** The dispatcher for a request to `url`: direct for a loopback host, else through the proxy if one is set. */
  dispatcherFor(url: string): Dispatcher {
    if (this.proxy !== undefined && isLoopbackUrl(url)) {
      this.direct ??= createDispatcher(undefined);
      return this.direct;
    }
    this.current ??= createDispatcher(this.proxy);
    return this.current;
  }

  /** Starts over with fresh connections (new endpoint or proxy); requests in flight finish on the old ones. */
  replace(proxy: ProxySettings | undefined): void {
    if (this.closed) return;
    const old = [this.current, this.direct];
    this.proxy = proxy;
    this.current = undefined;
    this.direct = undefined;
    for (const dispatcher of old) void dispatcher?.close().catch(() => undefined);
  }

  /** Closes idle sockets at once and the rest as their requests end. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.current?.close(), this.direct?.close()]);
  }
}
