/**
 * The Settings editor's contents list shows one entry per `contributes.configuration` section, cut to
 * the list's width: titles that all began with "Grok Code Fast: " read as six identical "Grok Code
 * Fas…" (issue 24). The sections already sit under the extension's name, so each title says only
 * what the section holds.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { title: string }[] } };
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

function localised(text: string): string {
  const key = /^%(.+)%$/.exec(text)?.[1];
  return key === undefined ? text : nls[key];
}

describe('the Settings contents list', () => {
  const titles = manifest.contributes.configuration.map((section) => localised(section.title));

  it('gives every section a short title of its own, without the extension name', () => {
    assert.equal(titles.length, 6);
    assert.equal(new Set(titles).size, titles.length, `repeated titles: ${titles.join(', ')}`);
    for (const title of titles) {
      assert.ok(title.length <= 20, `"${title}" is cut in the contents list`);
      assert.doesNotMatch(title, /Grok/, `"${title}" repeats the extension name`);
    }
  });

  it('tells no story of the retired Roo Code Cloud in any setting', () => {
    const stories = Object.entries(nls).filter(([key, text]) => key.startsWith('configuration.') && /roo\s?code/i.test(text));
    assert.deepEqual(stories, []);
  });
});
