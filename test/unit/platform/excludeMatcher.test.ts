import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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

  it('excludes only .git with no globs', () => {
    assert.equal(createExcludeMatcher([])('.env', '/w/.env'), false);
    assert.equal(createExcludeMatcher([])('.git/config', '/w/.git/config'), true);
  });

  it('refuses the credential files the field knows by default, at any depth and in any case', () => {
    const credentials = [
      '.git-credentials', '.npmrc', '.netrc', '_netrc', '.aws/credentials', '.aws/config', '.ssh/id_ed25519', '.ssh/id_ecdsa.pub',
      'home/.ssh/config', 'id_dsa', '.kube/config', 'prod.kubeconfig', '.docker/config.json', '.pypirc', '.terraformrc', 'infra/terraform.tfstate',
      'infra/terraform.tfstate.backup', 'credentials.json', 'gcp/service-account-prod.json', '.config/gcloud/application_default_credentials.json',
      '.config/gh/hosts.yml', '.azure/accessTokens.json', '.vault-token', '.cargo/credentials.toml', '.gem/credentials', '.composer/auth.json',
      '.pgpass', '.htpasswd', '.yarnrc.yml', 'certs/client.p12', 'win/cert.PFX', 'android/release.keystore', 'java/store.jks', '.gnupg/private-keys-v1.d/x.key',
      'pkg/.NPMRC', 'sub/.Git-Credentials',
    ];
    for (const name of credentials) assert.equal(isExcluded(name), true, name);
    for (const name of ['src/credentials.ts', 'docs/ssh.md', 'kube/deployment.yaml', 'docker/config.ts', 'package.json']) assert.equal(isExcluded(name), false, name);
  });

  it('always refuses .git/**, at any depth, whatever the globs and negations say', () => {
    for (const globs of [[], DEFAULT_EXCLUDE_GLOBS, ['!.git/**'], ['!**/.git/config', '**/*.md']]) {
      const matcher = createExcludeMatcher(globs);
      for (const name of ['.git/config', '.git', 'vendor/lib/.git/config', '.GIT/HEAD', '.git/hooks/pre-commit']) assert.equal(matcher(name), true, `${name} with ${JSON.stringify(globs)}`);
    }
    assert.equal(createExcludeMatcher([])('.github/workflows/ci.yml'), false);
    assert.equal(createExcludeMatcher([])('.gitignore'), false);
  });

  it('takes a negated glob to mean what it says: matching paths come back out of the user globs', () => {
    const matcher = createExcludeMatcher(['**/*secret*', '!**/secret-santa.md', 'config/**', '!config/public/**', '!(*.md)']);
    assert.equal(matcher('docs/secret-santa.md'), false);
    assert.equal(matcher('docs/secret-plan.md'), true);
    assert.equal(matcher('config/public/site.json'), false);
    assert.equal(matcher('config/private/db.json'), true);
    // `!(…)` is an extglob (everything but .md files), not a negation.
    assert.equal(matcher('build.ts'), true);
    assert.equal(matcher('README.md'), false);
    // A negation alone excludes nothing rather than everything.
    assert.equal(createExcludeMatcher(['!**/*.ts'])('src/app.ts'), false);
    assert.equal(createExcludeMatcher(['!**/*.ts'])('README.md'), false);
  });

  it('is the default of the grokCodeFast.exclude setting', () => {
    assert.deepEqual(parseSettings({ values: {} }).settings.exclude, DEFAULT_EXCLUDE_GLOBS);
  });

  it("matches case-insensitively: the issue's Secret.txt, config/SERVER.KEY, .ENV, ID_RSA and more", () => {
    for (const name of ['Secret.txt', 'config/SERVER.KEY', '.ENV', 'ID_RSA', '.Env.Local', 'certs/Server.Pem', 'SECRETS/prod.json']) {
      assert.equal(isExcluded(name), true, name);
    }
    assert.equal(createExcludeMatcher(['Build/**'])('build/out.js'), true, 'the glob’s own case does not matter either');
  });

  it('matches Windows aliases: trailing dots and spaces, ::$DATA and named streams', () => {
    for (const name of ['.env.', '.env ', '.env. . ', '.env::$DATA', '.ENV::$data', '.env:hidden', '.env:hidden:$DATA', 'secrets./a.txt', 'deploy\\prod.key::$DATA']) {
      assert.equal(isExcluded(name), true, JSON.stringify(name));
    }
    for (const name of ['src/app.ts.', 'notes.md::$DATA', 'C:', '..', 'a/./b.ts']) assert.equal(isExcluded(name), false, JSON.stringify(name));
  });

  describe('links (on disk)', () => {
    let base: string;
    let root: string;
    before(() => {
      base = realpathSync(mkdtempSync(path.join(tmpdir(), 'gcf-exclude-')));
      root = path.join(base, 'ws');
      mkdirSync(path.join(root, 'config'), { recursive: true });
      mkdirSync(path.join(base, 'home', '.ssh'), { recursive: true });
      writeFileSync(path.join(root, '.env'), 'TOKEN=1');
      writeFileSync(path.join(root, 'config', 'prod.key'), 'k');
      writeFileSync(path.join(base, 'home', '.ssh', 'id_rsa'), 'k');
      writeFileSync(path.join(root, 'app.ts'), '');
      symlinkSync(path.join(root, '.env'), path.join(root, 'innocent.txt'));
      symlinkSync(path.join(root, 'config'), path.join(root, 'settings'));
      symlinkSync(path.join(base, 'home', '.ssh', 'id_rsa'), path.join(root, 'notes.md'));
      symlinkSync(path.join(root, 'app.ts'), path.join(root, 'main.ts'));
    });
    after(() => rmSync(base, { recursive: true, force: true }));

    const check = (relative: string) => isExcluded(relative, path.join(root, relative));

    it('excludes a link to an excluded file, through a linked folder, and to a secret outside the workspace', () => {
      assert.equal(check('innocent.txt'), true);
      assert.equal(check('settings/prod.key'), true);
      assert.equal(check('notes.md'), true);
    });

    it('leaves links to ordinary files alone, and a missing file is judged by its name', () => {
      assert.equal(check('main.ts'), false);
      assert.equal(check('app.ts'), false);
      assert.equal(check('missing.ts'), false);
      assert.equal(check('missing.env.'), false);
      assert.equal(check('.env.missing'), true);
    });
  });
});

describe('the credential defaults in the README', () => {
  it('"Your data" names every default exclude glob, so the README says which files are refused', () => {
    const readme = readFileSync('README.md', 'utf8');
    const yourData = readme.slice(readme.indexOf('## Your data'), readme.indexOf('\n## ', readme.indexOf('## Your data') + 1));
    assert.deepEqual(DEFAULT_EXCLUDE_GLOBS.filter((glob) => !yourData.includes(`\`${glob}\``)), []);
  });
});
