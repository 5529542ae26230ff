/**
 * The health feature: the periodic checks (as the settings say), the once-per-episode warning and
 * Check Service Health. Every feature's finished requests count (the core's request-outcome
 * stream); the verdict goes to the platform's ServiceHealth, which the status bar shows.
 */
import * as vscode from 'vscode';
import { type Services } from '../platform/platform';
import { systemScheduler } from '../platform/scheduler';
import { HealthController } from './healthController';

export function registerHealth(context: vscode.ExtensionContext, services: Services): void {
  const health = new HealthController({
    // No key or an invalid custom URL: nothing to probe.
    getProvider: () => (services.hasApiKeyNow() && services.settings().endpoint.baseUrl !== null ? services.providerFor('chat') : undefined),
    onDidFinishRequest: (listener) => services.registry.onDidFinishRequest(listener),
    onHealthChange: (state, verdict) => services.serviceHealth.report({ state, summary: verdict?.summary }),
    showReport: () => void vscode.commands.executeCommand('grokCodeFast.showPerformanceReport'),
    logger: services.log,
    now: Date.now,
    scheduler: systemScheduler,
  });
  health.applySettings(services.settings());
  context.subscriptions.push(
    health,
    services.onDidChangeSettings((settings) => health.applySettings(settings)),
    vscode.commands.registerCommand('grokCodeFast.checkHealth', () => health.checkHealthCommand()),
  );
}
