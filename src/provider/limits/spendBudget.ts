/**
 * The user's daily and monthly budget in USD. Days and months are the user's local calendar (an IANA
 * time zone, so a DST day is 23 or 25 hours long). The spend is kept in a SpendStore that outlives the
 * window and is shared with the other windows (VS Code's globalState, like the rate-limit counters):
 * every check and every record reads the store first, so two windows add up instead of overwriting.
 *
 * A request is admitted by its estimated cost before it is sent and its real cost is recorded when it
 * ends. Past a cap, inline and background requests are refused (BudgetExceededError); interactive ones
 * (chat, actions, VS Code's chat) ask once per local day, and nothing is sent without that yes.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { BudgetExceededError } from '../errors';
import { type Feature } from '../types';

/** Caps in USD; 0 means no cap. */
export interface BudgetLimits {
  dailyUsd: number;
  monthlyUsd: number;
}

/** Validates the spend counters read back from a SpendStore (anything invalid starts fresh). */
export const SpendCountersSchema = z.object({
  v: z.literal(1),
  /** Local day `YYYY-MM-DD` and month `YYYY-MM` the sums belong to. */
  day: z.string(),
  dayUsd: z.number().nonnegative(),
  month: z.string(),
  monthUsd: z.number().nonnegative(),
  /** The local day on which the user agreed to go over a cap, if any. */
  overApprovedDay: z.string().optional(),
  /** The day and month whose 80 % notice was shown. */
  noticedDay: z.string().optional(),
  noticedMonth: z.string().optional(),
});
/** The persisted counters: `{ v: 1, day, dayUsd, month, monthUsd, overApprovedDay?, noticedDay?, noticedMonth? }`, days as local `YYYY-MM-DD`, months `YYYY-MM`, amounts in USD. */
export type SpendCounters = z.infer<typeof SpendCountersSchema>;

/** Where the counters live across restarts and windows. */
export interface SpendStore {
  load(): unknown;
  save(counters: SpendCounters): void;
}

/** Today's and this month's spend against the caps, and, when a cap is reached, until when. */
export interface BudgetSnapshot extends BudgetLimits {
  dayUsd: number;
  monthUsd: number;
  /** Set when a cap is reached: which one and when it frees (ms epoch). */
  reached?: { period: 'day' | 'month'; resetsAt: number };
}

/** A period passing 80 % of its cap, announced once per day or month. */
export interface BudgetThreshold {
  period: 'day' | 'month';
  spentUsd: number;
  limitUsd: number;
}

/** How a SpendBudget reads the clock and calendar, where it keeps its counters and how it asks before going over. */
export interface SpendBudgetOptions {
  now?: () => number;
  /** IANA zone of the local calendar; the process's zone by default. */
  timeZone?: string;
  store?: SpendStore;
  /**
   * Asked once per local day before an interactive request goes over a cap; true to send it. Without
   * it, interactive requests are refused like inline ones.
   */
  confirmOverBudget?: (over: { period: 'day' | 'month'; spentUsd: number; limitUsd: number; feature: Feature }) => Promise<boolean>;
}

/** Share of a cap at which the one-time notice is shown. */
export const NOTICE_SHARE = 0.8;

/** Features a person waits on and can be asked (the chat's Apply too); the others (inline, background) pause silently. */
const INTERACTIVE: ReadonlySet<Feature> = new Set<Feature>(['chat', 'apply', 'action', 'vscode-chat']);

class MemorySpendStore implements SpendStore {
  private value: unknown;
  load(): unknown {
    return this.value;
  }
  save(counters: SpendCounters): void {
    this.value = structuredClone(counters);
  }
}

/** The setting that holds a period's cap (grokCodeFast.budget.*). */
export function budgetSetting(period: 'day' | 'month'): string {
  return period === 'day' ? 'grokCodeFast.budget.dailyUsd' : 'grokCodeFast.budget.monthlyUsd';
}

