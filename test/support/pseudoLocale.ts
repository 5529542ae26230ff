/**
 * The pseudo-locale the localisation tests build with: every message of the extension's l10n bundle
 * and of package.nls.json pseudo-translated by @vscode/l10n-dev (every Latin letter accented, `{0}`
 * kept) and wrapped in ⟦…⟧. In a page or a message shown in this locale, any ASCII word outside the
 * brackets came from a string that did not go through the bundle. Shapes: bundles are message -> text.
 */
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const OPEN = '⟦';
export const CLOSE = '⟧';

type Bundle = Record<string, string | { message: string; comment: string[] }>;

/** `bundle` pseudo-translated, each text wrapped in ⟦…⟧. */
export function pseudoBundle(bundle: Bundle): Record<string, string> {
  const translated = getL10nPseudoLocalized(bundle);
  return Object.fromEntries(Object.entries(translated).map(([key, text]) => [key, `${OPEN}${typeof text === 'string' ? text : text.message}${CLOSE}`]));
}

/** The bundle the build extracted (l10n/bundle.l10n.json under `root`; run `npm run build` first). */
export function builtBundle(root: string): Bundle {
  return JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Bundle;
}

/**
 * The ASCII words of `text` outside every ⟦…⟧ (innermost first: a message may hold another), but
 * for the `allowed` ones (names that are never translated); empty when all of it is localised.
 */
export function unlocalizedWords(text: string, allowed: ReadonlySet<string>): string[] {
  let rest = text;
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return (rest.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []).filter((word) => !allowed.has(word));
}
