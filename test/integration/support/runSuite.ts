/**
 * Runs every `*.test.js` in one folder with mocha inside the extension host and prints the closing
 * line CI reads (mocha's own "N passing" is not recognised). No test ran counts as a failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runSuite(dir: string): Promise<void> {
  // GROK_TEST_GREP runs only the matching tests (while working on one; CI sets nothing).
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, ...(process.env.GROK_TEST_GREP ? { grep: process.env.GROK_TEST_GREP } : {}) });
  for (const f of fs.readdirSync(dir).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(dir, f));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run();
    runner.once('end', () => {
      const passed = runner.stats?.passes ?? 0;
      const failed = runner.stats?.failures ?? 0;
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0) reject(new Error(`${failed} tests failed.`));
      else if (passed === 0) reject(new Error('No test ran.'));
      else resolve();
    });
  });
}
