/**
 * Every message names a real command: a quoted "Grok: <title>" in the sources is the title of a
 * command that package.json contributes (category Grok), so no message sends users to a command or
 * setting that does not exist.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { localizedManifest } from '../../support/manifest';
import { NO_API_KEY_MESSAGE } from '../../../src/provider/client/xaiClient';

const root = path.resolve(__dirname, '../../../..');

interface CommandContribution {
  title: string;
  category?: string;
}

function commandTitles(): Set<string> {
  const manifest = localizedManifest(root) as { contributes: { commands: CommandContribution[] } };
  return new Set(manifest.contributes.commands.filter((c) => c.category === 'Grok').map((c) => c.title));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The titles quoted as "Grok: <title>" in `text`. */
function quotedCommandTitles(text: string): string[] {
  return [...text.matchAll(/"Grok: ([^"\n]+?)[.…]?"/g)].map((m) => m[1]!);
}

describe('command names in messages', () => {
  it('finds quoted command titles', () => {
    assert.deepEqual(quotedCommandTitles('Run "Grok: Set API Key" or "Grok: Show Log…" now'), ['Set API Key', 'Show Log']);
  });

  it('names only commands that exist', () => {
    const titles = commandTitles();
    const named = sourceFiles(path.join(root, 'src')).flatMap((file) =>
      quotedCommandTitles(readFileSync(file, 'utf8')).map((title) => ({ file: path.relative(root, file), title })));
    assert.ok(named.length > 0, 'no message names a command; this test would check nothing');
    assert.deepEqual(named.filter((n) => !titles.has(n.title)), []);
  });

  it('tells a user without a key the real command, not a setting that does not exist', () => {
    assert.deepEqual(quotedCommandTitles(NO_API_KEY_MESSAGE), ['Set API Key']);
    assert.doesNotMatch(NO_API_KEY_MESSAGE, /configure|apiKey/);
  });
});
