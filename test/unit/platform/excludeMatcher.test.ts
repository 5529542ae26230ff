import * as assert from 'node:assert/strict';
import { createExcludeMatcher, DEFAULT_EXCLUDE_GLOBS } from '../../../src/platform/excludeMatcher';
import { parseSettings } from '../../../src/platform/settingsSchema';

describe('exclude matcher', () => {
  const isExcluded = createExcludeMatcher(DEFAULT_EXCLUDE_GLOBS);

  it('excludes the default secrets at any depth, dot files included', () => {
    for (const path of ['.env', '.env.local', 'app/.env.production', 'certs/server.pem', 'deploy/prod.key', 'home/.ssh/id_rsa.pub', 'my-secret-notes.md']) {
      assert.equal(isExcluded(path), true, path);
    }
    for (const path of ['src/app.ts', 'README.md', 'keys.ts', 'environment.ts']) assert.equal(isExcluded(path), false, path);
  });

  it('excludes everything under a matching folder', () => {
    assert.equal(isExcluded('config/secrets/prod.json'), true);
    assert.equal(isExcluded('secrets/nested/deeper/a.txt'), true);
    assert.equal(createExcludeMatcher(['build'])('build/out/a.js'), true);
    assert.equal(createExcludeMatcher(['build'])('src/build.ts'), false);
  });

  it('takes either separator and ignores leading and doubled slashes', () => {
    assert.equal(isExcluded('config\\secrets\\prod.json'), true);
    assert.equal(isExcluded('/app//.env'), true);
  });

  it('matches a given absolute path whole, never by a folder above the workspace', () => {
    const absoluteGlob = createExcludeMatcher(['/home/me/private/**']);
    assert.equal(absoluteGlob('notes.md', '/home/me/private/notes.md'), true);
    assert.equal(absoluteGlob('notes.md', '/home/me/public/notes.md'), false);
    assert.equal(isExcluded('app.ts', '/home/me/secret-project/app.ts'), false);
    assert.equal(isExcluded('app.ts', 'C:\\work\\.env'), true);
  });

  it('excludes nothing with no globs', () => {
    assert.equal(createExcludeMatcher([])('.env', '/w/.env'), false);
  });

  it('is the default of the grokCodeFast.exclude setting', () => {
    assert.deepEqual(parseSettings({ values: {} }).settings.exclude, DEFAULT_EXCLUDE_GLOBS);
  });
});