/** Names the cap, what was spent, when it frees (local `YYYY-MM-DD`, 00:00) and the setting that raises it. */
function budgetExceededMessage(over: { period: 'day' | 'month'; spentUsd: number; limitUsd: number }, resetsOn: string): string {
  const limit = over.limitUsd.toFixed(2);
  const spent = over.spentUsd.toFixed(4);
  const setting = budgetSetting(over.period);
  return over.period === 'day'
    ? l10n.t('Your daily budget of ${0} is reached (${1} spent): nothing was sent. It frees on {2} at 00:00 local time; to raise it, set {3} in your user settings (0 = no cap).', limit, spent, resetsOn, setting)
    : l10n.t('Your monthly budget of ${0} is reached (${1} spent): nothing was sent. It frees on {2} at 00:00 local time; to raise it, set {3} in your user settings (0 = no cap).', limit, spent, resetsOn, setting);
}

/**
 * The daily and monthly USD caps of one user, shared by every window through its SpendStore.
 * `admit(feature, estimateUsd)` before a send (throws BudgetExceededError past a cap, unless an
 * interactive feature's user said yes that day); `record(costUsd)` when the request ends; `snapshot()`
 * for the status bar and report.
 */
export class SpendBudget {
  private limits: BudgetLimits;
  private readonly now: () => number;
  private readonly store: SpendStore;
  private readonly format: Intl.DateTimeFormat;
  private confirm: SpendBudgetOptions['confirmOverBudget'];
  private readonly changeListeners = new Set<() => void>();
  private readonly thresholdListeners = new Set<(e: BudgetThreshold) => void>();

  constructor(limits: BudgetLimits, options: SpendBudgetOptions = {}) {
    this.limits = { ...limits };
    this.now = options.now ?? Date.now;
    this.store = options.store ?? new MemorySpendStore();
    this.confirm = options.confirmOverBudget;
    this.format = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  setLimits(limits: BudgetLimits): void {
    this.limits = { ...limits };
    this.fireChange();
  }

  /** Sets the question asked before an interactive request goes over a cap. */
  setConfirm(confirm: SpendBudgetOptions['confirmOverBudget']): void {
    this.confirm = confirm;
  }

  /** Fires after every recorded cost, limit change and reset. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** Fires once per day (and once per month) when the spend passes 80 % of that cap. */
  onThreshold(listener: (e: BudgetThreshold) => void): { dispose(): void } {
    this.thresholdListeners.add(listener);
    return { dispose: () => this.thresholdListeners.delete(listener) };
  }

  snapshot(): BudgetSnapshot {
    const now = this.now();
    const counters = this.current(now);
    const reached = this.over(now, counters, 0);
    return { ...this.limits, dayUsd: counters.dayUsd, monthUsd: counters.monthUsd, ...(reached && { reached: { period: reached.period, resetsAt: reached.resetsAt } }) };
  }

  /**
   * Lets a request costing about `estimateUsd` go, or throws BudgetExceededError (nothing sent).
   * Interactive features past a cap are asked once per local day; a yes admits the rest of that day.
   */
  async admit(feature: Feature, estimateUsd: number): Promise<void> {
    const now = this.now();
    const counters = this.current(now);
    const over = this.over(now, counters, estimateUsd);
    if (!over) return;
    if (INTERACTIVE.has(feature) && this.confirm) {
      if (counters.overApprovedDay === counters.day) return;
      if (await this.confirm({ period: over.period, spentUsd: over.spentUsd, limitUsd: over.limitUsd, feature })) {
        const fresh = this.current(this.now());
        this.store.save({ ...fresh, overApprovedDay: fresh.day });
        return;
      }
    }
    throw new BudgetExceededError(budgetExceededMessage(over, this.dayKey(over.resetsAt)), over.period, over.resetsAt, over.limitUsd);
  }

  /** Adds a finished request's real cost (USD) to today and this month. */
  record(usd: number): void {
    if (!(usd > 0)) return;
    const now = this.now();
    const counters = this.current(now);
    const next = { ...counters, dayUsd: counters.dayUsd + usd, monthUsd: counters.monthUsd + usd };
    const crossed: BudgetThreshold[] = [];
    if (this.limits.dailyUsd > 0 && next.dayUsd >= NOTICE_SHARE * this.limits.dailyUsd && next.noticedDay !== next.day) {
      next.noticedDay = next.day;
      crossed.push({ period: 'day', spentUsd: next.dayUsd, limitUsd: this.limits.dailyUsd });
    }
    if (this.limits.monthlyUsd > 0 && next.monthUsd >= NOTICE_SHARE * this.limits.monthlyUsd && next.noticedMonth !== next.month) {
      next.noticedMonth = next.month;
      crossed.push({ period: 'month', spentUsd: next.monthUsd, limitUsd: this.limits.monthlyUsd });
    }
    this.store.save(next);
    for (const e of crossed) for (const listener of this.thresholdListeners) listener(e);
    this.fireChange();
  }

  /** Forgets the spend (Delete My Data). */
  reset(): void {
    const now = this.now();
    this.store.save(this.fresh(now));
    this.fireChange();
  }

  /** The stored counters as they are now, for an export. */
  counters(): SpendCounters {
    return this.current(this.now());
  }

  /** Local `YYYY-MM-DD` of `at`. */
  dayKey(at: number): string {
    return this.format.format(at);
  }

  /** The first instant after `at` on another local day (next local midnight, DST included). */
  nextDayStart(at: number): number {
    return this.firstChange(at, (t) => this.dayKey(t), 27 * 3_600_000);
  }

  /** The first instant after `at` in another local month. */
  nextMonthStart(at: number): number {
    return this.firstChange(at, (t) => this.dayKey(t).slice(0, 7), 32 * 86_400_000);
  }

  /** Smallest t in (at, at + span] with key(t) !== key(at), to the ms (binary search; keys change once in the span). */
  private firstChange(at: number, key: (t: number) => string, span: number): number {
    const start = key(at);
    let low = at;
    let high = at + span;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (key(mid) === start) low = mid;
      else high = mid;
    }
    return high;
  }

