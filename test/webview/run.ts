/**
 * `npm run test:webview`: runs the browser tests (out/test/webview/**\/*.test.js) with mocha and
 * prints `N passed, N failed`; exits non-zero on a failure or when no test ran.
 */
import Mocha from 'mocha';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

function listTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTests(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

const mocha = new Mocha({ timeout: 30_000, reporter: resolve(__dirname, '../support/summaryReporter.js') });
for (const file of listTests(__dirname).sort()) mocha.addFile(file);
mocha.run((failures) => {
  process.exit(failures > 0 ? 1 : (process.exitCode ?? 0));
});
