/**
 * Best effort: the activation time a real VS Code reports for the extension. Starts code-server
 * (the copy `npm run test:integration` installs under ~/.cache) on 127.0.0.1 with this repository
 * as the development extension, opens the workbench in headless Chromium, runs "Developer: Show
 * Running Extensions" and reads the row's "Activation: N ms" (VS Code's code-loading plus
 * activate-call time), three times with a window reload between; the median counts. Anything
 * missing or slow returns a reason instead of a figure.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import * as z from 'zod';
import { chromiumPath, codeServerDir, codeServerEntry, freePort, launchChromium, startCodeServer, waitForCodeServer } from '../../test/support/codeServerProcess';
import { median } from '../stats';

const OVERALL_TIMEOUT_MS = 120_000;

const SAMPLES = 3;

export type VsCodeActivation = { ms: number; samples: number[] } | { skipped: string };

const ManifestSchema = z.object({ publisher: z.string(), name: z.string() });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens "Show Running Extensions" until the extension's row shows its activation time. */
async function readActivationTime(page: Page, extensionId: string, deadline: number): Promise<number | undefined> {
  await page.locator('.monaco-workbench .part.statusbar').waitFor();
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: extensionId });
  // The extension activates on onStartupFinished: reopen the list until its row shows a time.
  while (Date.now() < deadline) {
    await page.keyboard.press('F1');
    await page.keyboard.type('Show Running Extensions');
    await page.keyboard.press('Enter');
    const text = await row
      .locator('.activation-time')
      .textContent({ timeout: 5_000 })
      .catch(() => null);
    const match = /Activation:\s*(\d+)\s*ms/.exec(text ?? '');
    if (match) return Number(match[1]);
    await page.keyboard.press('Escape');
    await sleep(1_000);
  }
  return undefined;
}

export async function activationInCodeServer(root: string): Promise<VsCodeActivation> {
  const installed = codeServerDir();
  const entry = codeServerEntry(installed);
  if (!fs.existsSync(entry)) return { skipped: `not measured: code-server not installed (npm run test:integration installs it at ${entry})` };
  if (!fs.existsSync(chromiumPath())) return { skipped: `not measured: no Chromium at ${chromiumPath()} (set CHROMIUM)` };
  const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')));
  // The row names a development extension by its id (there is no marketplace display name).
  const extensionId = `${manifest.publisher}.${manifest.name}`;

  const deadline = Date.now() + OVERALL_TIMEOUT_MS;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grok-bench-code-server-'));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  const port = await freePort();
  const server = startCodeServer({ codeServerDir: installed, port, tmp, workspace, stdio: 'ignore' });
  const browser = await launchChromium().catch(() => undefined);
  try {
    if (!browser) return { skipped: 'not measured: Chromium did not start' };
    if (!(await waitForCodeServer(port, deadline))) return { skipped: 'not measured: code-server did not start' };
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]];
    const page = await browser.newPage();
    page.setDefaultTimeout(Math.max(1_000, deadline - Date.now()));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const samples: number[] = [];
    while (samples.length < SAMPLES) {
      const ms = await readActivationTime(page, extensionId, deadline);
      if (ms === undefined) break;
      samples.push(ms);
      // A reload starts a new extension host: the next sample is a fresh activation.
      if (samples.length < SAMPLES) await page.reload();
    }
    if (samples.length === 0) return { skipped: `not measured: no activation time for ${extensionId} within ${OVERALL_TIMEOUT_MS / 1000} s` };
    return { ms: median(samples), samples };
  } catch (error) {
    return { skipped: `not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  } finally {
    await browser?.close().catch(() => undefined);
    server.kill('SIGTERM');
    await Promise.race([new Promise((resolve) => server.once('exit', resolve)), sleep(5_000)]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The same measure for an extension that does nothing (a 1-line activate on onStartupFinished): the
 * floor VS Code itself puts under every extension's reported activation time, measured in the same run.
 */
export async function emptyExtensionActivationInCodeServer(): Promise<VsCodeActivation> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grok-bench-empty-extension-'));
  try {
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'empty-baseline', publisher: 'bench', version: '0.0.0', engines: { vscode: '^1.104.0' }, main: './extension.js', activationEvents: ['onStartupFinished'] }),
    );
    fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = () => undefined;\n');
    return await activationInCodeServer(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
