/**
 * The salt the analytics tracker hashes user ids with, made once and kept in globalState so hashes
 * stay comparable across sessions while the id itself is never stored in clear.
 */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

const SALT_KEY = 'grokCodeFast.analyticsSalt';

export function analyticsSalt(state: vscode.Memento): string {
  const existing = state.get<unknown>(SALT_KEY);
  if (typeof existing === 'string' && /^[0-9a-f]{32}$/.test(existing)) return existing;
  const salt = randomBytes(16).toString('hex');
  void state.update(SALT_KEY, salt);
  return salt;
}