  private over(now: number, counters: SpendCounters, estimateUsd: number) {
    const { dailyUsd, monthlyUsd } = this.limits;
    // A cap is reached when the spend is at it, or this request would pass it.
    const passes = (spent: number, limit: number) => limit > 0 && (spent >= limit || spent + estimateUsd > limit);
    if (monthlyUsd > 0 && passes(counters.monthUsd, monthlyUsd)) {
      return { period: 'month' as const, spentUsd: counters.monthUsd, limitUsd: monthlyUsd, resetsAt: this.nextMonthStart(now) };
    }
    if (dailyUsd > 0 && passes(counters.dayUsd, dailyUsd)) {
      return { period: 'day' as const, spentUsd: counters.dayUsd, limitUsd: dailyUsd, resetsAt: this.nextDayStart(now) };
    }
    return undefined;
  }

  private fresh(now: number): SpendCounters {
    const day = this.dayKey(now);
    return { v: 1, day, dayUsd: 0, month: day.slice(0, 7), monthUsd: 0 };
  }

  /** The stored counters rolled to the local day and month of `now`. */
  private current(now: number): SpendCounters {
    const parsed = SpendCountersSchema.safeParse(this.store.load());
    const fresh = this.fresh(now);
    if (!parsed.success) return fresh;
    const stored = parsed.data;
    const sameMonth = stored.month === fresh.month;
    const sameDay = stored.day === fresh.day;
    return {
      ...fresh,
      dayUsd: sameDay ? stored.dayUsd : 0,
      monthUsd: sameMonth ? stored.monthUsd : 0,
      ...(sameDay && stored.overApprovedDay !== undefined && { overApprovedDay: stored.overApprovedDay }),
      ...(sameDay && stored.noticedDay !== undefined && { noticedDay: stored.noticedDay }),
      ...(sameMonth && stored.noticedMonth !== undefined && { noticedMonth: stored.noticedMonth }),
    };
  }

  private fireChange(): void {
    for (const listener of this.changeListeners) listener();
  }
}
