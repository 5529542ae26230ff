/**
 * Child-process entry: `node activationChild.js <module> <extensionDir> <storageDir>` loads the
 * module with a cold require cache and a stub `vscode`, calls `activate(context)` if it has one,
 * and reports how long loading and activating took (the returned promise awaited), and how long the
 * start the extension schedules right after activation took.
 */
import Module from 'node:module';
import { type ActivationSample } from './protocol';
import { createExtensionContext, createVscodeStub } from './vscodeStub';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

function installVscodeStub(): void {
  const stub = createVscodeStub();
  const loader = Module as unknown as { _load: Load };
  const original = loader._load;
  loader._load = function load(request, parent, isMain) {
    return request === 'vscode' ? stub : original.call(this, request, parent, isMain);
  };
}

async function measure(modulePath: string, extensionDir: string, storageDir: string): Promise<ActivationSample> {
  installVscodeStub();
  const context = createExtensionContext(extensionDir, storageDir);
  const started = performance.now();
  // A path known only at run time, loaded with require exactly as VS Code loads an extension.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(modulePath) as { activate?: (context: unknown) => unknown; whenStarted?: () => Promise<unknown> };
  const loadedAt = performance.now();
  await loaded.activate?.(context);
  const activatedAt = performance.now();
  // The set-up the extension schedules right after activation (dist/main.js), timed apart so the
  // deferred work is reported, not hidden.
  const startMs = loaded.whenStarted ? (await loaded.whenStarted(), performance.now() - activatedAt) : null;
  return { ok: true, loadMs: loadedAt - started, activateMs: activatedAt - loadedAt, totalMs: activatedAt - started, startMs };
}

if (require.main === module) {
  const [modulePath, extensionDir, storageDir] = process.argv.slice(2);
  measure(modulePath, extensionDir, storageDir)
    .catch((error: unknown): ActivationSample => ({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
    // Exit at once: an activated extension may hold timers (health checks) that would keep us alive.
    .then((sample) => process.send?.(sample, () => process.exit(0)));
}
