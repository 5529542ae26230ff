/**
 * What to say while a request waits without data: "rate-limited, retrying in 7 s" counting down
 * during an automatic retry, and "no data for 6 s…" once a stream has been silent for a few seconds
 * (long before any transport timeout fires). Pure and clock-driven, so the chat and the actions'
 * progress notifications say the same and tests drive it with a fake clock; callers re-read `text()`
 * about once a second.
 */
import * as l10n from '@vscode/l10n';
import { formatDuration } from '../provider/duration';
import { type RetryNotice } from '../provider/types';

/** Silence shorter than this is a normal wait for the first token, and says nothing. */
export const STALL_NOTICE_MS = 5000;

export class WaitingStatus {
  private lastDataAt: number;
  private retry: { code: string; until: number } | undefined;

  constructor(
    private readonly now: () => number,
    private readonly stallNoticeMs = STALL_NOTICE_MS,
  ) {
    this.lastDataAt = now();
  }

  /** Something arrived from the model (a token, a tool call): the wait is over. */
  data(): void {
    this.lastDataAt = this.now();
    this.retry = undefined;
  }

  /** An automatic retry was scheduled (RequestOptions.onRetry). */
  retrying(notice: RetryNotice): void {
    this.retry = { code: notice.code, until: this.now() + Math.max(0, notice.delayMs) };
  }

  /** The line to show now; undefined while data flows. */
  text(): string | undefined {
    const now = this.now();
    if (this.retry !== undefined) {
      const left = this.retry.until - now;
      if (left > 0) return l10n.t('{0}, retrying in {1} s', retryReason(this.retry.code), Math.ceil(left / 1000));
      // The next attempt has started: its silence counts from now.
      this.lastDataAt = this.retry.until;
      this.retry = undefined;
    }
    const silentMs = now - this.lastDataAt;
    return silentMs >= this.stallNoticeMs ? l10n.t('no data for {0}…', formatDuration(Math.floor(silentMs / 1000) * 1000)) : undefined;
  }
}

function retryReason(code: string): string {
  switch (code) {
    case 'rate_limited':
      return l10n.t('rate-limited');
    case 'timeout':
    case 'network_error':
      return l10n.t('the connection failed');
    default:
      return l10n.t('the server failed');
  }
}
