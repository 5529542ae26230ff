/**
 * Registers the Grok models for VS Code's chat under the vendor `grok` (package.json
 * `contributes.languageModelChatProviders`) and asks VS Code to re-read the list when the key,
 * consent or settings change.
 */
import * as vscode from 'vscode';
import { createExcludeMatcher } from '../platform/excludeMatcher';
import { type Services } from '../platform/platform';
import { GrokChatModelProvider } from './grokChatModelProvider';

export const VENDOR = 'grok';

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
