/**
 * Builds the platform parts every surface shares from the extension context: the log channel, the
 * validated settings (warnings shown once and logged), the key store, the user id, consent (manager,
 * gate, store), the rate-limit store, the status bar and the proposal documents, and keeps them in
 * step with setting, key and consent changes. `registerPlatformCommands` adds the onboarding and status-menu commands.
 */
import * as vscode from 'vscode';
import { ConsentManager } from '../provider/consent';
import { type ModelInfo } from '../provider/types';
import { ApiKeyStore } from './apiKeyStore';
import { GlobalStateConsentStore } from './consentStore';
import { LogChannel } from './logChannel';
import { type ApiKeyCheckResult } from '../onboarding/keyVerdict';
import { ConsentGate, type ConsentDialog } from './consentGate';
import { registerOnboarding } from '../onboarding/registerOnboarding';
import { ProposalDocuments } from './proposalDocuments';
import { GlobalStateRateLimitStore } from './rateLimitStore';
import { onSettingsChanged, readSettings, type Settings } from './settings';
import { StatusBarController } from '../status/statusBar';
import { registerStatusMenu } from '../status/statusMenu';
import { getOrCreateUserId } from './userId';

export interface Platform extends vscode.Disposable {
  log: LogChannel;
  /** The current validated settings. */
  settings(): Settings;
  /** Fires with the new settings after any `grokCodeFast.*` or proxy change. */
  onDidChangeSettings: vscode.Event<Settings>;
  keyStore: ApiKeyStore;
  userId: string;
  consentManager: ConsentManager;
  consent: ConsentGate;
  rateLimitStore: GlobalStateRateLimitStore;
  statusBar: StatusBarController;
  /** The `grok-proposal:` documents the actions' and the chat's diffs show (one provider per scheme). */
  proposalDocuments: ProposalDocuments;
  /**
   * The seams the integration tests reach through the extension's exported API; undefined outside
   * test mode, so no other extension can answer the consent dialog or read the key.
   */
  testApi: PlatformTestApi | undefined;
}

export interface PlatformTestApi {
  setConsentPrompt(dialog: ConsentDialog | undefined): void;
  logLines(): readonly string[];
  settings(): Settings;
  settingsWarnings(): readonly string[];
  storedApiKey(): Promise<string | undefined>;
}

export function createPlatform(context: vscode.ExtensionContext, consentDialog: ConsentDialog): Platform {
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
  const userId = getOrCreateUserId(context.globalState);
  const consentManager = new ConsentManager(new GlobalStateConsentStore(context.globalState), {
    audit: { appName: vscode.env.appName, appVersion: String(context.extension.packageJSON.version ?? 'unknown') },
  });
  const consent = new ConsentGate({ manager: consentManager, userId, models: () => Object.values(settings.models), dialog: consentDialog, logger: log });
  const statusBar = new StatusBarController({
    state: context.globalState,
    model: settings.models.chat,
    quota: { requestsPerDay: settings.rateLimits.requestsPerDay, tokensPerDay: settings.rateLimits.tokensPerDay },
    inlineEnabled: settings.inlineCompletions.enabled,
  });
  const settingsChanged = new vscode.EventEmitter<Settings>();
  const proposalDocuments = new ProposalDocuments();

  const refreshSetup = async () => {
    const hasKey = (await keyStore.get()) !== undefined;
    statusBar.setSetup(!hasKey ? 'needsKey' : (await consent.hasConsent()) ? 'ready' : 'needsConsent');
  };
  const refresh = () => void refreshSetup().catch((error) => log.error('Could not read the key or consent state:', error));
  refresh();

  disposables.push(
    consent,
    statusBar,
    settingsChanged,
    proposalDocuments,
    proposalDocuments.register(),
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
    userId,
    consentManager,
    consent,
    rateLimitStore: new GlobalStateRateLimitStore(context.globalState),
    statusBar,
    proposalDocuments,
    testApi:
      context.extensionMode === vscode.ExtensionMode.Test
        ? {
            setConsentPrompt: (dialog) => consent.setConsentDialog(dialog),
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
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
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
