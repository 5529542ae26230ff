/**
 * What the integration runner and the benchmark both need to drive a real VS Code: a free loopback
 * port, a code-server process with throw-away user data and extensions, a wait for it to answer,
 * and Debian's headless Chromium started with the flags this offline machine needs.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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

export const CODE_SERVER_ENV = { EXTENSIONS_GALLERY: '{"serviceUrl":""}' };

export function startCodeServer(options: { entry: string; port: number; tmp: string; workspace: string; env?: NodeJS.ProcessEnv; stdio: StdioOptions }): ChildProcess {
  return spawn(
    process.execPath,
    [options.entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${options.port}`, ...throwAwayDirs(options.tmp),
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--ignore-last-opened', options.workspace],
    { stdio: options.stdio, env: { ...process.env, ...options.env, ...CODE_SERVER_ENV } },
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
