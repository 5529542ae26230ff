/**
 * package.json as VS Code shows it in English: every `%key%` placeholder replaced by its text from
 * package.nls.json (VS Code's manifest localisation; a translation would be package.nls.<locale>.json).
 * Throws on a placeholder without a text.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const PLACEHOLDER = /^%([^%]+)%$/;

function resolveStrings(value: unknown, texts: Record<string, string>): unknown {
  if (typeof value === 'string') {
    const key = PLACEHOLDER.exec(value)?.[1];
    if (key === undefined) return value;
    const text = texts[key];
    if (text === undefined) throw new Error(`package.json names %${key}%, which package.nls.json does not hold`);
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => resolveStrings(item, texts));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, resolveStrings(item, texts)]));
  }
  return value;
}

/** The manifest of the extension at `root` with its English texts in place. */
export function localizedManifest(root: string): unknown {
  const read = (name: string): unknown => JSON.parse(readFileSync(path.join(root, name), 'utf8'));
  return resolveStrings(read('package.json'), read('package.nls.json') as Record<string, string>);
}
