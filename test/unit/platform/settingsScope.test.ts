import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { USER_SCOPE_KEYS } from '../../../src/platform/settingsSchema';

interface Manifest {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string }> }[] };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
/** Every section's settings in one record (package.json groups them into titled sections). */
const properties = Object.assign({}, ...manifest.contributes.configuration.map((section) => section.properties)) as Record<string, { scope?: string }>;

describe('settings that decide where requests go (package.json)', () => {
  it('are user settings only: scope "application", so a repository cannot redirect the key', () => {
    for (const key of USER_SCOPE_KEYS) assert.equal(properties[`grokCodeFast.${key}`]?.scope, 'application', key);
  });

  it('are listed as restricted in untrusted workspaces, with the exclude globs', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    for (const key of [...USER_SCOPE_KEYS, 'exclude']) assert.ok(restricted.includes(`grokCodeFast.${key}`), key);
  });

  it('name every endpoint setting there is (a new one must join the list)', () => {
    const endpointSettings = Object.keys(properties).filter((key) => /^grokCodeFast\.endpoint\./.test(key) || /proxy/i.test(key));
    assert.deepEqual(endpointSettings.sort(), USER_SCOPE_KEYS.map((key) => `grokCodeFast.${key}`).sort());
  });
});
