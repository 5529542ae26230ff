/**
 * The health feature: the periodic checks (as the settings say), the once-per-episode warning and
 * Check Service Health. Every feature's finished requests count (the core's request-outcome
 * stream); the verdict goes to the platform's ServiceHealth, which the status bar shows.
 */
import * as vscode from 'vscode';
import { type Services } from '../platform/platform';
import { systemScheduler } from '../platform/scheduler';
import { type Settings } from '../platform/settings';
import { HealthController, type HealthControllerDeps } from './healthController';

/** What registerHealth hands back to the composition root: a test seam only. */
export interface HealthFeature {
  /** Only when the extension runs under test: the controller's dependencies and the settings, to run one on a fake clock. */
  readonly testing?: { deps: HealthControllerDeps; settings(): Settings };
}

export function registerHealth(context: vscode.ExtensionContext, services: Services): HealthFeature {
  const deps: HealthControllerDeps = {
    // No key or an invalid custom URL: nothing to probe.
    getProvider: () => (services.hasApiKeyNow() && services.settings().endpoint.baseUrl !== null ? services.providerFor('chat') : undefined),
    // No background traffic before consent for this endpoint, and none after a revocation.
    backgroundAllowed: () => services.consent.hasConsentNow() === true,
    onDidFinishRequest: (listener) => services.registry.onDidFinishRequest(listener),
    onHealthChange: (state, verdict) => services.serviceHealth.report({ state, summary: verdict?.summary }),
    showReport: () => void vscode.commands.executeCommand('grokCodeFast.showPerformanceReport'),
    logger: services.log,
    now: Date.now,
    scheduler: systemScheduler,
  };
  const health = new HealthController(deps);
  health.applySettings(services.settings());
  context.subscriptions.push(
    health,
    services.onDidChangeSettings((settings) => health.applySettings(settings)),
    vscode.commands.registerCommand('grokCodeFast.checkHealth', () => health.checkHealthCommand()),
  );
  return services.testApi ? { testing: { deps, settings: services.settings } } : {};
}
