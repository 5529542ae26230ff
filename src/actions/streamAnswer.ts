/**
 * One action request under a cancellable progress notification. Cancel (or a consent revocation)
 * aborts the HTTP stream through the request's AbortSignal; the answer's text is handed on as it grows.
 * While nothing arrives the notification says why ("rate-limited, retrying in 7 s", "no data for 6 s…").
 */
import * as vscode from 'vscode';
import { estimateNotice } from '../platform/estimateNotice';
import { WaitingStatus } from '../platform/waitingStatus';
import { AbortError } from '../provider/errors';
import { type GenerateRequest, type GenerateResult, type RetryNotice, type StreamEvent } from '../provider/types';

/** How often the waiting words are refreshed (the countdown counts whole seconds). */
const WAITING_TICK_MS = 1000;

export interface ActionProvider {
  streamEvents(request: GenerateRequest): AsyncIterable<StreamEvent>;
}

export interface StreamAnswerOptions {
  provider: ActionProvider;
  request: GenerateRequest;
  title: string;
  /** An estimated input cost above this (USD, grokCodeFast.budget.estimateNoticeUsd) is said in the notification; 0: never. */
  estimateNoticeUsd: number;
  onConsentRevoked: vscode.Event<void>;
  /** Called with the whole answer so far, at most every `intervalMs`, and once at the end. */
  onText(text: string): void | Promise<void>;
  now?: () => number;
  intervalMs?: number;
}

export function streamAnswer(options: StreamAnswerOptions): Thenable<GenerateResult> {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 100;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Grok: ${options.title}`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort(new AbortError()));
      const revokedError = new AbortError(vscode.l10n.t('Data-use consent was revoked; the request was stopped.'));
      const revoked = options.onConsentRevoked(() => controller.abort(revokedError));
      const waiting = new WaitingStatus(now);
      let phase = vscode.l10n.t('waiting for the model…');
      let estimate = '';
      let shown = '';
      const show = () => {
        const message = estimate + (waiting.text() ?? phase);
        if (message !== shown) progress.report({ message: (shown = message) });
      };
      const onRetry = (notice: RetryNotice) => {
        waiting.retrying(notice);
        show();
      };
      const onEstimate = (inputUsd: number) => {
        const notice = estimateNotice(inputUsd, options.estimateNoticeUsd);
        if (notice !== '') estimate = `${notice} `;
        show();
      };
      const request = { ...options.request, options: { ...options.request.options, signal: controller.signal, onRetry, onEstimate } };
      const ticker = setInterval(show, WAITING_TICK_MS);
      let text = '';
      let shownAt = 0;
      const say = (message: string) => {
        waiting.data();
        phase = message;
        show();
      };
      try {
        show();
        for await (const event of options.provider.streamEvents(request)) {
          if (event.type === 'reasoning') say('thinking…');
          if (event.type === 'content') {
            text += event.text;
            say('writing…');
            if (now() - shownAt >= intervalMs) {
              shownAt = now();
              await options.onText(text);
            }
          }
          if (event.type === 'done') {
            await options.onText(text);
            return event.result;
          }
        }
        throw new AbortError(vscode.l10n.t('The answer ended before it was complete.'));
      } catch (error) {
        // A revocation is the user's own stop, not a reason to ask for consent again.
        throw controller.signal.reason === revokedError ? revokedError : error;
      } finally {
        clearInterval(ticker);
        cancel.dispose();
        revoked.dispose();
      }
    },
  );
}
