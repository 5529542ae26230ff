/** Instances of issue 17's kinds that the issue did not show, invented by a review. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createExcludeMatcher, DEFAULT_EXCLUDE_GLOBS } from '../../../src/platform/excludeMatcher';

describe('issue 17, invented instances: exclusions', () => {
  const isExcluded = createExcludeMatcher(DEFAULT_EXCLUDE_GLOBS);

  it('SECRET.PEM and .Env.local, at the root and deeper, whatever the case', () => {
    for (const name of ['SECRET.PEM', '.Env.local', 'deploy/SECRET.PEM', 'apps/web/.Env.local', 'KEYS/Id_Rsa.PUB']) assert.equal(isExcluded(name), true, name);
  });

  it('Windows aliases of those names: a trailing dot or space, a named stream', () => {
    for (const name of ['SECRET.PEM.', 'SECRET.PEM ', '.Env.local::$DATA', 'config\\.Env.local:Zone.Identifier']) assert.equal(isExcluded(name), true, JSON.stringify(name));
  });

  describe('a symlinked folder that holds a .env (on disk)', () => {
    let base: string;
    let root: string;
    before(() => {
      base = realpathSync(mkdtempSync(path.join(tmpdir(), 'gcf-invented-')));
      root = path.join(base, 'ws');
      mkdirSync(path.join(base, 'outside', 'secrets'), { recursive: true });
      mkdirSync(root, { recursive: true });
      writeFileSync(path.join(base, 'outside', 'secrets', 'db.txt'), 'PASSWORD=1');
      writeFileSync(path.join(base, 'outside', '.env'), 'TOKEN=1');
      symlinkSync(path.join(base, 'outside'), path.join(root, 'shared'));
      symlinkSync(path.join(base, 'outside', 'secrets'), path.join(root, 'docs'));
    });
    after(() => rmSync(base, { recursive: true, force: true }));
    const check = (relative: string) => isExcluded(relative, path.join(root, relative));

    it('the .env in a linked folder, and a file reached through a link to a secrets folder', () => {
      assert.equal(check('shared/.env'), true);
      assert.equal(check('SHARED/.ENV'), true);
      assert.equal(check('docs/db.txt'), true);
    });
  });
});
