/**
 * The one status bar item: the model, the service state, the rate-limit countdown, today's usage against
 * the daily quota and the last latency. Surfaces report to it; a click opens the status menu.
 */
import * as vscode from 'vscode';
import * as z from 'zod';
import { type InlineMode, renderStatus, type ServiceState, type StatusSnapshot } from './statusView';

export type { ServiceState } from './statusView';

/** What the user must set up before anything is sent; shown over the service's health. */
export type SetupState = 'ready' | 'needsKey' | 'needsConsent';
/** What the health checks found, in the item's words (src/health's HealthState is 'ok' | 'degraded' | 'down'). */
type ServiceHealth = 'ready' | 'offline' | 'unhealthy';

const USAGE_KEY = 'grokCodeFast.statusBar.today';
const UsageSchema = z.object({ day: z.string(), requests: z.number().int().min(0), tokens: z.number().min(0) });

export interface StatusBarOptions {
  /** Where today's counts survive a restart (globalState). */
  state: vscode.Memento;
  model: string;
  quota: StatusSnapshot['quota'];
  inlineEnabled: boolean;
  now?: () => number;
}

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export class StatusBarController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('grokCodeFast.status', vscode.StatusBarAlignment.Right, 100);
  private readonly now: () => number;
  private readonly memento: vscode.Memento;
  private snapshot: Omit<StatusSnapshot, 'inline' | 'today' | 'state'>;
  private setup: SetupState = 'ready';
  private health: ServiceHealth = 'ready';
  private usage: z.infer<typeof UsageSchema>;
  private inlineEnabled: boolean;
  private snoozedUntil: number | 'restart' | undefined;
  private ticker: NodeJS.Timeout | undefined;

  constructor(options: StatusBarOptions) {
    this.now = options.now ?? Date.now;
    this.memento = options.state;
    this.inlineEnabled = options.inlineEnabled;
    const stored = UsageSchema.safeParse(this.memento.get(USAGE_KEY));
    this.usage = stored.success ? stored.data : { day: '', requests: 0, tokens: 0 };
    this.snapshot = { model: options.model, quota: options.quota };
    this.item.name = 'Grok Code Fast';
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

  setModel(model: string): void {
    this.snapshot = { ...this.snapshot, model };
    this.render();
  }

  setQuota(quota: StatusSnapshot['quota']): void {
    this.snapshot = { ...this.snapshot, quota };
    this.render();
  }

  /** One finished request: counts toward today's figures and sets the last latency. */
  recordRequest(r: { tokens: number; latencyMs: number }): void {
    const today = this.today();
    this.usage = { day: localDay(this.now()), requests: today.requests + 1, tokens: today.tokens + Math.max(0, r.tokens) };
    this.snapshot = { ...this.snapshot, lastLatencyMs: r.latencyMs };
    void this.memento.update(USAGE_KEY, this.usage);
    this.render();
  }

  setRateLimited(retryAfterSeconds: number): void {
    this.snapshot = { ...this.snapshot, rateLimitedUntilMs: this.now() + Math.max(0, retryAfterSeconds) * 1000 };
    this.render();
  }

  setInlineEnabled(enabled: boolean): void {
    if (enabled === this.inlineEnabled) return;
    this.inlineEnabled = enabled;
    this.render();
  }

  /** Pauses completions until `untilMs` (epoch ms) or until the editor restarts; undefined wakes them. */
  snoozeInline(untilMs: number | 'restart' | undefined): void {
    this.snoozedUntil = untilMs;
    this.render();
  }

  isInlineSnoozed(): boolean {
    return this.inlineMode().kind === 'snoozed';
  }

  /** True when completions may run: enabled in settings and not snoozed. */
  isInlineActive(): boolean {
    return this.inlineMode().kind === 'on';
  }

  dispose(): void {
    this.stopTicker();
    this.item.dispose();
  }

  private isRateLimited(): boolean {
    return (this.snapshot.rateLimitedUntilMs ?? 0) > this.now();
  }

  private inlineMode(): InlineMode {
    if (!this.inlineEnabled) return { kind: 'off' };
    const until = this.snoozedUntil;
    if (until === 'restart' || (until !== undefined && until > this.now())) return { kind: 'snoozed', untilMs: until };
    return { kind: 'on' };
  }

  /** Today's counts; yesterday's are dropped at local midnight. */
  private today(): StatusSnapshot['today'] {
    if (this.usage.day !== localDay(this.now())) return { requests: 0, tokens: 0 };
    return { requests: this.usage.requests, tokens: this.usage.tokens };
  }

  private render(): void {
    const inline = this.inlineMode();
    // A snooze that ran out is over: the countdown ticker stops.
    if (typeof this.snoozedUntil === 'number' && inline.kind !== 'snoozed') this.snoozedUntil = undefined;
    const view = renderStatus(
      { ...this.snapshot, state: this.state, detail: this.setup === 'ready' ? this.snapshot.detail : undefined, inline, today: this.today() },
      this.now(),
    );
    this.item.text = view.text;
    this.item.tooltip = new vscode.MarkdownString(view.tooltip, true);
    this.item.backgroundColor = view.attention ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const counting = this.isRateLimited() || typeof this.snoozedUntil === 'number';
    if (counting) this.startTicker();
    else this.stopTicker();
  }

  private startTicker(): void {
    this.ticker ??= setInterval(() => this.render(), 1000);
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
