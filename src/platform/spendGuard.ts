/**
 * The user's USD budget in the editor: one SpendBudget (counters in globalState, shared by the
 * windows) that the core's registry checks before every request of every feature and charges when it
 * ends. Here it gets its caps from the settings, its question before an interactive request goes over
 * a cap (one modal a local day), its 80 % notice, and the inline pause the status bar shows: inline
 * and background requests past a cap are refused silently until the cap frees.
 */
import * as vscode from 'vscode';
import { BudgetExceededError, type BudgetSnapshot, type Feature, SpendBudget, type SpendBudgetOptions } from '../provider';
import { type RequestFinished } from '../provider/requestOutcomes';
import { type NoticePrompt } from './noticePrompt';
import { type Settings } from './settings';
import { GlobalStateSpendStore } from './spendStore';

/** The modal asked before going over: true to send. */
export type OverBudgetPrompt = NonNullable<SpendBudgetOptions['confirmOverBudget']>;

/** Why inline completions are paused: which cap and until when (ms epoch). */
export interface BudgetPause {
  period: 'day' | 'month';
  untilMs: number;
}

/** Features that never ask: past a cap they pause until it frees. */
const SILENT: ReadonlySet<Feature> = new Set<Feature>(['inline', 'health', 'other']);

export const CONTINUE_BUTTON = vscode.l10n.t('Continue');

export const askOverBudget: OverBudgetPrompt = async (over) => {
  const limit = over.limitUsd.toFixed(2);
  const spent = over.spentUsd.toFixed(2);
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Continue over budget today?'),
    {
      modal: true,
      detail:
        over.period === 'day'
          ? vscode.l10n.t('You have spent ${0} of your daily budget of ${1}. Continue sends this request and the chat, actions and VS Code chat requests of the rest of today; inline completions stay paused.', spent, limit)
          : vscode.l10n.t('You have spent ${0} of your monthly budget of ${1}. Continue sends this request and the chat, actions and VS Code chat requests of the rest of today; inline completions stay paused.', spent, limit),
    },
    CONTINUE_BUTTON,
  );
  return answer === CONTINUE_BUTTON;
};

export function budgetLimitsOf(settings: Settings): { dailyUsd: number; monthlyUsd: number } {
  return { dailyUsd: settings.budget.dailyUsd, monthlyUsd: settings.budget.monthlyUsd };
}

export interface SpendGuardOptions {
  state: Pick<vscode.Memento, 'get' | 'update'>;
  settings: Settings;
  /** How the 80 % notice is shown (the services' replaceable notice prompt). */
  notice: NoticePrompt;
  now?: () => number;
}

export class SpendGuard implements vscode.Disposable {
  readonly budget: SpendBudget;
  private prompt: OverBudgetPrompt = askOverBudget;
  /** The question being asked: requests that go over meanwhile wait for the same answer. */
  private asking: Promise<boolean> | undefined;
  /** The last silent refusal, until its cap frees or the caps change. */
  private refused: BudgetPause | undefined;
  private readonly now: () => number;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the spend, the caps or the inline pause change. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: { dispose(): void }[];

  constructor(options: SpendGuardOptions) {
    this.now = options.now ?? Date.now;
    this.budget = new SpendBudget(budgetLimitsOf(options.settings), {
      now: this.now,
      store: new GlobalStateSpendStore(options.state),
      confirmOverBudget: (over) => this.ask(over),
    });
    this.subscriptions = [
      this.budget.onDidChange(() => this.changed.fire()),
      this.budget.onThreshold((e) => {
        const limit = e.limitUsd.toFixed(2);
        const spent = e.spentUsd.toFixed(2);
        const message =
          e.period === 'day'
            ? vscode.l10n.t('Grok Code Fast: ${0} of your daily budget of ${1} is spent (80 %).', spent, limit)
            : vscode.l10n.t('Grok Code Fast: ${0} of your monthly budget of ${1} is spent (80 %).', spent, limit);
        const open = vscode.l10n.t('Open Settings');
        void options.notice('info', message, [open]).then((choice) => {
          if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'grokCodeFast.budget');
        });
      }),
    ];
  }

  /** New caps from the settings: a pause they lift ends at once. */
  setLimits(settings: Settings): void {
    this.refused = undefined;
    this.budget.setLimits(budgetLimitsOf(settings));
  }

  /** Test seam: answers the modal instead of the user; undefined restores the modal. */
  setPrompt(prompt: OverBudgetPrompt | undefined): void {
    this.prompt = prompt ?? askOverBudget;
  }

  /** One finished request: a silent feature refused by the budget pauses inline completions until the cap frees. */
  requestFinished(event: RequestFinished): void {
    if (!(event.failure instanceof BudgetExceededError) || !SILENT.has(event.feature)) return;
    this.refused = { period: event.failure.period, untilMs: event.failure.resetsAt };
    this.changed.fire();
  }

  /** Set while inline completions are paused by a cap: reached, or the last request was refused for passing it. */
  inlinePause(): BudgetPause | undefined {
    const { reached } = this.budget.snapshot();
    if (reached) return { period: reached.period, untilMs: reached.resetsAt };
    if (this.refused && this.refused.untilMs <= this.now()) this.refused = undefined;
    return this.refused;
  }

  snapshot(): BudgetSnapshot {
    return this.budget.snapshot();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private ask(over: Parameters<OverBudgetPrompt>[0]): Promise<boolean> {
    this.asking ??= Promise.resolve(this.prompt(over)).finally(() => (this.asking = undefined));
    return this.asking;
  }
}
