/**
 * The one stream of finished requests: every request a provider of the registry started, success,
 * error or cancellation, is announced once when it ends. The status bar and the health monitor
 * subscribe to it instead of each feature reporting its own requests.
 */
import { type Feature, type Usage } from './types';

/** One finished request as the core announces it (ModelRegistry.onDidFinishRequest): times in ms, retryAfter in seconds. */
export interface RequestFinished {
  requestId: string;
  /** The surface the request served (`metadata.feature`; 'other' when none was given). */
  feature: Feature;
  /** The model id the feature asked for. */
  requestedModel: string;
  /** The model the server says answered (its `model` field; may be another id than asked); undefined without an answer. */
  servedModel: string | undefined;
  /** 'aborted': cancelled by the caller or by a consent revocation; neither success nor failure. */
  outcome: 'success' | 'error' | 'aborted';
  /** A success whose answer was empty: ghost text with nothing to suggest (inline only); not an error. */
  noSuggestion?: true;
  /** The error's stable code (GrokError.code, 'unknown' otherwise); errors only. */
  errorCode?: string;
  /** The error itself (a GrokError subclass such as ModelNotServedError, or what was thrown); errors only. */
  failure?: unknown;
  /** Tokens and cost when known (the server's usage, or the core's estimate); undefined when nothing came back. */
  usage: Usage | undefined;
  /** False when refused before anything was sent (no consent, no key, a local limit). */
  sent: boolean;
  /** Milliseconds from sending to the end; null when not sent. */
  latencyMs: number | null;
  /** Milliseconds from sending to the first token; null when none came. */
  ttftMs: number | null;
  /** Seconds until a retry may succeed: present only for a `rate_limited` error (local or server limit). */
  retryAfter?: number;
}

/** Called once per finished request; an exception it throws is ignored. */
export type RequestFinishedListener = (event: RequestFinished) => void;

/** The stream itself: a set of listeners, called in subscription order. */
export class RequestOutcomes {
  private readonly listeners = new Set<RequestFinishedListener>();

  /** Calls `listener` after every finished request until the returned handle is disposed. */
  onDidFinish(listener: RequestFinishedListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** A listener that throws is skipped: one broken subscriber must not fail the request or the others. */
  emit(event: RequestFinished): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // Deliberately ignored (see above).
      }
    }
  }
}
