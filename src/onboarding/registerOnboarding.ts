/** The onboarding feature: the API key, consent and model selection commands. */
import * as vscode from 'vscode';
import { type Services } from '../platform/platform';
import { GROK_CODE_FAST_1, GrokCodeFast1Provider } from '../provider';
import { clearApiKey, setApiKey, type ApiKeyCommandDeps } from './apiKeyCommands';
import { selectModel, type SelectModelDeps } from './selectModel';

export function registerOnboarding(context: vscode.ExtensionContext, services: Services): void {
  const deps: ApiKeyCommandDeps & SelectModelDeps = {
    keyStore: services.keyStore,
    logger: services.log,
    endpoint: () => services.settings().endpoint.baseUrl ?? undefined,
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
    listModels: (signal) => services.registry.getProvider(GROK_CODE_FAST_1).listModels(signal),
  };
  const { consent } = services;
  context.subscriptions.push(
    vscode.commands.registerCommand('grokCodeFast.setApiKey', (key?: unknown) => setApiKey(deps, key)),
    vscode.commands.registerCommand('grokCodeFast.clearApiKey', () => clearApiKey(deps)),
    vscode.commands.registerCommand('grokCodeFast.showConsent', () => consent.showConsent()),
    vscode.commands.registerCommand('grokCodeFast.revokeConsent', async () => {
      await consent.revoke();
      void vscode.window.showInformationMessage(
        'Grok Code Fast: data-use consent revoked. Requests in flight were stopped and nothing is sent until you consent again.',
      );
    }),
    vscode.commands.registerCommand('grokCodeFast.selectModel', (args?: unknown) => selectModel(deps, args)),
  );
}
