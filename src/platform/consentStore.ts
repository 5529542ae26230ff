/**
 * Consent records in globalState: kept across restarts and shared by every window. The manager names
 * its keys (`grokCodeFast.consent/...`) and filters `keys()` itself, so the store passes them through.
 */
import type * as vscode from 'vscode';
import { type ConsentStore } from '../provider/consent';

export class GlobalStateConsentStore implements ConsentStore {
  constructor(private readonly state: vscode.Memento) {}

  async get(key: string): Promise<unknown> {
    return this.state.get(key);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.state.update(key, value);
  }

  async delete(key: string): Promise<void> {
    await this.state.update(key, undefined);
  }

  async keys(): Promise<string[]> {
    return [...this.state.keys()];
  }
}
