import * as assert from 'node:assert/strict';
import { createExcludeMatcher } from '../../../src/platform/excludeMatcher';
import { type PrefilterSnapshot, prefilter } from '../../../src/completion/prefilter';

const DEFAULT_EXCLUDE = ['**/.env*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*secret*'];

function snapshot(overrides: Partial<PrefilterSnapshot> = {}): PrefilterSnapshot {
  return {
    settings: { enabled: true, disabledLanguages: ['markdown'], exclude: DEFAULT_EXCLUDE },
    languageId: 'typescript',
    relativePath: 'src/app.ts',
    absolutePath: '/home/me/project/src/app.ts',
    snoozedUntil: undefined,
    now: 1_000,
    cursorCount: 1,
    selectionEmpty: true,
    trusted: true,
    consentGranted: true,
    ...overrides,
  };
}

describe('completion/prefilter', () => {
  it('allows a plain edit in a trusted, consented workspace', () => {
    assert.deepEqual(prefilter(snapshot()), { allowed: true });
  });

  const refusals: Array<[string, Partial<PrefilterSnapshot>, string]> = [
    ['completions are off', { settings: { enabled: false, disabledLanguages: [], exclude: [] } }, 'disabled'],
    ['the language is disabled', { languageId: 'markdown' }, 'language-disabled'],
    ['snoozed from the status bar', { snoozedUntil: 5_000 }, 'snoozed'],
    ['several cursors', { cursorCount: 2 }, 'multiple-cursors'],
    ['a selection', { selectionEmpty: false }, 'selection'],
    ['an untrusted workspace', { trusted: false }, 'untrusted'],
    ['no consent yet', { consentGranted: false }, 'needs-consent'],
    ['an excluded file (relative path)', { relativePath: '.env.local', absolutePath: '/x/.env.local' }, 'excluded'],
    ['an excluded file (absolute path only)', { relativePath: 'keys/server.pem', absolutePath: 'C:\\certs\\server.pem' }, 'excluded'],
  ];
  for (const [situation, overrides, reason] of refusals) {
    it(`says no with '${reason}' when ${situation}`, () => {
      assert.deepEqual(prefilter(snapshot(overrides)), { allowed: false, reason });
    });
  }

  it('lets a snooze expire', () => {
    assert.deepEqual(prefilter(snapshot({ snoozedUntil: 1_000 })), { allowed: true });
  });

  it('reports an excluded file before missing consent, so no consent hint shows for secrets', () => {
    assert.deepEqual(prefilter(snapshot({ relativePath: 'config/db_secret.json', consentGranted: false })), {
      allowed: false,
      reason: 'excluded',
    });
  });
});

describe('exclude globs in the completion prefilter', () => {
  const isExcluded = createExcludeMatcher(DEFAULT_EXCLUDE);
  const cases: Array<[string, string, boolean]> = [
    ['.env', '/p/.env', true],
    ['app/.env.production', '/p/app/.env.production', true],
    ['deploy/id_rsa.pub', '/p/deploy/id_rsa.pub', true],
    ['src/aws_secret_keys.ts', '/p/src/aws_secret_keys.ts', true],
    ['tls/site.key', '/p/tls/site.key', true],
    ['src/keyboard.ts', '/p/src/keyboard.ts', false],
    ['src/environment.ts', '/p/src/environment.ts', false],
  ];
  for (const [relative, absolute, expected] of cases) {
    it(`${expected ? 'excludes' : 'keeps'} ${relative}`, () => {
      assert.equal(isExcluded(relative, absolute), expected);
    });
  }

  it('excludes nothing without globs', () => {
    assert.equal(createExcludeMatcher([])('.env', '/p/.env'), false);
  });
});
