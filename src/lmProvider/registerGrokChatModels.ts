/**
 * Registers the Grok models for VS Code's chat under the vendor `grok` (package.json
 * `contributes.languageModelChatProviders`) and asks VS Code to re-read the list when the key,
 * consent or settings change.
 */
import * as vscode from 'vscode';
import { createExcludeMatcher } from '../platform/excludeMatcher';
import { type Services } from '../platform/platform';
import { INTERNAL_COMMANDS } from '../platform/internalCommands';
import { GrokChatModelProvider, SET_API_KEY_COMMAND } from './grokChatModelProvider';
import { acceptLanguageModelsGroup, type KeyVerdictKind } from './languageModelsGroup';

export const VENDOR = 'grok';

/** Add Models → Grok Code Fast (xAI) with the key already set: say so, and offer what the user may have wanted. */
function sayKeyAlreadySet(): void {
  const replace = vscode.l10n.t('Replace API Key');
  const select = vscode.l10n.t('Select Model');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Grok Code Fast already has an API key: its models are in the model picker.'), replace, select)
    .then((choice) => {
      if (choice === replace) void vscode.commands.executeCommand(SET_API_KEY_COMMAND);
      else if (choice === select) void vscode.commands.executeCommand('grokCodeFast.selectModel');
    });
}

export function registerGrokChatModels(context: vscode.ExtensionContext, services: Services): void {
  const { registry, consent, keyStore } = services;
  const provider = new GrokChatModelProvider({
    listModels: () => registry.listModels(),
    streamEvents: (modelId, request) => {
      // An invalid custom URL stops the request instead of sending it to the last good endpoint.
      services.endpoint();
      return registry.getProvider(modelId).streamEvents(request);
    },
    hasApiKey: async () => (await keyStore.get()) !== undefined,
    hasConsent: () => consent.hasConsent(),
    ensureConsent: (models) => consent.ensureConsent(models),
    // Every folder, trusted or not: screening more never sends more.
    acceptGroup: (configuration) =>
      acceptLanguageModelsGroup(configuration, {
        apiKey: () => keyStore.get(),
        useApiKey: async (key) => services.internalCommands.execute<KeyVerdictKind>(INTERNAL_COMMANDS.useApiKey, key),
        askForApiKey: async () => {
          await vscode.commands.executeCommand(SET_API_KEY_COMMAND);
        },
        ensureConsent: () => consent.ensureConsent(),
        sayKeyAlreadySet,
        memento: services.globalState,
        log: (line) => services.log.info(line),
      }),
    workspacePaths: () => ({
      roots: (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath),
      excluded: createExcludeMatcher(services.settings().exclude),
    }),
  });
  const refresh = () => provider.refresh();
  context.subscriptions.push(
    provider,
    vscode.lm.registerLanguageModelChatProvider(VENDOR, provider),
    keyStore.onDidChange(refresh),
    consent.onDidChange(refresh),
    services.onDidChangeSettings(refresh),
  );
}
