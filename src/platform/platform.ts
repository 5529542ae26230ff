/**
 * Builds the platform parts every surface shares from the extension context: the log channel, the
 * validated settings (warnings shown once and logged), the key store, the user id, consent (manager,
 * gate, store), the rate-limit store, the status bar and the proposed-edit flow, and keeps them in
 * step with setting, key and consent changes. `registerPlatformCommands` adds the onboarding and status-menu commands.
 */
import * as vscode from 'vscode';
import { ConsentManager } from '../provider/consent';
import { type ModelFacts } from '../provider/models';
import { ApiKeyStore } from './apiKeyStore';
import { GlobalStateConsentStore } from './consentStore';
import { LogChannel } from './logChannel';
import { type ApiKeyCheckResult } from './onboarding/keyVerdict';
import { ConsentGate, type ConsentPrompt } from './onboarding/consentGate';
import { registerOnboarding } from './onboarding/registerOnboarding';
import { ProposedEdits } from './proposedEdits';
import { GlobalStateRateLimitStore } from './rateLimitStore';
import { onSettingsChanged, readSettings, type Settings } from './settings';
import { StatusBarController } from './statusBar';
import { SerialMemento } from './serialMemento';
import { registerStatusMenu } from './statusMenu';
import { getOrCreateUserId } from './userId';

export interface Platform extends vscode.Disposable {
  log: LogChannel;
  /** The current validated settings. */
  settings(): Settings;
  /** Fires with the new settings after any `grokCodeFast.*` or proxy change. */
  onDidChangeSettings: vscode.Event<Settings>;
  keyStore: ApiKeyStore;
  /** context.globalState behind one write queue: every holder must use this, never globalState itself (see SerialMemento). */
  globalState: vscode.Memento;
  userId: string;
  consentManager: ConsentManager;
  consent: ConsentGate;
  rateLimitStore: GlobalStateRateLimitStore;
  statusBar: StatusBarController;
  /** The one proposed-edit flow (diff, range tracking, Accept/Reject) the actions and the chat's Apply use. */
  proposedEdits: ProposedEdits;
  /**
   * The seams the integration tests reach through the extension's exported API; undefined outside
   * test mode, so no other extension can answer the consent prompt or read the key.
   */
  testApi: PlatformTestApi | undefined;
}

export interface PlatformTestApi {
  setConsentPrompt(prompt: ConsentPrompt | undefined): void;
  logLines(): readonly string[];
  settings(): Settings;
  settingsWarnings(): readonly string[];
  storedApiKey(): Promise<string | undefined>;
}

export function createPlatform(context: vscode.ExtensionContext): Platform {
  const log = new LogChannel();
  const disposables: vscode.Disposable[] = [log];
  let { settings, warnings } = readSettings();
  const shownWarnings = new Set<string>();
  const announce = (list: string[]) => {
    for (const warning of list) {
      log.warn(warning);
      if (shownWarnings.has(warning)) continue;
      shownWarnings.add(warning);
      void vscode.window.showWarningMessage(`Grok Code Fast: ${warning}`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'grokCodeFast');
      });
    }
  };
  log.setVerbose(settings.cloud.features.logging);
  announce(warnings);

  const keyStore = new ApiKeyStore(context.secrets);
  const globalState = new SerialMemento(context.globalState);
  const userId = getOrCreateUserId(globalState);
  const consentManager = new ConsentManager(new GlobalStateConsentStore(globalState), {
    audit: { appName: vscode.env.appName, appVersion: String(context.extension.packageJSON.version ?? 'unknown') },
  });
  const consent = new ConsentGate({
    manager: consentManager,
    userId,
    models: () => Object.values(settings.models),
    endpoint: () => settings.endpoint.baseUrl ?? undefined,
    logger: log,
  });
  const statusBar = new StatusBarController({
    state: globalState,
    model: settings.models.chat,
    quota: { requestsPerDay: settings.rateLimits.requestsPerDay, tokensPerDay: settings.rateLimits.tokensPerDay },
    inlineEnabled: settings.inlineCompletions.enabled,
  });
  const settingsChanged = new vscode.EventEmitter<Settings>();
  const proposedEdits = new ProposedEdits();

  const refreshSetup = async () => {
    const hasKey = (await keyStore.get()) !== undefined;
    const hasConsent = await consent.hasConsent();
    statusBar.setSetup(!hasKey ? 'needsKey' : hasConsent ? 'ready' : 'needsConsent');
    // The walkthrough's steps complete on these, once the key or consent is really there.
    void vscode.commands.executeCommand('setContext', 'grokCodeFast.hasApiKey', hasKey);
    void vscode.commands.executeCommand('setContext', 'grokCodeFast.hasConsent', hasConsent);
  };
  const refresh = () => void refreshSetup().catch((error) => log.error('Could not read the key or consent state:', error));
  refresh();

  disposables.push(
    consent,
    statusBar,
    settingsChanged,
    proposedEdits,
    proposedEdits.register(),
    keyStore.onDidChange(refresh),
    consent.onDidChange(refresh),
    onSettingsChanged((next) => {
      settings = next.settings;
      warnings = next.warnings;
      log.setVerbose(settings.cloud.features.logging);
      announce(warnings);
      statusBar.setModel(settings.models.chat);
      statusBar.setQuota({ requestsPerDay: settings.rateLimits.requestsPerDay, tokensPerDay: settings.rateLimits.tokensPerDay });
      statusBar.setInlineEnabled(settings.inlineCompletions.enabled);
      refresh();
      settingsChanged.fire(settings);
    }),
  );

  return {
    log,
    settings: () => settings,
    onDidChangeSettings: settingsChanged.event,
    keyStore,
    globalState,
    userId,
    consentManager,
    consent,
    rateLimitStore: new GlobalStateRateLimitStore(globalState),
    statusBar,
    proposedEdits,
    testApi:
      context.extensionMode === vscode.ExtensionMode.Test
        ? {
            setConsentPrompt: (prompt) => consent.setConsentPrompt(prompt),
            logLines: () => log.recentLines(),
            settings: () => settings,
            settingsWarnings: () => warnings,
            storedApiKey: () => keyStore.get(),
          }
        : undefined,
    dispose: () => vscode.Disposable.from(...disposables).dispose(),
  };
}

export interface PlatformCommandDeps {
  /** Checks `apiKey` against the configured endpoint, e.g. with a provider built for that key. */
  checkApiKey(apiKey: string, signal: AbortSignal): Promise<ApiKeyCheckResult>;
  /** The endpoint's catalogue, refreshed: Select Model's list. */
  listModels(signal: AbortSignal): Promise<ModelFacts[]>;
}

/** Set/Clear API Key, Show/Revoke Consent, Select Model, the status menu, toggle/snooze, Show Log. */
export function registerPlatformCommands(platform: Platform, deps: PlatformCommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    registerOnboarding({
      keyStore: platform.keyStore,
      consent: platform.consent,
      logger: platform.log,
      endpoint: () => platform.settings().endpoint.baseUrl ?? undefined,
      checkApiKey: deps.checkApiKey,
      listModels: deps.listModels,
    }),
    registerStatusMenu({ statusBar: platform.statusBar, showLog: () => platform.log.show() }),
  );
}
