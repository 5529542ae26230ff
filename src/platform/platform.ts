/**
 * The shared services every feature's `register(context, services)` receives, built once by the
 * composition root (src/main.ts): the log channel, the validated settings (warnings shown once and
 * logged) and their change event, the key store, consent (manager and gate), the core's model
 * registry (given the install's user id once; it follows key and setting changes here), the
 * analytics tracker and its file store, the model catalogue sync, the proposed-edit flow, the inline
 * snooze, the service health, the served chat model and the personal-data holders. Nothing here
 * imports a feature.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  AnalyticsTracker,
  type BudgetSnapshot,
  ConsentManager,
  type GrokCodeFast1Provider,
  InvalidConfigError,
  ModelRegistry,
  type ModelRegistryOptions,
  RateLimiter,
  registerSecret,
  XAI_ENDPOINT,
} from '../provider';
import { FileAnalyticsStore } from './analyticsFileStore';
import { ApiKeyStore } from './apiKeyStore';
import { ConsentGate, type ConsentDialog } from './consentGate';
import { LiveIdentity } from './identity';
import { GlobalStateConsentStore } from './consentStore';
import { type AnalyticsDialogs, interactiveDialogs } from './dialogs';
import { InlineSnooze } from './inlineSnooze';
import { InternalCommands } from './internalCommands';
import { LogChannel } from './logChannel';
import { ModelCatalogueSync } from './modelCatalogue';
import { modelsInUse } from './modelsInUse';
import { AUTO_MODEL } from '../provider/inlineModelChoice';
import { type NoticePrompt, showNotice } from './noticePrompt';
import { PersonalDataHolders } from './personalData';
import { ProposedEdits } from './proposedEdits';
import { GlobalStateRateLimitStore } from './rateLimitStore';
import { SerialMemento } from './serialMemento';
import { ServedChatModel } from './servedChatModel';
import { ServiceHealth } from './serviceHealth';
import { analyticsEnabled, onSettingsChanged, readSettings, type Settings } from './settings';
import { type OverBudgetPrompt, SpendGuard } from './spendGuard';

export type ModelFeature = 'chat' | 'inline' | 'action';

/** What Set API Key's input box would answer: the key typed, or undefined when dismissed. */
export type ApiKeyPrompt = () => Promise<string | undefined>;

export interface Services extends vscode.Disposable {
  log: LogChannel;
  /** The current validated settings. */
  settings(): Settings;
  /** Fires with the new settings after any `grokCodeFast.*` or proxy change (the registry has already applied them). */
  onDidChangeSettings: vscode.Event<Settings>;
  keyStore: ApiKeyStore;
  /** context.globalState behind one write queue: every holder must use this, never globalState itself (see SerialMemento). */
  globalState: vscode.Memento;
  /** True once the stored key was read and is not empty. */
  hasApiKey(): Promise<boolean>;
  /** The last read answer of hasApiKey without waiting; false until the key was read. */
  hasApiKeyNow(): boolean;
  /** Fires after a stored key was read anew and applied to the registry. */
  onDidApplyKey: vscode.Event<void>;
  consentManager: ConsentManager;
  consent: ConsentGate;
  /** The core: one provider per model, one rate limiter, one spend budget, consent and analytics for the install's user. */
  registry: ModelRegistry;
  /** The USD budget every request of every feature is checked against (the registry holds it), its inline pause and figures. */
  spendGuard: SpendGuard;
  /** Keeps the registry's model list: restored at once, refreshed from the endpoint; Select Model's list. */
  modelCatalogue: ModelCatalogueSync;
  tracker: AnalyticsTracker;
  analyticsStore: FileAnalyticsStore;
  /**
   * The configured endpoint's base URL.
   * @throws InvalidConfigError when the custom endpoint URL is invalid: requests stop instead of going elsewhere.
   */
  endpoint(): string;
  /** The model id each feature uses now: the settings', with inline `auto` resolved against the catalogue. */
  modelsInUse(): Record<ModelFeature, string>;
  /**
   * The provider serving `feature`'s configured model (inline `auto`: the model it stands for now).
   * @throws InvalidConfigError when the custom endpoint URL is invalid (nothing is sent elsewhere) or the model is unknown.
   */
  providerFor(feature: ModelFeature): GrokCodeFast1Provider;
  /** The provider options the settings give (endpoint, limits, proxy, switches), for a one-off provider such as the key check. */
  providerOptions(): ModelRegistryOptions;
  appInfo: { name: string; version: string };
  /** The one proposed-edit flow (diff, range tracking, Accept/Reject) the actions and the chat's Apply use. */
  proposedEdits: ProposedEdits;
  inlineSnooze: InlineSnooze;
  serviceHealth: ServiceHealth;
  /** The model that answered the chat model's last request when the endpoint redirected it (the status bar shows it). */
  servedChatModel: ServedChatModel;
  /** How notices about the model list are shown (served-model notice, retired profile); replaceable by the tests. */
  noticePrompt: NoticePrompt;
  personalData: PersonalDataHolders;
  /** The analytics and data-rights questions; replaceable by the integration tests (`setDialogs`). */
  dialogs(): AnalyticsDialogs;
  /** Test seam: replaces some dialogs; undefined restores the interactive ones. */
  setDialogs(dialogs: Partial<AnalyticsDialogs> | undefined): void;
  /** The internal commands (askInChat, refreshReport), run and registered with this activation's caller token. */
  internalCommands: InternalCommands;
  /** Test seam: answers Set API Key's input box instead of the user; undefined outside tests and by default. */
  apiKeyPrompt(): ApiKeyPrompt | undefined;
  /**
   * The seams the integration tests reach through the extension's exported API; undefined outside
   * test mode (ExtensionMode.Test), so no other extension can answer the consent dialog or read the key.
   */
  testApi: PlatformTestApi | undefined;
}

