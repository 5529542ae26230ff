/**
 * Keeps the registry's model catalogue in step with the extension: the last catalogue from
 * globalState at once (an offline start; the registry is initialised before any feature can ask
 * for a provider), then a refresh from the endpoint at start, when the endpoint or key changes and
 * once a day, each only once the user has consented (Select Model refreshes on request). Also
 * moves the retired Roo Code Cloud profile.
 */
import * as vscode from 'vscode';
import { type ModelRegistry } from '../provider/registry';
import { type ModelFacts } from '../provider/models';
import { type Logger } from '../provider/types';
import { type ConsentGate } from './consentGate';
import { type NoticePrompt } from './noticePrompt';
import { migrateRetiredProfile } from './retiredProfileMigration';
import { CatalogueRefresh } from './catalogueRefresh';
import { systemScheduler } from './scheduler';
import { type Settings } from './settings';

export const CATALOGUE_KEY = 'grokCodeFast.modelCatalogue';

export interface ModelCatalogueDeps {
  registry: ModelRegistry;
  settings(): Settings;
  consent: Pick<ConsentGate, 'onDidChange' | 'hasConsentNow'>;
  memento: vscode.Memento;
  logger: Logger;
  /** Whether an API key is set (read after the registry got it). */
  hasKey(): boolean;
  /** How the retired-profile notice is shown. */
  prompt: NoticePrompt;
  /** After each catalogue read from the endpoint (the models `auto` chooses from may have changed). */
  onRead?(): void;
}

export class ModelCatalogueSync implements vscode.Disposable {
  private migrating: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private inFlight: Promise<void> | undefined;
  private endpoint: string | null;
  private readonly background: CatalogueRefresh;

  constructor(private readonly deps: ModelCatalogueDeps) {
    deps.registry.restore(deps.memento.get(CATALOGUE_KEY));
    this.endpoint = deps.settings().endpoint.baseUrl;
    this.background = new CatalogueRefresh({
      read: () => this.read(),
      allowed: () => deps.hasKey() && deps.settings().endpoint.baseUrl !== null && deps.consent.hasConsentNow() === true,
      scheduler: systemScheduler,
      logger: deps.logger,
    });
  }

  /** `keyApplied` resolves once the stored key reached the registry. */
  start(keyApplied: Promise<unknown>): void {
    this.background.start();
    this.disposables.push(
      this.background,
      this.deps.consent.onDidChange((granted) => {
        if (granted) this.refresh();
      }),
    );
    this.migrate();
    void keyApplied.then(() => this.refresh());
  }

  /** After the registry applied new settings (it has the new endpoint). */
  settingsChanged(settings: Settings): void {
    // Old settings can come back (Settings Sync, a workspace file): moved again, told once.
    if (settings.endpoint.retiredProfile) this.migrate();
    if (settings.endpoint.baseUrl === this.endpoint) return;
    this.endpoint = settings.endpoint.baseUrl;
    this.refresh();
  }

  /** One migration at a time: its own setting updates fire change events while it runs. */
  private migrate(): void {
    const { memento, logger } = this.deps;
    this.migrating ??= migrateRetiredProfile(memento, logger, (message, buttons) => this.deps.prompt('warning', message, buttons))
      .catch((error: unknown) => logger.error('Could not move the rooCodeCloud setting:', error))
      .finally(() => {
        this.migrating = undefined;
      });
  }

  /** After a new key reached the registry. */
  keyChanged(): void {
    this.refresh();
  }

  /**
   * Select Model's list: a refresh the user asked for (no consent needed: nothing of theirs is
   * sent). The last list read when the endpoint cannot be reached now; an error when there is none.
   */
  async listModels(signal?: AbortSignal): Promise<ModelFacts[]> {
    await this.read(signal);
    const models = this.deps.registry.listModels();
    if (models.length === 0) {
      throw new Error(this.deps.hasKey() ? vscode.l10n.t('the endpoint sent no model list (see "Grok: Show Log").') : vscode.l10n.t('no API key is set.'));
    }
    return models;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** A background refresh: only with a key, an endpoint and the user's consent (CatalogueRefresh). */
  private refresh(): void {
    this.background.now();
  }

  /** One read at a time (`signal` cancels the read it starts); the snapshot read is kept for the next offline start. */
  private read(signal?: AbortSignal): Promise<void> {
    this.inFlight ??= (async () => {
      try {
        const snapshot = await this.deps.registry.initialize(signal);
        if (snapshot) await this.deps.memento.update(CATALOGUE_KEY, snapshot);
        if (snapshot) this.deps.onRead?.();
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }
}
