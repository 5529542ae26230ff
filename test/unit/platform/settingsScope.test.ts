import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GUARD_SETTINGS, guardedValue, type GuardKey } from '../../../src/platform/guardSettings';
import { settingDefault, settingIsValid } from '../../../src/platform/settingsSchema';

interface Manifest {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string; default?: unknown }> }[] };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
/** Every section's settings in one record (package.json groups them into titled sections). */
const properties = Object.assign({}, ...manifest.contributes.configuration.map((section) => section.properties)) as Record<string, { scope?: string; default?: unknown }>;
const guardKeys = Object.keys(GUARD_SETTINGS) as GuardKey[];

describe('guard settings: the table against package.json', () => {
  it('restrictedConfigurations lists exactly the table plus the exclude globs', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    assert.deepEqual([...restricted].sort(), [...guardKeys, 'exclude'].map((key) => `grokCodeFast.${key}`).sort());
  });

  it('names only settings the manifest declares', () => {
    for (const key of guardKeys) assert.ok(properties[`grokCodeFast.${key}`], key);
  });

  it('has every setting about where requests go, their number, size, cost or effort (a new one must join the table)', () => {
    const guarding = /^grokCodeFast\.(endpoint\.|rateLimits\.|cloud\.|analytics\.|maxTokens|chat\.maxToolRounds|.*reasoningEffort|.*debounce|inlineCompletions\.enabled|budget\.(daily|monthly)Usd)/;
    const declared = Object.keys(properties).filter((key) => guarding.test(key) || /proxy/i.test(key));
    assert.deepEqual(declared.sort(), guardKeys.map((key) => `grokCodeFast.${key}`).sort());
  });

  it('keeps the endpoint settings and the budget caps user-only in VS Code too (scope "application", not "machine": ignored in remote windows)', () => {
    for (const key of guardKeys.filter((key) => key.startsWith('endpoint.') || key.startsWith('budget.'))) {
      assert.equal(GUARD_SETTINGS[key], 'user', key);
      assert.equal(properties[`grokCodeFast.${key}`]?.scope, 'application', key);
    }
  });
});

describe('guard settings: how a workspace value counts', () => {
  const valid = (key: GuardKey) => (value: unknown) => settingIsValid(key, value);
  const read = (key: GuardKey, values: { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown }) =>
    guardedValue(GUARD_SETTINGS[key], { defaultValue: settingDefault(key), ...values }, valid(key));

  it('ignores a workspace for a "user" setting, in every scope', () => {
    assert.equal(read('cloud.features', { workspaceValue: { rateLimiting: false } }), undefined);
    assert.equal(read('analytics.enabled', { globalValue: true, workspaceValue: false, workspaceFolderValue: false }), true);
    assert.equal(read('inlineCompletions.reasoningEffort', { workspaceFolderValue: 'xhigh' }), undefined);
    assert.equal(read('inlineCompletions.debounceMinMs', { globalValue: 100, workspaceValue: 0 }), 100);
    assert.equal(read('budget.dailyUsd', { globalValue: 1, workspaceValue: 0 }), 1, 'a workspace cannot lift the cap with 0');
  });

  it('lets a workspace tighten a "lowest" limit, never loosen it', () => {
    assert.equal(read('rateLimits.requestsPerMinute', { globalValue: 2, workspaceValue: 1000 }), 2);
    assert.equal(read('rateLimits.requestsPerMinute', { workspaceValue: 1000 }), undefined, 'above the default');
    assert.equal(read('rateLimits.requestsPerMinute', { globalValue: 20, workspaceValue: 5, workspaceFolderValue: 3 }), 3);
    assert.equal(read('maxTokens', { workspaceValue: 1234 }), 1234);
    assert.equal(read('chat.maxToolRounds', { globalValue: 2, workspaceFolderValue: 20 }), 2);
    assert.equal(read('inlineCompletions.enabled', { globalValue: false, workspaceValue: true }), false);
    assert.equal(read('inlineCompletions.enabled', { workspaceValue: false }), false);
  });

  it('never lets an invalid workspace value win or reset the user value', () => {
    assert.equal(read('rateLimits.requestsPerMinute', { globalValue: 2, workspaceValue: 0 }), 2);
    assert.equal(read('maxTokens', { globalValue: 100, workspaceValue: -1 }), 100);
    assert.equal(read('maxTokens', { globalValue: 100, workspaceValue: '1' }), 100);
    assert.equal(read('rateLimits.concurrentRequests', { workspaceValue: Number.NaN }), undefined);
  });

  it('compares an invalid user value as the default it falls back to, keeping it for its warning', () => {
    assert.equal(read('rateLimits.requestsPerMinute', { globalValue: -1, workspaceValue: 1000 }), -1);
    assert.equal(read('rateLimits.requestsPerMinute', { globalValue: -1, workspaceValue: 10 }), 10);
  });
});