export interface PlatformTestApi {
  setConsentPrompt(dialog: ConsentDialog | undefined): void;
  /** Answers Set API Key's input box (the command takes a key from nowhere else); undefined restores the input box. */
  setApiKeyPrompt(prompt: ApiKeyPrompt | undefined): void;
  /** Answers the model-list notices (redirect, not served, retired profile) and the budget's 80 % notice; undefined restores VS Code's. */
  setNoticePrompt(prompt: NoticePrompt | undefined): void;
  /** Answers "Continue over budget today?"; undefined restores the modal. */
  setOverBudgetPrompt(prompt: OverBudgetPrompt | undefined): void;
  /** Today's and this month's spend against the caps, as the budget counts them. */
  spend(): BudgetSnapshot;
  logLines(): readonly string[];
  settings(): Settings;
  settingsWarnings(): readonly string[];
  storedApiKey(): Promise<string | undefined>;
}

/** Provider settings that follow the user's configuration (key and shared parts are added apart). */
function optionsFrom(settings: Settings): ModelRegistryOptions {
  return {
    // An invalid custom URL keeps the previous endpoint: code never goes to a host the user did not pick.
    ...(settings.endpoint.baseUrl !== null && { endpoint: settings.endpoint.baseUrl }),
    maxTokens: settings.maxTokens,
    temperature: settings.temperature,
    rateLimits: settings.rateLimits,
    proxy: settings.proxy,
    rateLimitingEnabled: settings.cloud.features.rateLimiting,
    cachingEnabled: settings.cloud.features.caching,
    wireApi: settings.endpoint.wireApi,
    reasoningEffort: settings.reasoningEffort,
  };
}

