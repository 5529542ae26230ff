/**
 * Runs an extension-host mocha suite inside a real VS Code: code-server (installed from the npm
 * registry) serves the workbench on a free loopback port, Debian's headless Chromium opens it with
 * VS Code's development payload, and VS Code reports the suite's result through
 * `window.codeAutomationExit(code)`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { type Browser, type Page } from 'playwright-core';
import { servePageBridge } from './pageBridge';
import { freePort, installExtension, launchChromium, startCodeServer, waitForCodeServer } from '../../support/codeServerProcess';

export interface SuiteRun {
  codeServerDir: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  /** A `.vsix` installed into the throw-away extensions dir before the workbench opens. */
  installVsix?: string;
  /** Workspace folder to open; a fresh temp folder when absent. */
  workspace?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

// The last group is VS Code 1.139's chat and agent-host chatter (no GitHub sign-in here).
const NOISE =
  /^(Failed to load resource|An iframe which has|The web worker extension host|Found unexpected service worker|Overwriting extension|Ignoring fetching additional|Resolv|Creating a socket|Updating additional|\[Service Worker\]|ChatSessionStore|\[AgentHost|\[ChatModelSelection\]|\[AccountPolicyGate\]|\[RemoteAgentHostProtocol\]|\[reconnection-grace-time\]|Creation of workbench contribution)/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the exit code VS Code reported (0 passed, 1 failed, 2 time-out or start failure). */
export async function runSuiteInCodeServer(run: SuiteRun): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grok-vscode-test-'));
  const workspace = run.workspace ?? path.join(tmp, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });

  if (run.installVsix) {
    const install = installExtension({ codeServerDir: run.codeServerDir, tmp, vsix: run.installVsix, env: run.env });
    if (install.status !== 0) {
      console.error(install.stdout, install.stderr);
      return 2;
    }
  }

  let page: Page | undefined;
  const bridge = await servePageBridge(() => page, path.resolve(__dirname, '../../../..'));
  const port = await freePort();
  const env = { ...run.env, GROK_TEST_PAGE_URL: bridge.url };
  const server = startCodeServer({ codeServerDir: run.codeServerDir, port, tmp, workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverLog = '';
  server.stdout?.on('data', (d) => (serverLog += d));
  server.stderr?.on('data', (d) => (serverLog += d));

  let browser: Browser | undefined;
  let settle!: (code: number) => void;
  const result = new Promise<number>((resolve) => (settle = resolve));
  const timer = setTimeout(() => { console.error(`TIMEOUT: the suite did not finish in ${run.timeoutMs ?? 300000} ms`); settle(2); }, run.timeoutMs ?? 300000);

  try {
    if (!(await waitForCodeServer(port, Date.now() + 30_000))) { console.error('code-server did not start'); settle(2); }
    else {
      const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
      const payload = [['extensionDevelopmentPath', remote(run.extensionDevelopmentPath)], ['extensionTestsPath', remote(run.extensionTestsPath)]];
      const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // The extension host's console is forwarded to the page console: that is where mocha prints.
      page.on('console', async (message) => {
        let values: unknown[];
        try { values = await Promise.all(message.args().map((a) => a.jsonValue())); } catch { values = [message.text()]; }
        if (typeof values[0] === 'string' && values[0].startsWith('%c')) values = values.slice(2);
        const line = values.length ? format(...values) : message.text();
        if (process.env.VERBOSE || !NOISE.test(line)) console.log(line);
      });
      page.on('pageerror', (e) => console.error('[pageerror]', e.message));
      await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
      await page.goto(url);
    }
    const code = await result;
    await sleep(300); // let the last forwarded console lines print
    if (code !== 0) console.error('--- code-server log ---\n' + serverLog);
    return code;
  } finally {
    clearTimeout(timer);
    bridge.close();
    await browser?.close().catch(() => undefined);
    server.kill('SIGTERM');
    await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
