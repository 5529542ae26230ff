/**
 * The composition root: builds the shared services (src/platform/platform.ts), then registers each
 * feature on them. Each feature subscribes to the setting, key and consent changes it needs; none
 * imports another. src/extension.ts loads this module right after activation.
 */
// First: the vscode-free modules' texts are translated from here on.
import './platform/localization';
import type * as vscode from 'vscode';
import { registerSelectionActions } from './actions/registerSelectionActions';
import { registerChat } from './chat/registerChat';
import { registerInline } from './completion/registerInline';
import { registerGrokChatModels } from './lmProvider/registerGrokChatModels';
import { registerDataRights } from './dataRights/registerDataRights';
import { registerHealth } from './health/registerHealth';
import { consentModal } from './onboarding/consentModal';
import { registerOnboarding } from './onboarding/registerOnboarding';
import { createServices } from './platform/platform';
import { registerAnalyticsFeatures } from './report/registerAnalyticsFeatures';
import { registerStatus } from './status/registerStatus';

export function start(context: vscode.ExtensionContext) {
  const services = createServices(context, consentModal);
  context.subscriptions.push(services);

  const statusBar = registerStatus(context, services);
  registerOnboarding(context, services);
  const chat = registerChat(context, services);
  registerSelectionActions(context, services);
  registerInline(context, services);
  const analyticsFeatures = registerAnalyticsFeatures(context, services);
  const health = registerHealth(context, services);
  registerDataRights(context, services);
  registerGrokChatModels(context, services);

  // Test seams exist only when VS Code runs the extension's tests: no other extension can reach them.
  return services.testApi && { ...services.testApi, chat: () => chat.chat, chatViewVisible: () => chat.visible, statusUsage: () => statusBar.usage, statusView: () => statusBar.view, analyticsFeatures, health };
}
