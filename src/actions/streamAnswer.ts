/**
 * One action request under a cancellable progress notification. Cancel (or a consent revocation)
 * aborts the HTTP stream through the request's AbortSignal; the answer's text is handed on as it grows.
 */
import * as vscode from 'vscode';
import { AbortError } from '../provider/errors';
import { type GenerateRequest, type GenerateResult, type StreamEvent } from '../provider/types';

export interface ActionProvider {
  streamEvents(request: GenerateRequest): AsyncIterable<StreamEvent>;
}

export interface StreamAnswerOptions {
  provider: ActionProvider;
  request: GenerateRequest;
  title: string;
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
      const revokedError = new AbortError('Data-use consent was revoked; the request was stopped.');
      const revoked = options.onConsentRevoked(() => controller.abort(revokedError));
      const request = { ...options.request, options: { ...options.request.options, signal: controller.signal } };
      let text = '';
      let shownAt = 0;
      let phase = '';
      const say = (message: string) => {
        if (message !== phase) progress.report({ message: (phase = message) });
      };
      try {
        say('waiting for the model…');
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
        throw new AbortError('The answer ended before it was complete.');
      } catch (error) {
        // A revocation is the user's own stop, not a reason to ask for consent again.
        throw controller.signal.reason === revokedError ? revokedError : error;
      } finally {
        cancel.dispose();
        revoked.dispose();
      }
    },
  );
}
