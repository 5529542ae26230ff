/**
 * Registers the Grok models for VS Code's chat under the vendor `grok` (package.json
 * `contributes.languageModelChatProviders`) and asks VS Code to re-read the list when the key,
 * consent or settings change.
 */
import * as vscode from 'vscode';
import { type Platform } from '../platform/platform';
import { type ModelRegistry } from '../provider/registry';
import { GrokChatModelProvider } from './grokChatModelProvider';

export const VENDOR = 'grok';

export interface GrokChatModelsDeps {
  platform: Pick<Platform, 'keyStore' | 'consent' | 'userId' | 'onDidChangeSettings'>;
  registry: Pick<ModelRegistry, 'listModels' | 'getProvider'>;
  /** The configured endpoint's base URL; throws the core's InvalidConfigError when it is not usable. */
  endpoint(): string;
}

export function registerGrokChatModels({ platform, registry, endpoint }: GrokChatModelsDeps): vscode.Disposable {
  const provider = new GrokChatModelProvider({
    listModels: () => registry.listModels(),
    streamEvents: (modelId, request) => {
      // An invalid custom URL stops the request instead of sending it to the last good endpoint.
      endpoint();
      return registry.getProvider(modelId).streamEvents(request);
    },
    hasApiKey: async () => (await platform.keyStore.get()) !== undefined,
    hasConsent: () => platform.consent.hasConsent(),
    ensureConsent: (models) => platform.consent.ensureConsent(models),
    userId: platform.userId,
  });
  const refresh = () => provider.refresh();
  return vscode.Disposable.from(
    provider,
    vscode.lm.registerLanguageModelChatProvider(VENDOR, provider),
    platform.keyStore.onDidChange(refresh),
    platform.consent.onDidChange(refresh),
    platform.onDidChangeSettings(refresh),
  );
}
