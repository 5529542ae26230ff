/**
 * When the model catalogue is read in the background: at start, when consent is given, when the key
 * or the endpoint changes, and once a day; each time only with a key, an endpoint and the user's
 * consent (nothing is sent before consent). Free of `vscode`, so the policy is tested alone.
 */
import { DAY_MS } from '../provider/analytics/reportPeriod';
import { type Logger } from '../provider/types';
import { type Scheduler } from './scheduler';

export interface CatalogueRefreshDeps {
  /** Reads the catalogue from the endpoint (one read at a time is the caller's business). */
  read(): Promise<void>;
  /** True when a background read may be sent now: a key, a valid endpoint and consent. */
  allowed(): boolean;
  scheduler: Scheduler;
  logger: Pick<Logger, 'error'>;
}

export class CatalogueRefresh {
  private daily: { dispose(): void } | undefined;

  constructor(private readonly deps: CatalogueRefreshDeps) {}

  /** Starts the daily read (the first one a day from now). */
  start(): void {
    this.daily ??= this.deps.scheduler.every(() => this.now(), DAY_MS);
  }

  /** A read now, if allowed: at start, after consent, a new key or a new endpoint. */
  now(): void {
    if (!this.deps.allowed()) return;
    void this.deps.read().catch((error) => this.deps.logger.error('Could not refresh the model list:', error));
  }

  dispose(): void {
    this.daily?.dispose();
    this.daily = undefined;
  }
}
