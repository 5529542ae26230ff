/**
 * The inline completions feature: the engine on the inline model's provider and the VS Code
 * provider around it. The engine is rebuilt when the `caching` cloud switch changes (it turns the
 * cache and reuse on or off); other setting and consent changes only drop what is cached.
 */
import * as vscode from 'vscode';
import { type Services } from '../platform/platform';
import { type GenerateRequest } from '../provider/types';
import { CompletionEngine } from './engine';
import { registerInlineCompletions } from './provider';

export function registerInline(context: vscode.ExtensionContext, services: Services): void {
  const settings = () => services.settings();
  const makeEngine = (reuse: boolean) =>
    new CompletionEngine({
      model: { streamEvents: (request: GenerateRequest) => services.providerFor('inline').streamEvents(request) },
      reuse,
      logger: services.log,
    });
  let caching = settings().cloud.features.caching;
  let engine = makeEngine(caching);

  context.subscriptions.push(
    services.onDidChangeSettings((next) => {
      // The learned typing rhythm is kept unless the engine must be rebuilt.
      if (next.cloud.features.caching !== caching) {
        caching = next.cloud.features.caching;
        engine = makeEngine(caching);
      } else {
        engine.reset();
      }
    }),
    services.consent.onDidChange(() => engine.reset()),
    registerInlineCompletions(context, {
      engine: { provideCompletion: (input, signal) => engine.provideCompletion(input, signal) },
      getSettings: () => {
        const { inlineCompletions: inline, exclude } = settings();
        return {
          enabled: inline.enabled,
          disabledLanguages: inline.disabledLanguages,
          exclude,
          debounceMinMs: inline.debounce.minMs,
          debounceMaxMs: inline.debounce.maxMs,
        };
      },
      isTrusted: () => vscode.workspace.isTrusted,
      hasConsentSync: () => services.consent.hasConsentNow() === true,
      // The user's snooze, else a spent budget: nothing is sent until it frees (the status bar says why).
      snoozedUntil: () => {
        const until = services.inlineSnooze.snoozedUntil;
        return until === 'restart' ? Number.POSITIVE_INFINITY : (until ?? services.spendGuard.inlinePause()?.untilMs);
      },
      trackInteraction: (action, chars) =>
        void services.tracker.trackInteraction({ feature: 'inline', model: services.modelsInUse().inline, action, chars }),
      // The answer may only be unknown yet: reading it fills the gate's cache for the next request (never a modal here).
      onNeedsConsent: () => void services.consent.hasConsent().catch((error) => services.log.error('Could not read consent:', error)),
      logger: services.log,
    }),
  );
}
