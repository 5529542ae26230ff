/**
 * Composition root: builds the core (registry, limiter, analytics) and the platform adapters, hands
 * each surface what it needs, and keeps them in step with key, setting and consent changes.
 * Nothing else lives here. src/extension.ts loads this module right after activation.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerSelectionActions } from './actions/registerSelectionActions';
import { registerChatView } from './chat/chatViewProvider';
import { HistoryStore } from './chat/historyStore';
import { workspaceKeyOf } from './chat/workspaceKey';
import { WorkspaceTools } from './chat/tools/workspaceTools';
import { createVscodeWorkspaceAccess } from './chat/tools/vscodeWorkspaceAccess';
import { CompletionEngine } from './completion/engine';
import { consentModal } from './onboarding/consentModal';
import { createExcludeMatcher } from './platform/excludeMatcher';
import { registerInlineCompletions } from './completion/provider';
import { FileAnalyticsStore } from './platform/analyticsFileStore';
import { analyticsSalt } from './platform/analyticsSalt';
import { createPlatform, registerPlatformCommands } from './platform/platform';
import { analyticsEnabled, type Settings } from './platform/settings';
import {
  AnalyticsTracker,
  CONSENT_NOTICE,
  GROK_CODE_FAST_1,
  GrokCodeFast1Provider,
  InvalidConfigError,
  ModelRegistry,
  RateLimiter,
  XAI_ENDPOINT,
  type GenerateRequest,
  type ModelRegistryOptions,
} from './provider';
import { registerAnalyticsFeatures } from './report/registerAnalyticsFeatures';

/** Provider settings that follow the user's configuration (key and shared parts are added apart). */
function providerOptions(settings: Settings): ModelRegistryOptions {
  return {
    // An invalid custom URL keeps the previous endpoint: code never goes to a host the user did not pick.
    ...(settings.endpoint.baseUrl !== null && { endpoint: settings.endpoint.baseUrl }),
    maxTokens: settings.maxTokens,
    temperature: settings.temperature,
    rateLimits: settings.rateLimits,
    proxy: settings.proxy,
    rateLimitingEnabled: settings.cloud.features.rateLimiting,
    cachingEnabled: settings.cloud.features.caching,
  };
}

