/**
 * The Set API Key command's verdict in words: valid, rejected (with the server's message) or could not
 * reach the endpoint. A refused key comes back as `valid: false`; an unreachable server as a thrown error.
 */
import { isGrokError } from '../provider/errors';

export interface ApiKeyCheckResult {
  valid: boolean;
  message: string;
  redactedKey?: string;
}

export type KeyVerdict = { kind: 'valid' | 'rejected' | 'unreachable'; text: string };

export function keyVerdict(outcome: { result: ApiKeyCheckResult } | { error: unknown }, endpoint: string): KeyVerdict {
  if ('result' in outcome) {
    const { valid, message, redactedKey } = outcome.result;
    const which = redactedKey ? ` (${redactedKey})` : '';
    return valid
      ? { kind: 'valid', text: `API key saved and accepted by ${endpoint}${which}. ${message}` }
      : { kind: 'rejected', text: `API key saved, but ${endpoint} rejected it${which}: ${message}` };
  }
  const { error } = outcome;
  const reason = isGrokError(error) ? `${error.message} [${error.code}]` : error instanceof Error ? error.message : String(error);
  return { kind: 'unreachable', text: `API key saved, but ${endpoint} could not be reached to check it: ${reason}` };
}
