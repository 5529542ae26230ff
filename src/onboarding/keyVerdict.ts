/**
 * The Set API Key command in words: what its input box says the check does, and its verdict: valid,
 * rejected (with the server's message) or could not reach the endpoint. A refused key comes back as
 * `valid: false`; an unreachable server as a thrown error.
 */
import * as l10n from '@vscode/l10n';
import { isGrokError } from '../provider/errors';
import { redactSecrets } from '../provider/redact';

export interface ApiKeyCheckResult {
  valid: boolean;
  message: string;
  redactedKey?: string;
}

export type KeyVerdict = { kind: 'valid' | 'rejected' | 'unreachable'; text: string };

export function keyVerdict(outcome: { result: ApiKeyCheckResult } | { error: unknown }, endpoint: string): KeyVerdict {
  if ('result' in outcome) {
    const { valid, redactedKey } = outcome.result;
    // The server's words may echo the key; its own redacted label (`xai-...b14o`) is shown on purpose.
    const message = redactSecrets(outcome.result.message);
    const which = redactedKey ? ` (${redactedKey})` : '';
    return valid
      ? { kind: 'valid', text: l10n.t('API key saved and accepted by {0}{1}. {2}', endpoint, which, message) }
      : { kind: 'rejected', text: l10n.t('API key not saved: {0} rejected it{1}: {2}', endpoint, which, message) };
  }
  const { error } = outcome;
  const reason = isGrokError(error) ? `${error.message} [${error.code}]` : error instanceof Error ? error.message : String(error);
  return { kind: 'unreachable', text: l10n.t('API key saved, but {0} could not be reached to check it: {1}', endpoint, redactSecrets(reason)) };
}

/** What the input box says the command will do with the key: the user starts this request, so say it. */
export function apiKeyPrompt(endpoint: string | undefined): string {
  const check =
    endpoint === undefined
      ? l10n.t('No valid endpoint is configured, so the key is not checked.')
      : l10n.t('Saving it checks the key with a GET to {0}/api-key; no code is sent.', endpoint);
  return l10n.t('Your xAI API key (or the token of the endpoint you configured). It is kept in the OS keychain. {0}', check);
}
