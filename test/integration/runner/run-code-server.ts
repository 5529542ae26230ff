/**
 * `npm run test:integration`: installs code-server once (cached under ~/.cache/code-server-<version>;
 * one version for every suite, CODE_SERVER_VERSION in test/support/codeServerProcess.ts), then runs
 *   1. the extension suite against the development build (out/test/integration), and
 *   2. the installed-package suite against the `.vsix` that `npm run package` built.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_NODE_VERSION, CODE_SERVER_VERSION, codeServerDir as cachedCodeServerDir } from '../../support/codeServerProcess';
import { runSuiteInCodeServer } from './codeServer';

const root = path.resolve(__dirname, '../../../..');
const codeServerDir = cachedCodeServerDir();

function findVsix(): string {
  const { name, version: extVersion } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `${name}-${extVersion}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
  return vsix;
}

/** An empty extension to host the installed-package suite (VS Code's test mode wants a development extension). */
function probeExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grok-vsix-probe-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'vsix-probe', publisher: 'test', version: '0.0.0', engines: { vscode: '^1.104.0' } }));
  return dir;
}

async function main(): Promise<void> {
  const started = Date.now();
  const install = path.join(root, 'test/integration/runner/install-code-server.sh');
  // No stdin: CI runs this unattended, and nothing in the install may wait for an answer.
  execFileSync('bash', [install, codeServerDir, CODE_SERVER_VERSION, CODE_SERVER_NODE_VERSION], { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`code-server ${CODE_SERVER_VERSION} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  console.log('\n# Integration suite (development extension)');
  const devCode = await runSuiteInCodeServer({ codeServerDir, extensionDevelopmentPath: root, extensionTestsPath: path.join(root, 'out/test/integration') });

  console.log('\n# Installed .vsix suite');
  const vsixCode = await runSuiteInCodeServer({ codeServerDir, extensionDevelopmentPath: probeExtension(), extensionTestsPath: path.join(root, 'out/test/integration/vsix'), installVsix: findVsix() });

  process.exit(devCode !== 0 ? devCode : vsixCode);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
