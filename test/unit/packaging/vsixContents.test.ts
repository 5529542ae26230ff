/**
 * What `vsce package` would put in the .vsix (it reads .vscodeignore): the bundles the extension
 * loads, its media, README, CHANGELOG and LICENSE — no sources, tests, source maps or node_modules.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

function packagedFiles(): string[] {
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  return execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

describe('the .vsix contents', function () {
  this.timeout(30000);
  let files: string[];
  before(() => {
    files = packagedFiles();
  });

  it('holds the bundles, media, README, CHANGELOG and LICENSE', () => {
    for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/icon.png', 'media/activity.svg', 'dist/extension.js', 'dist/main.js', 'dist/undici.js', 'dist/re2js.js', 'dist/webview/chat.js', 'dist/webview/chat-style.css', 'dist/webview/report.js']) {
      assert.ok(files.includes(required), `${required} is not packaged`);
    }
  });

  it('holds no sources, tests, source maps, node_modules or screenshots', () => {
    const unwanted = files.filter((f) => /^(src|test|bench|out|node_modules|\.ci)\/|\.map$|\.ts$|^media\/screenshots\//.test(f));
    assert.deepEqual(unwanted, []);
  });
});
