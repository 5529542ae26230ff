/**
 * The proxy the environment names for an endpoint, as VS Code itself uses when its `http.proxy`
 * setting is empty (and as curl does): `HTTPS_PROXY` for https:// endpoints (falling back to
 * `HTTP_PROXY`), `HTTP_PROXY` for http://, either in lower or upper case, unless `NO_PROXY` lists
 * the host (`*`, an exact host, or a domain suffix with or without the leading dot, optionally with
 * a port; IPv6 addresses bare or in brackets).
 */
export type Environment = Readonly<Record<string, string | undefined>>;

function variable(env: Environment, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value?.trim() || undefined;
}

/**
 * A NO_PROXY entry's host and port: `host:port`, `[v6]:port`, or a bare IPv6 address (`::1`), whose
 * colons are not a port.
 */
function entryParts(entry: string): { pattern: string; port?: string } {
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { pattern: bracketed[1], port: bracketed[2] };
  if (entry.indexOf(':') !== entry.lastIndexOf(':')) return { pattern: entry };
  const match = /^(.*?)(?::(\d+))?$/.exec(entry);
  return { pattern: match?.[1] ?? entry, port: match?.[2] };
}

function bypassed(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const { pattern, port: entryPort } = entryParts(entry.toLowerCase().replace(/^\*?\./, '.'));
      if (entryPort && entryPort !== port) return false;
      const domain = pattern.replace(/^\./, '');
      return host === domain || host.endsWith(`.${domain}`);
    });
}

/** The proxy URL for `endpoint`, or undefined for none (no variable set, or NO_PROXY matches). */
export function proxyFromEnvironment(endpoint: string, env: Environment): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  const proxy = url.protocol === 'https:' ? (variable(env, 'https_proxy') ?? variable(env, 'http_proxy')) : variable(env, 'http_proxy');
  if (!proxy || bypassed(url, variable(env, 'no_proxy'))) return undefined;
  // A bare host:port is how many people write it; undici needs a scheme.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}
