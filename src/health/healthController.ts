/**
 * The VS Code side of health: runs the monitor as the settings say (no timer at all when the cloud
 * feature `monitoring` is off), shows the once-per-episode warning, and the Check Service Health command.
 */
import * as vscode from 'vscode';
import { type Settings } from '../platform/settings';
import { RequestMetrics } from '../provider/analytics';
import { type RequestFinished } from '../provider/requestOutcomes';
import { type Logger } from '../provider/types';
import { type HealthState, type HealthVerdict, type ServiceProbe } from './healthAssessment';
import { HealthMonitor } from './healthMonitor';
import { type RequestCounters } from './requestWindow';
import { type Scheduler } from '../platform/scheduler';

/** What the monitor needs of the provider: GrokCodeFast1Provider fits. */
export interface HealthProbeTarget {
  getStatus(): Promise<ServiceProbe>;
}

export interface HealthControllerDeps {
  /** Undefined while no provider can run (no API key, no endpoint): checks are skipped. */
  getProvider: () => HealthProbeTarget | undefined;
  /**
   * True only while the user has consented to the current endpoint. Read at every tick: without it
   * (never given, or revoked) the background check sends nothing, not even the key.
   */
  backgroundAllowed: () => boolean;
  /** The core's request-outcome stream (ModelRegistry.onDidFinishRequest): every feature's requests count toward the success rate. */
  onDidFinishRequest: (listener: (event: RequestFinished) => void) => { dispose(): void };
  onHealthChange: (state: HealthState, verdict: HealthVerdict | undefined) => void;
  showReport: () => void;
  logger: Logger;
  now: () => number;
  scheduler: Scheduler;
}

const MINUTE_MS = 60_000;

export class HealthController implements vscode.Disposable {
  private readonly monitor: HealthMonitor;
  /** Requests that were sent and not cancelled, of every feature and model. */
  private readonly requests = new RequestMetrics();
  private readonly subscriptions: { dispose(): void }[] = [];
  private settings: Settings['health'] | undefined;
  private intervalMs: number | undefined;

  constructor(private readonly deps: HealthControllerDeps) {
    this.monitor = new HealthMonitor({
      check: async () => {
        const provider = deps.getProvider();
        if (!provider) throw new Error(vscode.l10n.t('no provider is configured'));
        return provider.getStatus();
      },
      metrics: (): RequestCounters => this.requests.snapshot(),
      canCheck: () => deps.backgroundAllowed() && deps.getProvider() !== undefined,
      thresholds: () => ({ p95ThresholdMs: this.settings?.p95ThresholdMs ?? 10_000 }),
      now: deps.now,
      scheduler: deps.scheduler,
    });
    this.subscriptions.push(
      deps.onDidFinishRequest((event) => {
        if (event.latencyMs === null || event.outcome === 'aborted') return;
        this.requests.add({ outcome: event.outcome, latencyMs: event.latencyMs, ttftMs: event.ttftMs, totalTokens: event.usage?.totalTokens ?? 0 });
      }),
      this.monitor.onDidChangeState((verdict) => deps.onHealthChange(verdict?.state ?? 'ok', verdict)),
      this.monitor.onWarning((verdict) => void this.warn(verdict)),
    );
  }

  get state(): HealthState {
    return this.monitor.state;
  }

  /** Starts, restarts or stops the periodic checks to match the settings. */
  applySettings(settings: Settings): void {
    this.settings = settings.health;
    if (!settings.cloud.features.monitoring) {
      if (this.monitor.running) this.deps.logger.info('Health monitoring off (cloud feature "monitoring")');
      this.monitor.stop();
      this.monitor.reset();
      this.intervalMs = undefined;
      return;
    }
    const intervalMs = settings.health.intervalMinutes * MINUTE_MS;
    if (this.monitor.running && intervalMs === this.intervalMs) return;
    this.intervalMs = intervalMs;
    this.monitor.start(intervalMs);
  }

  /** Check Service Health: checks now and shows the verdict (which then counts as the episode's warning). */
  async checkHealthCommand(): Promise<HealthVerdict | undefined> {
    if (!this.deps.getProvider()) {
      const action = await vscode.window.showWarningMessage(vscode.l10n.t('Grok is not set up yet: set an API key first.'), vscode.l10n.t('Set API Key'));
      if (action) void vscode.commands.executeCommand('grokCodeFast.setApiKey');
      return undefined;
    }
    const verdict = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the Grok service…') },
      () => this.monitor.checkNow({ announce: false }),
    );
    this.deps.logger.info(`Health check: ${verdict.summary}`);
    if (verdict.state === 'ok') void vscode.window.showInformationMessage(verdict.summary);
    else if (verdict.state === 'degraded') void vscode.window.showWarningMessage(verdict.summary);
    else void vscode.window.showErrorMessage(verdict.summary);
    return verdict;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.monitor.dispose();
  }

  private async warn(verdict: HealthVerdict): Promise<void> {
    this.deps.logger.warn(`Health: ${verdict.summary}`);
    const [report, again] = [vscode.l10n.t('Show Performance Report'), vscode.l10n.t('Check Again')];
    const action = await vscode.window.showWarningMessage(verdict.summary, report, again);
    if (action === report) this.deps.showReport();
    if (action === again) void this.checkHealthCommand();
  }
}
