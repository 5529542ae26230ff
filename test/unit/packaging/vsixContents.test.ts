/**
 * What `vsce package` would put in the .vsix (it reads .vscodeignore): the bundles the extension
 * loads, its media, README, CHANGELOG and LICENSE — no sources, tests, source maps or node_modules.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
    for (const required of ['package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/icon.png', 'media/activity.svg', 'dist/extension.js', 'dist/main.js', 'dist/undici.js', 'dist/re2js.js', 'dist/webview/chat.js', 'dist/webview/chat-style.css', 'dist/webview/report.js']) {
      assert.ok(files.includes(required), `${required} is not packaged`);
    }
  });

  it('holds no sources, tests, source maps or node_modules', () => {
    const unwanted = files.filter((f) => /^(src|test|bench|out|node_modules|\.ci)\/|\.map$|\.ts$/.test(f));
    assert.deepEqual(unwanted, []);
  });

  it("holds every image the README shows by a relative path (the packaged README names them; vsix.mjs)", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const relative = readmeImages(readme).filter((src) => !/^https:\/\//.test(src));
    assert.ok(relative.length > 0, 'the README shows no packaged image; this test would check nothing');
    assert.deepEqual(relative.filter((src) => !files.includes(path.posix.normalize(src))), []);
  });
});

describe('readmeImages', () => {
  it('finds Markdown images and HTML <img> sources, titles dropped', () => {
    const text = '![a](media/a.png)\n![b](./media/b.png "title")\n<img alt="c" src="media/c.svg">\n[link](x.md) ![d](https://x.org/d.png)';
    assert.deepEqual(readmeImages(text), ['media/a.png', './media/b.png', 'media/c.svg', 'https://x.org/d.png']);
  });
});

/** Image sources in Markdown: `![alt](src "title")` and `<img src="src">`, in document order. */
function readmeImages(markdown: string): string[] {
  const found: { at: number; src: string }[] = [];
  for (const m of markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push({ at: m.index, src: m[1] });
  for (const m of markdown.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)) found.push({ at: m.index, src: m[1] });
  return found.sort((a, b) => a.at - b.at).map((f) => f.src);
}