export function createServices(context: vscode.ExtensionContext, consentDialog: ConsentDialog): Services {
  const log = new LogChannel();
  const disposables: vscode.Disposable[] = [log];
  let { settings, warnings } = readSettings();
  const shownWarnings = new Set<string>();
  const announce = (list: string[]) => {
    for (const warning of list) {
      log.warn(warning);
      if (shownWarnings.has(warning)) continue;
      shownWarnings.add(warning);
      void vscode.window.showWarningMessage(vscode.l10n.t('Grok Code Fast: {0}', warning), vscode.l10n.t('Open Settings')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'grokCodeFast');
      });
    }
  };
  log.setVerbose(settings.cloud.features.logging);
  announce(warnings);

  const appInfo = { name: vscode.env.appName, version: String(context.extension.packageJSON.version ?? 'unknown') };
  const keyStore = new ApiKeyStore(context.secrets);
  const globalState = new SerialMemento(context.globalState);
  const identity = new LiveIdentity(globalState);
  const consentManager = new ConsentManager(new GlobalStateConsentStore(globalState), {
    audit: { appName: appInfo.name, appVersion: appInfo.version },
  });
  const consent = new ConsentGate({
    manager: consentManager,
    userId: () => identity.userId(),
    models: () => Object.values(inUse()),
    endpoint: () => settings.endpoint.baseUrl ?? undefined,
    dialog: consentDialog,
    logger: log,
  });
  const analyticsStore = new FileAnalyticsStore(path.join(context.globalStorageUri.fsPath, 'analytics'));
  void analyticsStore.init().catch((error) => log.error('Could not open the analytics store:', error));
  let noticePrompt: NoticePrompt = showNotice;
  const spendGuard = new SpendGuard({ state: globalState, settings, notice: (...args) => noticePrompt(...args) });
  const tracker = new AnalyticsTracker({ store: analyticsStore, salt: () => identity.salt(), enabled: () => analyticsEnabled(settings) });
  const registry = new ModelRegistry(log, {
    endpoint: XAI_ENDPOINT,
    apiKey: '',
    userId: identity.userId(),
    ...optionsFrom(settings),
    appInfo,
    consentManager,
    analyticsTracker: tracker,
    rateLimiter: new RateLimiter(settings.rateLimits, { store: new GlobalStateRateLimitStore(globalState) }),
    // Every provider of the registry checks it before sending and charges it when the request ends.
    spendBudget: spendGuard.budget,
  });
  const inUse = (): Record<ModelFeature, string> => modelsInUse(settings.models, registry.listModels());
  /** The model inline `auto` stood for at the last catalogue read. */
  let inlinePick = inUse().inline;

  const endpoint = () => {
    const url = settings.endpoint.baseUrl;
    if (url === null) throw new InvalidConfigError(vscode.l10n.t('grokCodeFast.endpoint.url is not a valid https:// (or loopback http://) URL.'), 'endpoint');
    return url;
  };
  let hasKey = false;
  const keyApplied = new vscode.EventEmitter<void>();
  const applyKey = async () => {
    const key = (await keyStore.get()) ?? '';
    hasKey = key !== '';
    // From now on the key is cut out of every error, log line, history entry and export, in any form.
    registerSecret(key);
    registry.updateConfig({ apiKey: key });
    keyApplied.fire();
  };
  let keyRead = applyKey().catch((error) => log.error('Could not read the API key:', error));
  const settingsChanged = new vscode.EventEmitter<Settings>();
  const proposedEdits = new ProposedEdits();
  let dialogs = interactiveDialogs;
  let apiKeyPrompt: ApiKeyPrompt | undefined;
  // Restores the last model list at once: no feature can ask for a provider before.
  const modelCatalogue = new ModelCatalogueSync({
    registry,
    settings: () => settings,
    consent,
    memento: globalState,
    logger: log,
    hasKey: () => hasKey,
    prompt: (...args) => noticePrompt(...args),
    onRead: () => {
      const before = inlinePick;
      inlinePick = inUse().inline;
      if (settings.models.inline === AUTO_MODEL && before !== inlinePick) {
        void consent.followAutoModel(before, inlinePick).catch((error: unknown) => log.error('Could not carry consent over to the inline model:', error));
      }
    },
  });

  disposables.push(
    spendGuard,
    registry.onDidFinishRequest((event) => spendGuard.requestFinished(event)),
    // A renewed identity (Delete My Data, here or in another window): requests, limits and the
    // provider's consent check go under the new user id, the one consent is now recorded under.
    identity.onDidChange((userId) => registry.updateConfig({ userId })),
    consent,
    settingsChanged,
    keyApplied,
    proposedEdits,
    proposedEdits.register(),
    { dispose: () => void registry.dispose() },
    { dispose: () => void analyticsStore.close() },
    keyStore.onDidChange(() => {
      keyRead = applyKey().catch((error) => log.error('Could not read the API key:', error));
      void keyRead.then(() => modelCatalogue.keyChanged());
    }),
    onSettingsChanged((next) => {
      settings = next.settings;
      warnings = next.warnings;
      log.setVerbose(settings.cloud.features.logging);
      announce(warnings);
      // Also applies the new limits to the shared rate limiter.
      registry.updateConfig(optionsFrom(settings));
      spendGuard.setLimits(settings);
      // A model chosen at an endpoint the user consented to is covered: its record is written now.
      void consent.hasConsent().catch((error) => log.error('Could not read the consent records:', error));
      modelCatalogue.settingsChanged(settings);
      settingsChanged.fire(settings);
    }),
    modelCatalogue,
  );
  modelCatalogue.start(keyRead);
  const inlineSnooze = new InlineSnooze();
  const serviceHealth = new ServiceHealth();
  const servedChatModel = new ServedChatModel();
  disposables.push(inlineSnooze, serviceHealth, servedChatModel);

  return {
    log,
    settings: () => settings,
    onDidChangeSettings: settingsChanged.event,
    keyStore,
    globalState,
    hasApiKey: async () => (await keyRead, hasKey),
    hasApiKeyNow: () => hasKey,
    onDidApplyKey: keyApplied.event,
    consentManager,
    consent,
    registry,
    spendGuard,
    modelCatalogue,
    tracker,
    analyticsStore,
    endpoint,
    modelsInUse: inUse,
    providerFor(feature) {
      endpoint();
      // Reading the identity notices one renewed in another window before this request goes out.
      identity.userId();
      return registry.getProvider(inUse()[feature]);
    },
    providerOptions: () => optionsFrom(settings),
    appInfo,
    proposedEdits,
    inlineSnooze,
    serviceHealth,
    servedChatModel,
    noticePrompt: (...args) => noticePrompt(...args),
    personalData: new PersonalDataHolders(),
    dialogs: () => dialogs,
    internalCommands: new InternalCommands(log),
    apiKeyPrompt: () => apiKeyPrompt,
    setDialogs(replacement) {
      dialogs = replacement === undefined ? interactiveDialogs : { ...interactiveDialogs, ...replacement };
    },
    testApi:
      context.extensionMode === vscode.ExtensionMode.Test
        ? {
            setConsentPrompt: (dialog) => consent.setConsentDialog(dialog),
            setApiKeyPrompt: (prompt) => {
              apiKeyPrompt = prompt;
            },
            setNoticePrompt: (prompt) => {
              noticePrompt = prompt ?? showNotice;
            },
            setOverBudgetPrompt: (prompt) => spendGuard.setPrompt(prompt),
            spend: () => spendGuard.snapshot(),
            logLines: () => log.recentLines(),
            settings: () => settings,
            settingsWarnings: () => warnings,
            storedApiKey: () => keyStore.get(),
          }
        : undefined,
    dispose: () => vscode.Disposable.from(...disposables).dispose(),
  };
}
