/**
 * The .vsix that `npm run package` builds (vsix.mjs), opened: its README shows no picture that
 * would break. VS Code 1.139's extension page shows README pictures only from https addresses (see
 * vsix.mjs for where that is read), so a local build turns each picture into its caption and the
 * packaged file, and a Marketplace build (GROK_IMAGES_BASE_URL) points each at that https base.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as yauzl from 'yauzl';

const root = path.resolve(__dirname, '../../../..');
const SCREENSHOTS = ['chat.png', 'lightbulb.png', 'apply-merge.png', 'report.png'].map((name) => `media/screenshots/${name}`);

/** Every entry of the zip at `file`, by name. */
function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function pictures(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g)].map((m) => m[1]);
}

function build(out: string, env: NodeJS.ProcessEnv = {}): void {
  execFileSync(process.execPath, [path.join(root, 'vsix.mjs'), '--out', out], { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
}

describe('the built .vsix (npm run package)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'grok-vsix-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('local build: every README picture is its caption and the file the package ships, none a broken link', async () => {
    const out = path.join(dir, 'local.vsix');
    build(out, { GROK_IMAGES_BASE_URL: '' });
    const zip = await readZip(out);
    const readme = zip.get('extension/readme.md')?.toString('utf8');
    assert.ok(readme, 'the package has a README');
    assert.deepEqual(pictures(readme), [], 'a picture VS Code cannot show (it shows only https pictures)');
    for (const shot of SCREENSHOTS) {
      assert.ok(readme.includes(`\`${shot}\` in the extension's folder`), `${shot} is not named`);
      assert.ok(zip.has(`extension/${shot}`), `${shot} is not packaged`);
    }
    assert.ok(![...zip.keys()].some((name) => /^extension\/README\.md$/.test(name)), 'a second README beside the packaged one');
  });

  it('names no repository that does not exist, in the README or the manifest', async () => {
    const out = path.join(dir, 'local.vsix');
    const zip = await readZip(out);
    for (const name of ['extension/readme.md', 'extension.vsixmanifest', 'extension/package.json']) {
      assert.doesNotMatch(zip.get(name)?.toString('utf8') ?? '', /github\.com\/grok-code-fast/, name);
    }
  });

  it('Marketplace build: every README picture is the https base URL plus its path', async () => {
    const out = path.join(dir, 'marketplace.vsix');
    const base = 'https://images.example.org/grok-code-fast/0.1.0';
    build(out, { GROK_IMAGES_BASE_URL: base });
    const readme = (await readZip(out)).get('extension/readme.md')?.toString('utf8') ?? '';
    assert.deepEqual(pictures(readme), SCREENSHOTS.map((shot) => `${base}/${shot}`));
  });

  it('refuses a base URL VS Code would not show pictures from, saying why', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'vsix.mjs'), '--out', path.join(dir, 'bad.vsix')], {
      cwd: root,
      env: { ...process.env, GROK_IMAGES_BASE_URL: 'http://images.example.org' },
      encoding: 'utf8',
    });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /must be an https URL/);
  });
});
