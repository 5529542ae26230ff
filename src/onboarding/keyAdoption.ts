/**
 * Whether Set API Key keeps the key it was given: the key is checked first and stored only when the
 * endpoint did not refuse it. A refused key (401, 403, "Incorrect API key", a blocked key) is not
 * stored, so a typo never replaces a working key; a key that could not be checked (network, server
 * failure) is stored with a warning, since that says nothing about the key.
 */
import * as l10n from '@vscode/l10n';
import { type ApiKeyCheckResult, keyVerdict, type KeyVerdict } from './keyVerdict';

export interface KeyAdoption {
  key: string;
  /** The endpoint's base URL; undefined when none is valid (the key is stored unchecked). */
  endpoint: string | undefined;
  /** True when a key is stored now: a refused key leaves it in use. */
  hadKey: boolean;
  /** Asks the endpoint about `key`; throws when it cannot be reached. */
  check(key: string): Promise<ApiKeyCheckResult>;
  store(key: string): PromiseLike<void>;
}

/** The verdict, after storing the key unless the endpoint refused it. */
export async function adoptApiKey(adoption: KeyAdoption): Promise<KeyVerdict> {
  const { key, endpoint } = adoption;
  if (endpoint === undefined) {
    await adoption.store(key);
    return { kind: 'unreachable', text: l10n.t('API key saved; no valid endpoint is configured to check it (see grokCodeFast.endpoint.url).') };
  }
  let verdict: KeyVerdict;
  try {
    verdict = keyVerdict({ result: await adoption.check(key) }, endpoint);
  } catch (error) {
    verdict = keyVerdict({ error }, endpoint);
  }
  if (verdict.kind !== 'rejected') {
    await adoption.store(key);
    return verdict;
  }
  const kept = adoption.hadKey ? l10n.t('Your previous API key stays in use.') : l10n.t('No API key is set.');
  return { kind: 'rejected', text: `${verdict.text} ${kept}` };
}
