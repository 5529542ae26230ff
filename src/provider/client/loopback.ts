/**
 * Loopback hosts: the machine itself. Plain http is allowed to them (config.ts), and they never go
 * through a proxy (connectionPool.ts), as VS Code and Chromium bypass them implicitly: a local model
 * server's requests carry the key and the code, which a proxy must not see.
 */

/**
 * True for `localhost` (and `*.localhost`, RFC 6761), 127.0.0.0/8, `::1`, the IPv4-mapped
 * `::ffff:127.x.y.z` (as WHATWG URL writes it, `::ffff:7f00:1`), and the unspecified `0.0.0.0` / `::`,
 * which connect to this machine. `hostname` as `URL.hostname` gives it (IPv6 in brackets or not).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127(\.\d{1,3}){3}$/.test(host) || host === '0.0.0.0') return true;
  return host === '::1' || host === '::' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host) || /^::ffff:127(\.\d{1,3}){3}$/.test(host);
}

/** True when `url` (absolute) names a loopback host; false for anything unparsable. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
