/**
 * Checks the service every few minutes and keeps its state ('ok' | 'degraded' | 'down') for the
 * status bar. It warns once per bad episode: the first check that leaves 'ok' warns; later bad
 * checks stay quiet until a check is 'ok' again. No `vscode` here: clock and timer are injected.
 */
import { assessHealth, type HealthState, type HealthThresholds, type HealthVerdict, type ServiceProbe } from './healthAssessment';
import { type RequestCounters, RequestWindow } from './requestWindow';
import { type Scheduler } from '../platform/scheduler';

export interface HealthMonitorDeps {
  /** provider.getStatus(): a timed GET /models. */
  check: () => Promise<ServiceProbe>;
  /** Cumulative request counters: tracker.getMetrics() or provider.getMetrics(). */
  metrics: () => RequestCounters;
  /** False while a check could not mean anything (no API key, no consent): the tick is skipped. */
  canCheck?: () => boolean;
  /** Read at every check, so a settings change applies at once. */
  thresholds: () => Pick<HealthThresholds, 'p95ThresholdMs'> & Partial<HealthThresholds>;
  now: () => number;
  scheduler: Scheduler;
  /** The trailing window success rate is judged over. Default 15 minutes. */
  windowMs?: number;
}

type Listener = (verdict: HealthVerdict) => void;
/** Undefined after reset(): no verdict, the state is 'ok' again. */
type StateListener = (verdict: HealthVerdict | undefined) => void;

const DEFAULT_WINDOW_MS = 15 * 60_000;
const DEFAULTS = { minSuccessRate: 0.95, minRequests: 20 };

export class HealthMonitor {
  private readonly window: RequestWindow;
  private readonly stateListeners = new Set<StateListener>();
  private readonly warningListeners = new Set<Listener>();
  private timer: { dispose(): void } | undefined;
  private inFlight: Promise<HealthVerdict> | undefined;
  private current: HealthState = 'ok';
  private last: HealthVerdict | undefined;
  /** True from the first bad check of an episode until a check is 'ok' again. */
  private episodeAnnounced = false;

  constructor(private readonly deps: HealthMonitorDeps) {
    this.window = new RequestWindow(deps.windowMs ?? DEFAULT_WINDOW_MS);
  }

  get state(): HealthState {
    return this.current;
  }

  get lastVerdict(): HealthVerdict | undefined {
    return this.last;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** (Re)starts the periodic checks; the counters now are the window's first point. */
  start(intervalMs: number): void {
    this.stop();
    this.window.record(this.deps.now(), this.deps.metrics());
    this.timer = this.deps.scheduler.every(() => {
      if (this.deps.canCheck && !this.deps.canCheck()) return;
      void this.checkNow();
    }, intervalMs);
  }

  stop(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }

  /** Forgets the state (monitoring was switched off): back to 'ok', and the next bad check warns. */
  reset(): void {
    this.episodeAnnounced = false;
    this.last = undefined;
    if (this.current === 'ok') return;
    this.current = 'ok';
    for (const listener of [...this.stateListeners]) listener(undefined);
  }

  /**
   * Checks now; a check already running is shared, not doubled. `announce: false` (the Check
   * Service Health command, which shows the verdict itself) fires no warning, but the episode still
   * counts as announced.
   */
  checkNow(options: { announce?: boolean } = {}): Promise<HealthVerdict> {
    this.inFlight ??= this.runCheck(options.announce ?? true).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  onDidChangeState(listener: StateListener): { dispose(): void } {
    this.stateListeners.add(listener);
    return { dispose: () => this.stateListeners.delete(listener) };
  }

  /** Once per bad episode. */
  onWarning(listener: Listener): { dispose(): void } {
    this.warningListeners.add(listener);
    return { dispose: () => this.warningListeners.delete(listener) };
  }

  dispose(): void {
    this.stop();
    this.stateListeners.clear();
    this.warningListeners.clear();
  }

  private async runCheck(announce: boolean): Promise<HealthVerdict> {
    const probe = await this.deps.check().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    const checkedAt = this.deps.now();
    const window = this.window.record(checkedAt, this.deps.metrics());
    const verdict = assessHealth({ probe, window, checkedAt }, { ...DEFAULTS, ...this.deps.thresholds() });
    this.last = verdict;
    const changed = verdict.state !== this.current;
    this.current = verdict.state;
    if (changed) for (const listener of [...this.stateListeners]) listener(verdict);
    if (verdict.state === 'ok') {
      this.episodeAnnounced = false;
    } else if (!this.episodeAnnounced) {
      this.episodeAnnounced = true;
      if (announce) for (const listener of [...this.warningListeners]) listener(verdict);
    }
    return verdict;
  }
}
