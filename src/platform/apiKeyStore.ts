/**
 * The API key lives only in VS Code's SecretStorage (the OS keychain): never in settings, globalState
 * or a log line.
 */
import type * as vscode from 'vscode';

export const API_KEY_SECRET = 'grokCodeFast.apiKey';

export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(): Promise<string | undefined> {
    const key = await this.secrets.get(API_KEY_SECRET);
    return key === undefined || key.trim() === '' ? undefined : key;
  }

  set(key: string): Thenable<void> {
    return this.secrets.store(API_KEY_SECRET, key.trim());
  }

  clear(): Thenable<void> {
    return this.secrets.delete(API_KEY_SECRET);
  }

  /** Fires after the key was set or cleared, here or in another window. */
  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key === API_KEY_SECRET) listener();
    });
  }
}
