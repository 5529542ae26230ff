/**
 * Localisation of the host and the manifest, in the pseudo-locale of test/support/pseudoLocale.ts:
 * every literal in src/ that reads as UI text goes through l10n.t (unlocalizedStrings.ts; prompts and
 * wire values are marked `// not UI text:`), the built bundle holds every message, and the manifest
 * resolved with a pseudo-translated package.nls.json shows no English (the webviews: test/webview/pseudoLocale.test.ts).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as l10n from '@vscode/l10n';
import { describeFailure } from '../../../src/actions/actionFailure';
import { assessHealth } from '../../../src/health/healthAssessment';
import { keyVerdict } from '../../../src/onboarding/keyVerdict';
import { NetworkError } from '../../../src/provider/errors';
import { builtBundle, pseudoBundle, unlocalizedWords } from '../../support/pseudoLocale';
import { unlocalizedStrings } from '../../support/unlocalizedStrings';

const ROOT = process.cwd();
const NAMES = new Set(['Grok', 'Code', 'Fast', 'xAI', 'VS', 'API']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Manifest fields VS Code shows to the user. */
const SHOWN = new Set(['displayName', 'description', 'markdownDescription', 'title', 'name', 'label', 'contextualTitle', 'enumDescriptions', 'markdownEnumDescriptions', 'category', 'deprecationMessage', 'markdownDeprecationMessage']);

/** `path: value` for each shown manifest string that is not a %key% placeholder. */
function literalManifestTexts(value: unknown, path: string, shown = false): string[] {
  if (typeof value === 'string') return shown && !/^%[^%]+%$/.test(value) ? [`${path}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => literalManifestTexts(item, `${path}[${i}]`, shown));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => literalManifestTexts(item, `${path}.${key}`, SHOWN.has(key)));
  }
  return [];
}

describe('localisation: host and manifest in a pseudo-locale', () => {
  it('finds an unlocalised literal and accepts localised, marked and non-text ones', () => {
    const found = unlocalizedStrings('a.ts', [
      "show('Could not export your data.');",
      "show(l10n.t('Could not export your data.'));",
      "show(vscode.l10n.t('Retry'));",
      "const prompt = 'You are a coding assistant.'; // not UI text: a prompt",
      "log.info('API key saved to SecretStorage.');",
      "el('div', { class: 'notice consent' });",
      "button('Retry');",
    ].join('\n'));
    assert.deepEqual(found, ['a.ts:1: "Could not export your data."', 'a.ts:7: "Retry"']);
  });

  it('every UI literal in src/ goes through l10n.t', () => {
    const found = sources(join(ROOT, 'src')).flatMap((path) => unlocalizedStrings(relative(ROOT, path), readFileSync(path, 'utf8')));
    assert.deepEqual(found, []);
  });

  it('the built bundle holds every message of an l10n.t call', () => {
    const bundle = builtBundle(ROOT);
    const calls = /\bl10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1\s*[,)]/g;
    const missing = sources(join(ROOT, 'src')).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(calls)].map((m) => JSON.parse(`"${m[2]!.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string).filter((message) => !(message in bundle)),
    );
    assert.deepEqual(missing, []);
    assert.ok(Object.keys(bundle).length > 300);
  });

  it('every text the manifest shows is a package.nls.json placeholder, and pseudo-translated it shows no English', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(literalManifestTexts({ displayName: manifest.displayName, description: manifest.description, contributes: manifest.contributes, capabilities: manifest.capabilities }, 'package.json'), []);
    const nls = pseudoBundle(JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>);
    const english = Object.entries(nls).flatMap(([key, text]) => (unlocalizedWords(text, NAMES).length === 0 ? [] : [`${key}: ${text}`]));
    assert.deepEqual(english, []);
  });

  describe('host messages built in the pseudo-locale', () => {
    before(() => l10n.config({ contents: pseudoBundle(builtBundle(ROOT)) }));
    after(() => l10n.config({ contents: {} }));

    it('an action failure, a health verdict and a key verdict show only bundle texts around their data', () => {
      const texts = [
        describeFailure(new NetworkError('ECONNREFUSED'), 'Fix').message,
        assessHealth({ probe: new Error('down'), window: { requests: 0, successRate: null, p95LatencyMs: null }, checkedAt: 0 } as never, { p95ThresholdMs: 10_000, minRequests: 5, minSuccessRate: 0.9 } as never).summary,
        keyVerdict({ result: { valid: true, message: 'ok' } } as never, 'https://api.x.ai').text,
      ];
      const data = new Set([...NAMES, 'ECONNREFUSED', 'Fix', 'down', 'ok', 'https', 'api', 'x', 'ai']);
      assert.deepEqual(texts.flatMap((text) => unlocalizedWords(text, data).map((word) => `${word} in ${text}`)), []);
    });
  });
});
