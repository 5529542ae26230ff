import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSettings } from '../../../src/platform/settingsSchema';

/** The repository root, from out/test/unit/platform (compiled) or test/unit/platform. */
function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

function textFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? textFiles(full) : /\.(ts|json|md|html|css)$/.test(entry.name) ? [full] : [];
  });
}

describe('the removed Roo Code Cloud profile', () => {
  it('leaves no trace of the dead host in the product, its settings or its walkthrough', () => {
    const root = repoRoot();
    const files = [...textFiles(path.join(root, 'src')), ...textFiles(path.join(root, 'media')), path.join(root, 'package.json'), path.join(root, 'package.nls.json')];
    const offenders = files.filter((file) => /roocode\.com/i.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
    const profile = Object.assign({}, ...[JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).contributes.configuration].flat().map((section: { properties: object }) => section.properties))['grokCodeFast.endpoint.profile'];
    assert.deepEqual(profile.enum, ['xai', 'custom']);
  });

  it('has no endpoint while a setting still names it, whatever URL is set', () => {
    const urls = ['', 'https://api.x.ai/v1', 'https://example.com/v1'];
    for (const url of urls) {
      assert.equal(parseSettings({ values: { 'endpoint.profile': 'rooCodeCloud', 'endpoint.url': url } }).settings.endpoint.baseUrl, null, url);
    }
  });
});
