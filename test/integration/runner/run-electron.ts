/**
 * `npm run test:electron`: the same integration suite in the desktop VS Code that @vscode/test-electron
 * downloads (for machines with internet access; this project's CI uses code-server instead).
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../../../..');

runTests({
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out/test/integration'),
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
