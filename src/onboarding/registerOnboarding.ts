/**
 * The onboarding feature: the API key, consent and model selection commands, the walkthrough's
 * completion keys, and the served-model notice on every finished request.
 */
import * as vscode from 'vscode';
import { type Services } from '../platform/platform';
import { GrokCodeFast1Provider } from '../provider';
import { INTERNAL_COMMANDS } from '../platform/internalCommands';
import { clearApiKey, setApiKey, useApiKey, type ApiKeyCommandDeps } from './apiKeyCommands';
import { selectModel, type SelectModelDeps } from './selectModel';
import { ServedModelNotice } from './servedModelNotice';

export function registerOnboarding(context: vscode.ExtensionContext, services: Services): void {
  const deps: ApiKeyCommandDeps & SelectModelDeps = {
    keyStore: services.keyStore,
    logger: services.log,
    endpoint: () => services.settings().endpoint.baseUrl ?? undefined,
    apiKeyPrompt: () => services.apiKeyPrompt(),
    // A one-off provider for the key being checked: the stored key stays in use until this one passes.
    checkApiKey: async (apiKey, signal) => {
      const options = { ...services.providerOptions(), endpoint: services.endpoint(), apiKey, appInfo: services.appInfo };
      const probe = new GrokCodeFast1Provider(services.log, options);
      try {
        return await probe.checkApiKey(signal);
      } finally {
        await probe.dispose();
      }
    },
    listModels: (signal) => services.modelCatalogue.listModels(signal),
  };
  const notice = new ServedModelNotice({
    models: services.registry,
    modelsInUse: services.modelsInUse,
    memento: services.globalState,
    setServedModel: (model) => services.servedChatModel.set(model),
    logger: services.log,
    prompt: services.noticePrompt,
  });
  // The walkthrough's steps complete on these, once the key or consent is really there.
  const refreshWalkthrough = async () => {
    await vscode.commands.executeCommand('setContext', 'grokCodeFast.hasApiKey', (await services.keyStore.get()) !== undefined);
    await vscode.commands.executeCommand('setContext', 'grokCodeFast.hasConsent', await services.consent.hasConsent());
  };
  const refresh = () => void refreshWalkthrough().catch((error) => services.log.error('Could not read the key or consent state:', error));
  refresh();
  const { consent } = services;
  context.subscriptions.push(
    services.registry.onDidFinishRequest(
      (event) => void notice.onRequestFinished(event).catch((error) => services.log.error('Model notice failed:', error)),
    ),
    services.keyStore.onDidChange(refresh),
    consent.onDidChange(refresh),
    services.onDidChangeSettings(refresh),
    vscode.commands.registerCommand('grokCodeFast.setApiKey', (...args: unknown[]) => setApiKey(deps, ...args)),
    vscode.commands.registerCommand('grokCodeFast.clearApiKey', () => clearApiKey(deps)),
    services.internalCommands.register(INTERNAL_COMMANDS.useApiKey, async (key: unknown) =>
      typeof key === 'string' && key.trim() !== '' ? (await useApiKey(deps, key.trim())).kind : undefined,
    ),
    vscode.commands.registerCommand('grokCodeFast.showConsent', () => consent.showConsent()),
    vscode.commands.registerCommand('grokCodeFast.revokeConsent', async () => {
      await consent.revoke();
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Grok Code Fast: data-use consent revoked. Requests in flight were stopped and nothing is sent until you consent again.'),
      );
    }),
    vscode.commands.registerCommand('grokCodeFast.selectModel', (args?: unknown) => selectModel(deps, args)),
  );
}
