/**
 * Persists the rate limiter's minute, hour and day windows in globalState, which VS Code keeps across
 * restarts and shares with windows opened later: neither resets the daily quota. Two windows open at
 * the same time each count their own requests, and the last one to save wins.
 */
import type * as vscode from 'vscode';
import { type RateLimitStore, type WindowCounters } from '../provider/limits';
import { DataGeneration } from './dataGeneration';

const KEY_PREFIX = 'grokCodeFast.rateLimits.';

export class GlobalStateRateLimitStore implements RateLimitStore {
  private readonly generation: DataGeneration;

  constructor(private readonly state: vscode.Memento) {
    this.generation = new DataGeneration(state);
  }

  erasedSinceLoad(): boolean {
    return this.generation.acknowledge();
  }

  load(userId: string): unknown {
    return this.state.get(KEY_PREFIX + userId);
  }

  save(userId: string, counters: WindowCounters): void {
    void this.state.update(KEY_PREFIX + userId, counters);
  }
}
