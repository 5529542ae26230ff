/**
 * Keeps the analytics store within `retentionDays`: prunes at start-up and then once a day. Reads the
 * setting at every run, so a shorter retention applies at the next run. No `vscode`: clock and timer
 * are injected.
 */
import { DAY_MS } from '../provider/analytics';
import { type Logger } from '../provider/types';
import { type Scheduler } from '../platform/scheduler';

export interface RetentionJobDeps {
  /** store.prune: deletes every day that ended at or before `olderThan` (epoch ms). */
  prune: (olderThan: number) => Promise<void>;
  retentionDays: () => number;
  now: () => number;
  scheduler: Scheduler;
  logger: Pick<Logger, 'warn'>;
}

export class RetentionJob {
  private timer: { dispose(): void } | undefined;

  constructor(private readonly deps: RetentionJobDeps) {}

  /** Prunes now, then every 24 hours until disposed. */
  start(): Promise<void> {
    this.timer?.dispose();
    this.timer = this.deps.scheduler.every(() => void this.runNow(), DAY_MS);
    return this.runNow();
  }

  /** Never throws: a failed prune is logged and tried again at the next run. */
  async runNow(): Promise<void> {
    const cutoff = this.deps.now() - Math.max(1, this.deps.retentionDays()) * DAY_MS;
    try {
      await this.deps.prune(cutoff);
    } catch (error) {
      this.deps.logger.warn(`Analytics retention: pruning failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }
}
