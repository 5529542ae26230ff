/**
 * Persists the spend budget's counters in globalState, which VS Code keeps across restarts and shares
 * with the other windows: SpendBudget reads the stored counters before every check and record, so the
 * windows add up their spend. Delete My Data erases the key with the extension's other keys.
 */
import type * as vscode from 'vscode';
import { type SpendCounters, type SpendStore } from '../provider/limits';

export const SPEND_KEY = 'grokCodeFast.spendBudget';

export class GlobalStateSpendStore implements SpendStore {
  constructor(private readonly state: Pick<vscode.Memento, 'get' | 'update'>) {}

  load(): unknown {
    return this.state.get(SPEND_KEY);
  }

  save(counters: SpendCounters): void {
    void this.state.update(SPEND_KEY, counters);
  }
}
