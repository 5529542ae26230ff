/**
 * Persists the rate limiter's minute, hour and day windows in globalState, which VS Code shares across
 * windows and keeps across restarts: neither resets the daily quota.
 */
import type * as vscode from 'vscode';
import { type RateLimitStore, type WindowCounters, WindowCountersSchema } from '../provider/limits';

const KEY_PREFIX = 'grokCodeFast.rateLimits.';

export class GlobalStateRateLimitStore implements RateLimitStore {
  constructor(private readonly state: vscode.Memento) {}

  load(userId: string): WindowCounters | undefined {
    const parsed = WindowCountersSchema.safeParse(this.state.get(KEY_PREFIX + userId));
    return parsed.success ? parsed.data : undefined;
  }

  save(userId: string, counters: WindowCounters): void {
    void this.state.update(KEY_PREFIX + userId, counters);
  }
}