export function start(context: vscode.ExtensionContext) {
  const platform = createPlatform(context, consentModal);
  context.subscriptions.push(platform);
  const { log, statusBar, userId } = platform;
  const settings = () => platform.settings();
  const appInfo = { name: vscode.env.appName, version: String(context.extension.packageJSON.version) };

  const analyticsStore = new FileAnalyticsStore(path.join(context.globalStorageUri.fsPath, 'analytics'));
  void analyticsStore.init().catch((error) => log.error('Could not open the analytics store:', error));
  const tracker = new AnalyticsTracker({
    store: analyticsStore,
    salt: analyticsSalt(context.globalState),
    enabled: () => analyticsEnabled(settings()),
  });
  const registry = new ModelRegistry(log, {
    endpoint: XAI_ENDPOINT,
    apiKey: '',
    ...providerOptions(settings()),
    appInfo,
    consentManager: platform.consentManager,
    analyticsTracker: tracker,
    rateLimiter: new RateLimiter(settings().rateLimits, { store: platform.rateLimitStore }),
  });
  let hasKey = false;
  const applyKey = async () => {
    const key = (await platform.keyStore.get()) ?? '';
    hasKey = key !== '';
    registry.updateConfig({ apiKey: key });
  };
  const keyApplied = applyKey().catch((error) => log.error('Could not read the API key:', error));
  /** The configured endpoint; an invalid custom URL stops requests instead of sending them elsewhere. */
  const endpoint = () => {
    const url = settings().endpoint.baseUrl;
    if (url === null) throw new InvalidConfigError('grokCodeFast.endpoint.url is not a valid https:// (or loopback http://) URL.', 'endpoint');
    return url;
  };
  const providerFor = (feature: 'chat' | 'inline' | 'action') => {
    endpoint();
    return registry.getProvider(settings().models[feature]);
  };

  const history = new HistoryStore(
    context.globalState,
    workspaceKeyOf(vscode.workspace.workspaceFolders?.map((folder) => folder.uri.toString())),
    log,
  );
  const chat = registerChatView(context, {
    extensionUri: context.extensionUri,
    getProvider: () => providerFor('chat'),
    consent: {
      has: () => platform.consent.hasConsent(),
      record: (granted) => platform.consent.setConsent(granted),
      notice: CONSENT_NOTICE,
    },
    hasApiKey: async () => (await keyApplied, hasKey),
    history,
    proposalDocuments: platform.proposalDocuments,
    tools: new WorkspaceTools({ access: createVscodeWorkspaceAccess(), getExcludeGlobs: () => settings().exclude }),
    getSettings: () => ({
      model: settings().models.chat,
      maxTokens: settings().maxTokens,
      temperature: settings().temperature,
      maxToolRounds: settings().chat.maxToolRounds,
    }),
    logger: log,
    userId,
  });

  // Rebuilt when the `caching` cloud switch changes: it turns the completion cache and reuse on or off.
  const makeInlineEngine = (reuse: boolean) =>
    new CompletionEngine({
      model: {
        streamEvents: (request: GenerateRequest) =>
          providerFor('inline').streamEvents({ ...request, metadata: { ...request.metadata, userId } }),
      },
      reuse,
      logger: log,
    });
  let inlineCaching = settings().cloud.features.caching;
  let inlineEngine = makeInlineEngine(inlineCaching);

  const analyticsFeatures = registerAnalyticsFeatures(context, {
    tracker,
    analyticsStore,
    consentManager: platform.consentManager,
    // No key or an invalid custom URL: nothing to probe (providerFor would throw).
    getProvider: () => (hasKey && settings().endpoint.baseUrl !== null ? providerFor('chat') : undefined),
    exportChatHistory: () => history.exportAll(),
    deleteChatHistory: () => history.deleteAll(),
    getSettings: settings,
    onDidChangeSettings: platform.onDidChangeSettings,
    onHealthChange: (state, verdict) =>
      statusBar.setState(state === 'ok' ? 'ready' : state === 'degraded' ? 'unhealthy' : 'offline', verdict?.summary),
    logger: log,
  });

  context.subscriptions.push(
    { dispose: () => void registry.dispose() },
    { dispose: () => void analyticsStore.close() },
    platform.keyStore.onDidChange(() => void applyKey().then(() => chat.refresh())),
    platform.onDidChangeSettings((next) => {
      registry.updateConfig(providerOptions(next));
      registry.getRateLimiter().setLimits(next.rateLimits);
      // Other changes (model, exclude globs, endpoint) only invalidate what is cached; the learned
      // typing rhythm is kept.
      if (next.cloud.features.caching !== inlineCaching) {
        inlineCaching = next.cloud.features.caching;
        inlineEngine = makeInlineEngine(inlineCaching);
      } else {
        inlineEngine.reset();
      }
      chat.refresh();
    }),
    platform.consent.onDidChange(() => {
      inlineEngine.reset();
      chat.refresh();
    }),
    platform.consent.onConsentRevoked(() => chat.stop()),
    registerPlatformCommands(platform, {
      checkApiKey: async (apiKey, signal) => {
        const probe = new GrokCodeFast1Provider(log, { ...providerOptions(settings()), endpoint: endpoint(), apiKey, appInfo });
        try {
          return await probe.checkApiKey(signal);
        } finally {
          await probe.dispose();
        }
      },
      listModels: (signal) => registry.getProvider(GROK_CODE_FAST_1).listModels(signal),
    }),
    registerSelectionActions(context, {
      getProvider: () => providerFor('action'),
      ensureConsent: () => platform.consent.ensureConsent(),
      onConsentRevoked: platform.consent.onConsentRevoked,
      askInChat: (text) => chat.ask(text),
      proposalDocuments: platform.proposalDocuments,
      isExcluded: (document) =>
        createExcludeMatcher(settings().exclude)(vscode.workspace.asRelativePath(document.uri, false), document.uri.fsPath),
      logger: log,
      userId,
      statusBar,
    }),
    registerInlineCompletions(context, {
      engine: { provideCompletion: (input, signal) => inlineEngine.provideCompletion(input, signal) },
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
      hasConsentSync: () => platform.consent.hasConsentNow() === true,
      snoozedUntil: () => (statusBar.isInlineSnoozed() ? Number.POSITIVE_INFINITY : undefined),
      trackInteraction: (action, chars) =>
        void tracker.trackInteraction({ feature: 'inline', model: settings().models.inline, action, chars }),
      onNeedsConsent: () => statusBar.setSetup('needsConsent'),
      logger: log,
    }),
    vscode.commands.registerCommand('grokCodeFast.openChat', () => chat.reveal()),
    vscode.commands.registerCommand('grokCodeFast.newChat', () => chat.newChat()),
    vscode.commands.registerCommand('grokCodeFast.addSelectionToChat', () => chat.addSelection()),
    vscode.commands.registerCommand('grokCodeFast.addFileToChat', () => chat.addCurrentFile()),
  );

  // Test seams exist only when VS Code runs the extension's tests: no other extension can reach them.
  return platform.testApi && { ...platform.testApi, chat: () => chat.chat, analyticsFeatures };
}

