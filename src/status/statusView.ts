/**
 * What the status bar item says, as a pure function of the state: its text, its tooltip (markdown) and
 * whether it asks for attention. Kept apart from VS Code so the wording is unit-tested.
 */
import * as l10n from '@vscode/l10n';
import { formatDuration } from '../provider/duration';
import { formatUsd } from '../provider/usd';

export type ServiceState = 'ready' | 'needsKey' | 'needsConsent' | 'offline' | 'unhealthy';

export type InlineMode =
  | { kind: 'on' }
  | { kind: 'off' }
  | { kind: 'snoozed'; untilMs: number | 'restart' }
  /** Paused by the user's daily or monthly USD budget until it frees (local midnight, or the 1st). */
  | { kind: 'budget'; period: 'day' | 'month'; untilMs: number };

/** Today's and this month's spend against the caps (USD; a cap of 0 is no cap). */
export interface SpendFigures {
  dayUsd: number;
  dailyUsd: number;
  monthUsd: number;
  monthlyUsd: number;
}

export interface StatusSnapshot {
  model: string;
  /** The model that answered the last chat request, when it is not `model` (a redirect). */
  servedModel?: string;
  state: ServiceState;
  /** Extra words for the tooltip, e.g. the health check's finding. */
  detail?: string;
  /** Epoch ms until which the local or the server's rate limit blocks requests. */
  rateLimitedUntilMs?: number;
  inline: InlineMode;
  /** Requests and tokens of the trailing 24 hours (the day limits' window). */
  today: { requests: number; tokens: number };
  quota: { requestsPerDay: number; tokensPerDay: number };
  /** The spend budget's figures; no line without them. */
  spend?: SpendFigures;
  lastLatencyMs?: number;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** True when the user must act or wait: the item takes the warning colour. */
  attention: boolean;
}

const STATE_LABEL: Record<ServiceState, { icon: string; words: () => string }> = {
  ready: { icon: '$(check)', words: () => l10n.t('Ready') },
  needsKey: { icon: '$(key)', words: () => l10n.t('Needs an API key') },
  needsConsent: { icon: '$(shield)', words: () => l10n.t('Needs data-use consent') },
  offline: { icon: '$(cloud-offline)', words: () => l10n.t('Offline: the endpoint cannot be reached') },
  unhealthy: { icon: '$(warning)', words: () => l10n.t('Slow or failing: see the health check') },
};

export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0 ? `${minutes}:${String(seconds).padStart(2, '0')}` : `${seconds}s`;
}

function formatCount(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  // Grouped by hand: the first toLocaleString call loads ICU data, ~10 ms on the activation path.
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Local `YYYY-MM-DD HH:mm` of an epoch-ms time. */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function spendLine(spend: SpendFigures): string {
  const cap = (limit: number) => (limit > 0 ? formatUsd(limit) : l10n.t('no cap'));
  return l10n.t('Spend today: {0} / {1} · this month: {2} / {3}', formatUsd(spend.dayUsd), cap(spend.dailyUsd), formatUsd(spend.monthUsd), cap(spend.monthlyUsd));
}

function inlineWords(inline: InlineMode, now: number): string {
  if (inline.kind === 'on') return l10n.t('on');
  if (inline.kind === 'off') return l10n.t('off');
  if (inline.kind === 'budget') {
    const until = formatLocalTime(inline.untilMs);
    return inline.period === 'day'
      ? l10n.t('paused: your daily budget is spent, until {0}', until)
      : l10n.t('paused: your monthly budget is spent, until {0}', until);
  }
  if (inline.untilMs === 'restart') return l10n.t('snoozed until restart');
  return l10n.t('snoozed for {0}', formatCountdown(inline.untilMs - now));
}

export function renderStatus(s: StatusSnapshot, now: number): StatusView {
  const limitedMs = s.rateLimitedUntilMs === undefined ? 0 : s.rateLimitedUntilMs - now;
  const limited = limitedMs > 0;
  const label = STATE_LABEL[s.state];
  const icon = limited ? '$(watch)' : s.state === 'ready' && s.inline.kind !== 'on' ? '$(circle-slash)' : label.icon;
  const paused = s.inline.kind === 'budget';
  const suffix = limited ? ` ${formatCountdown(limitedMs)}` : paused ? ` · ${l10n.t('budget spent')}` : '';
  const stateLine = limited ? l10n.t('Rate-limited: retry in {0}', formatCountdown(limitedMs)) : label.words();
  const tooltip = [
    // not UI text: the product's name and model ids
    `**Grok Code Fast** · \`${s.model}\`${s.servedModel ? ` · ${l10n.t('answered by {0}', `\`${s.servedModel}\``)}` : ''}`,
    '',
    `${label.icon} ${stateLine}${s.detail ? ` — ${s.detail}` : ''}`,
    '',
    l10n.t('Inline completions: {0}', inlineWords(s.inline, now)),
    '',
    l10n.t(
      'Last 24 h: {0} / {1} requests, {2} / {3} tokens',
      formatCount(s.today.requests),
      formatCount(s.quota.requestsPerDay),
      formatCount(s.today.tokens),
      formatCount(s.quota.tokensPerDay),
    ),
    '',
    ...(s.spend ? [spendLine(s.spend), ''] : []),
    l10n.t('Last latency: {0}', s.lastLatencyMs === undefined ? '—' : formatDuration(s.lastLatencyMs)),
    '',
    l10n.t('Click for the menu.'),
  ].join('\n');
  return { text: `${icon} ${s.model}${suffix}`, tooltip, attention: limited || paused || s.state !== 'ready' };
}
