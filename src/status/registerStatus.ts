/**
 * The status feature: the status bar item and its menu. It follows the settings (model, quota, inline
 * switch), the key and consent (what is missing), the health checks (via the platform's
 * ServiceHealth) and every finished request of every feature (the core's one request-outcome stream).
 */
import type * as vscode from 'vscode';
import { type Services } from '../platform/platform';
import { type Settings } from '../platform/settings';
import { StatusBarController } from './statusBar';
import { registerStatusMenu } from './statusMenu';

const HEALTH_TO_STATE = { ok: 'ready', degraded: 'unhealthy', down: 'offline' } as const;

function quotaOf(settings: Settings) {
  return { requestsPerDay: settings.rateLimits.requestsPerDay, tokensPerDay: settings.rateLimits.tokensPerDay };
}

export function registerStatus(context: vscode.ExtensionContext, services: Services): StatusBarController {
  const settings = services.settings();
  const statusBar = new StatusBarController({
    dayUsage: () => services.registry.dayUsage(),
    model: settings.models.chat,
    quota: quotaOf(settings),
    inlineEnabled: settings.inlineCompletions.enabled,
    snooze: services.inlineSnooze,
    budget: { spend: () => services.spendGuard.snapshot(), inlinePause: () => services.spendGuard.inlinePause(), onDidChange: services.spendGuard.onDidChange },
  });
  const refreshSetup = async () => {
    const hasKey = (await services.keyStore.get()) !== undefined;
    statusBar.setSetup(!hasKey ? 'needsKey' : (await services.consent.hasConsent()) ? 'ready' : 'needsConsent');
  };
  const refresh = () => void refreshSetup().catch((error) => services.log.error('Could not read the key or consent state:', error));
  refresh();
  context.subscriptions.push(
    statusBar,
    registerStatusMenu({ statusBar, snooze: services.inlineSnooze, showLog: () => services.log.show() }),
    services.registry.onDidFinishRequest((event) => statusBar.requestFinished(event)),
    services.servedChatModel.onDidChange((model) => statusBar.setServedModel(model)),
    services.personalData.onDidDeleteAll(() => statusBar.refresh()),
    services.serviceHealth.onDidChange((health) => statusBar.setState(HEALTH_TO_STATE[health.state], health.summary)),
    services.keyStore.onDidChange(refresh),
    services.consent.onDidChange(refresh),
    services.onDidChangeSettings((next) => {
      statusBar.setModel(next.models.chat);
      statusBar.setQuota(quotaOf(next));
      statusBar.setInlineEnabled(next.inlineCompletions.enabled);
      refresh();
    }),
  );
  return statusBar;
}
