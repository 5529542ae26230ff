/**
 * The activation time a real VS Code reports, for the extension and for an extension that does
 * nothing, read in the same window. Starts code-server (the copy `npm run test:integration` installs
 * under ~/.cache) on 127.0.0.1 with the empty extension installed from a .vsix and this repository as
 * the development extension, opens the workbench in headless Chromium, runs "Developer: Show Running
 * Extensions" and reads both rows' "Activation: N ms" (VS Code's code-loading plus activate-call
 * time), SAMPLES times with a window reload between. Both activate on onStartupFinished in the same
 * extension host, so each sample pair shares the machine's state of that moment: the ratio is what
 * the extension adds over VS Code's own floor. Anything missing or slow returns a reason instead.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import * as z from 'zod';
import { chromiumPath, codeServerDir, codeServerEntry, freePort, installExtension, launchChromium, startCodeServer, waitForCodeServer } from '../../test/support/codeServerProcess';

const OVERALL_TIMEOUT_MS = 420_000;
/** How long one opening of the list is watched for both rows' times (they appear as activation ends). */
const WATCH_MS = 30_000;
const SAMPLES = 5;
/**
 * The list is virtualised: rows below the fold are not in the DOM. A tall window keeps both rows
 * rendered whatever else VS Code lists (the 120 s time-out of the single-row reader was this).
 */
const VIEWPORT = { width: 1400, height: 2400 };

export type VsCodeActivation = { ms: number[]; emptyMs: number[] } | { skipped: string };

const ManifestSchema = z.object({ publisher: z.string(), name: z.string() });
/** An installed extension's row shows its name, a development one's its id: both contain this. */
const EMPTY_ROW_TEXT = 'empty-baseline';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Both rows' activation times from one opening of "Show Running Extensions", or undefined. */
async function readActivationTimes(page: Page, ids: readonly string[]): Promise<number[] | undefined> {
  await page.keyboard.press('F1');
  await page.keyboard.type('Show Running Extensions');
  // Enter before the palette has listed the command closes it with nothing run: wait for the row.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor({ timeout: WATCH_MS }).catch(() => undefined);
  await page.keyboard.press('Enter');
  const until = Date.now() + WATCH_MS;
  while (Date.now() < until) {
    const times = await Promise.all(
      ids.map(async (id) => {
        const text = await page
          .locator('.runtime-extensions-editor .monaco-list-row', { hasText: id })
          .locator('.activation-time')
          .first()
          .textContent({ timeout: 1_000 })
          .catch(() => null);
        const match = /Activation:\s*(\d+)\s*ms/.exec(text ?? '');
        return match ? Number(match[1]) : undefined;
      }),
    );
    if (times.every((ms) => ms !== undefined)) return times as number[];
    await sleep(500);
  }
  return undefined;
}

/** A .vsix of an extension that does nothing (a 1-line activate on onStartupFinished, like ours). */
async function emptyExtensionVsix(dir: string): Promise<string> {
  const source = path.join(dir, 'empty-extension');
  fs.mkdirSync(source);
  fs.writeFileSync(
    path.join(source, 'package.json'),
    JSON.stringify({ name: 'empty-baseline', publisher: 'bench', version: '0.0.0', license: 'MIT', engines: { vscode: '^1.104.0' }, main: './extension.js', activationEvents: ['onStartupFinished'] }),
  );
  fs.writeFileSync(path.join(source, 'extension.js'), 'exports.activate = () => undefined;\n');
  fs.writeFileSync(path.join(source, 'README.md'), 'Benchmark baseline: an extension that does nothing.\n');
  const packagePath = path.join(dir, 'empty-baseline.vsix');
  // vsce ships no type declarations for its API; the one call used is typed here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vsce = require('@vscode/vsce') as { createVSIX(options: Record<string, unknown>): Promise<unknown> };
  await vsce.createVSIX({ cwd: source, packagePath, dependencies: false, allowMissingRepository: true, skipLicense: true });
  return packagePath;
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
  let server: ReturnType<typeof startCodeServer> | undefined;
  const browser = await launchChromium().catch(() => undefined);
  try {
    if (!browser) return { skipped: 'not measured: Chromium did not start' };
    const install = installExtension({ codeServerDir: installed, tmp, vsix: await emptyExtensionVsix(tmp) });
    if (install.status !== 0) return { skipped: `not measured: the empty extension did not install: ${(install.stderr || install.stdout).split('\n')[0]}` };
    const port = await freePort();
    server = startCodeServer({ codeServerDir: installed, port, tmp, workspace, stdio: 'ignore' });
    if (!(await waitForCodeServer(port, deadline))) return { skipped: 'not measured: code-server did not start' };
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]];
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(Math.max(1_000, deadline - Date.now()));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const result = { ms: [] as number[], emptyMs: [] as number[] };
    while (result.ms.length < SAMPLES && Date.now() < deadline) {
      await page.locator('.monaco-workbench .part.statusbar').waitFor();
      const times = await readActivationTimes(page, [extensionId, EMPTY_ROW_TEXT]);
      if (times) {
        result.ms.push(times[0]);
        result.emptyMs.push(times[1]);
      }
      // A reload starts a new extension host: the next sample is a fresh activation of both.
      await page.reload();
    }
    if (result.ms.length === 0) return { skipped: `not measured: no activation times for ${extensionId} and ${EMPTY_ROW_TEXT} within ${OVERALL_TIMEOUT_MS / 1000} s` };
    return result;
  } catch (error) {
    return { skipped: `not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) {
      const stopped = server;
      stopped.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => stopped.once('exit', resolve)), sleep(5_000)]);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
