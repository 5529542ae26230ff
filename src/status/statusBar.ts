/**
 * The one status bar item: the model, the service state, the rate-limit countdown, the last 24 hours'
 * usage against the daily quota and the last latency. It learns of requests from the core's one
 * request-outcome stream (every feature's requests); a click opens the status menu.
 */
import * as vscode from 'vscode';
import { type InlineSnooze } from '../platform/inlineSnooze';
import { type BudgetPause } from '../platform/spendGuard';
import { type RequestFinished } from '../provider/requestOutcomes';
import { type InlineMode, renderStatus, type ServiceState, type SpendFigures, type StatusSnapshot } from './statusView';

export type { ServiceState } from './statusView';

/** What the user must set up before anything is sent; shown over the service's health. */
export type SetupState = 'ready' | 'needsKey' | 'needsConsent';
/** What the health checks found, in the item's words (src/health's HealthState is 'ok' | 'degraded' | 'down'). */
type ServiceHealth = 'ready' | 'offline' | 'unhealthy';

export interface StatusBarOptions {
  /** Requests and tokens of the trailing 24 hours, as the core's rate limiter counts them (ModelRegistry.dayUsage). */
  dayUsage: () => StatusSnapshot['today'];
  model: string;
  quota: StatusSnapshot['quota'];
  inlineEnabled: boolean;
  /** The shared snooze the status menu sets and the inline provider reads. */
  snooze: InlineSnooze;
  /** The spend budget: its figures, its inline pause and when they change (the platform's SpendGuard). */
  budget: { spend(): SpendFigures; inlinePause(): BudgetPause | undefined; onDidChange: vscode.Event<void> };
  now?: () => number;
}

export class StatusBarController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('grokCodeFast.status', vscode.StatusBarAlignment.Right, 100);
  private readonly now: () => number;
  private readonly dayUsage: () => StatusSnapshot['today'];
  private snapshot: Omit<StatusSnapshot, 'inline' | 'today' | 'state'>;
  private setup: SetupState = 'ready';
  private health: ServiceHealth = 'ready';
  private inlineEnabled: boolean;
  private readonly snooze: InlineSnooze;
  private readonly snoozeSubscription: vscode.Disposable;
  private readonly budget: StatusBarOptions['budget'];
  private readonly budgetSubscription: vscode.Disposable;
  private ticker: NodeJS.Timeout | undefined;
  /** Redraws when the budget's pause ends (local midnight or the 1st). */
  private pauseEnd: NodeJS.Timeout | undefined;

  constructor(options: StatusBarOptions) {
    this.now = options.now ?? Date.now;
    this.dayUsage = options.dayUsage;
    this.inlineEnabled = options.inlineEnabled;
    this.snooze = options.snooze;
    this.snoozeSubscription = this.snooze.onDidChange(() => this.render());
    this.budget = options.budget;
    this.budgetSubscription = this.budget.onDidChange(() => this.render());
    this.snapshot = { model: options.model, quota: options.quota };
    this.item.name = 'Grok Code Fast'; // not UI text: the product's name
    this.item.command = 'grokCodeFast.statusMenu';
    this.render();
    this.item.show();
  }

  /** The service's health, from the health checks or a failed request; `detail` goes in the tooltip. */
  setState(state: ServiceHealth, detail?: string): void {
    this.health = state;
    this.snapshot = { ...this.snapshot, detail };
    this.render();
  }

  /** Whether the key and consent are in place (kept by the platform). */
  setSetup(setup: SetupState): void {
    this.setup = setup;
    this.render();
  }

  /** What the item shows: a missing key or consent first, else the health. */
  get state(): ServiceState {
    return this.setup !== 'ready' ? this.setup : this.health;
  }

  /** Redraws from the counted figures (e.g. after Delete My Data emptied them). */
  refresh(): void {
    this.render();
  }

  setModel(model: string): void {
    if (model === this.snapshot.model) return;
    this.snapshot = { ...this.snapshot, model, servedModel: undefined };
    this.render();
  }

  /** The model that answered the configured one's last request; undefined when it was the same model. */
  setServedModel(servedModel: string | undefined): void {
    if (servedModel === this.snapshot.servedModel) return;
    this.snapshot = { ...this.snapshot, servedModel };
    this.render();
  }

  setQuota(quota: StatusSnapshot['quota']): void {
    this.snapshot = { ...this.snapshot, quota };
    this.render();
  }

  /** One finished request of any feature: a success sets the last latency, a rate limit starts the countdown; the usage is read anew. */
  requestFinished(event: RequestFinished): void {
    if (event.outcome === 'success' && event.latencyMs !== null) this.snapshot = { ...this.snapshot, lastLatencyMs: event.latencyMs };
    if (event.retryAfter !== undefined) {
      this.snapshot = { ...this.snapshot, rateLimitedUntilMs: this.now() + Math.max(0, event.retryAfter) * 1000 };
    }
    this.render();
  }

  /** The figures the item shows now (what the integration tests read). */
  get usage(): StatusSnapshot['today'] {
    return this.dayUsage();
  }

  setInlineEnabled(enabled: boolean): void {
    if (enabled === this.inlineEnabled) return;
    this.inlineEnabled = enabled;
    this.render();
  }

  isInlineSnoozed(): boolean {
    return this.inlineMode().kind === 'snoozed';
  }

  /** What the item shows now: its text and tooltip (what the integration tests read). */
  get view(): { text: string; tooltip: string } {
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '') };
  }

  /** True when completions may run: enabled in settings, not snoozed and not paused by the budget. */
  isInlineActive(): boolean {
    return this.inlineMode().kind === 'on';
  }

  dispose(): void {
    this.stopTicker();
    if (this.pauseEnd) clearTimeout(this.pauseEnd);
    this.snoozeSubscription.dispose();
    this.budgetSubscription.dispose();
    this.item.dispose();
  }

  private isRateLimited(): boolean {
    return (this.snapshot.rateLimitedUntilMs ?? 0) > this.now();
  }

  private inlineMode(): InlineMode {
    if (!this.inlineEnabled) return { kind: 'off' };
    const until = this.snooze.snoozedUntil;
    if (until !== undefined) return { kind: 'snoozed', untilMs: until };
    const pause = this.budget.inlinePause();
    if (pause) return { kind: 'budget', period: pause.period, untilMs: pause.untilMs };
    return { kind: 'on' };
  }

  private render(): void {
    const inline = this.inlineMode();
    const view = renderStatus(
      { ...this.snapshot, state: this.state, detail: this.setup === 'ready' ? this.snapshot.detail : undefined, inline, today: this.dayUsage(), spend: this.budget.spend() },
      this.now(),
    );
    this.item.text = view.text;
    this.item.tooltip = new vscode.MarkdownString(view.tooltip, true);
    this.item.backgroundColor = view.attention ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const counting = this.isRateLimited() || typeof this.snooze.snoozedUntil === 'number';
    if (counting) this.startTicker();
    else this.stopTicker();
    if (this.pauseEnd) clearTimeout(this.pauseEnd);
    this.pauseEnd = inline.kind === 'budget' ? setTimeout(() => this.render(), Math.min(Math.max(0, inline.untilMs - this.now()) + 1000, 2 ** 31 - 1)) : undefined;
  }

  private startTicker(): void {
    this.ticker ??= setInterval(() => this.render(), 1000);
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
