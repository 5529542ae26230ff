/**
 * package.json's `contributes.configuration` and keybindings against the code: every setting is
 * explained and titled, its default is the one the settings schema falls back to, and no shortcut
 * takes a chord the platforms keep for themselves.
 */
import * as assert from 'node:assert/strict';
import { localizedManifest } from '../../support/manifest';
import { SETTING_KEYS, SETTINGS_SECTION, settingDefault } from '../../../src/platform/settingsSchema';

interface SettingContribution {
  default?: unknown;
  description?: string;
  markdownDescription?: string;
}
interface ConfigurationSection {
  title?: string;
  properties?: Record<string, SettingContribution>;
}
interface Keybinding {
  command: string;
  key: string;
  mac?: string;
}

const manifest = localizedManifest(process.cwd()) as {
  contributes: { configuration: ConfigurationSection | ConfigurationSection[]; keybindings: Keybinding[] };
};
const sections = [manifest.contributes.configuration].flat();
const properties = Object.assign({}, ...sections.map((section) => section.properties ?? {})) as Record<string, SettingContribution>;
const PREFIX = `${SETTINGS_SECTION}.`;

describe('package.json settings and keybindings', () => {
  it('declares exactly the settings the schema reads, with the same defaults', () => {
    const declared = Object.keys(properties).filter((key) => key.startsWith(PREFIX)).map((key) => key.slice(PREFIX.length)).sort();
    assert.deepEqual(declared, [...SETTING_KEYS].sort());
    for (const key of SETTING_KEYS) {
      assert.deepEqual(properties[PREFIX + key].default, settingDefault(key), `default of ${PREFIX}${key}`);
    }
  });

  it('explains every setting', () => {
    const unexplained = Object.entries(properties)
      .filter(([, setting]) => (setting.description ?? setting.markdownDescription ?? '').trim().length < 10)
      .map(([key]) => key);
    assert.deepEqual(unexplained, []);
  });

  it('groups the settings in titled sections', () => {
    assert.ok(Array.isArray(manifest.contributes.configuration), 'contributes.configuration is an array of sections');
    assert.ok(sections.length > 1);
    for (const section of sections) assert.match(section.title ?? '', /\S/);
  });

  it('has a daily token limit no lower than the per-minute one', () => {
    const perMinute = settingDefault('rateLimits.tokensPerMinute') as number;
    const perDay = settingDefault('rateLimits.tokensPerDay') as number;
    assert.ok(perDay >= perMinute, `${perDay} tokens a day < ${perMinute} a minute`);
  });

  it('takes no ctrl+alt chord on Windows and Linux (AltGr is ctrl+alt there) and not cmd+alt+f on macOS (Replace)', () => {
    const parts = (chord: string) => chord.split(' ').map((part) => new Set(part.split('+')));
    for (const binding of manifest.contributes.keybindings) {
      for (const part of parts(binding.key)) {
        assert.ok(!(part.has('ctrl') && part.has('alt')), `${binding.command}: ${binding.key}`);
      }
      assert.notEqual(binding.mac ?? binding.key, 'cmd+alt+f', binding.command);
    }
  });
});
