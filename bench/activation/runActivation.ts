/** Runs one activation child (fresh process, cold require cache) and returns its sample. */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { type ActivationSample, ActivationSampleSchema } from './protocol';

const CHILD_TIMEOUT_MS = 30_000;

export function runActivationChild(modulePath: string, extensionDir: string, storageDir: string): Promise<ActivationSample> {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, 'activationChild.js'), [modulePath, extensionDir, storageDir], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let sample: ActivationSample | undefined;
    const timer = setTimeout(() => child.kill(), CHILD_TIMEOUT_MS);
    child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('message', (message: unknown) => {
      const parsed = ActivationSampleSchema.safeParse(message);
      sample = parsed.success ? parsed.data : { ok: false, error: `unexpected message: ${JSON.stringify(message)}` };
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(sample ?? { ok: false, error: `the child exited (${signal ?? code}) without a sample. ${stderr.slice(-500)}` });
    });
  });
}
