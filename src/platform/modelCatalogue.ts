/**
 * Keeps the registry's model catalogue in step with the extension: the last catalogue from
 * globalState at once (an offline start; the registry is initialised before any feature can ask
 * for a provider), then a refresh from the endpoint at start, when the endpoint or key changes and
 * once a day, each only once the user has consented (Select Model refreshes on request). Also
 * routes every finished request to the served-model notice and moves the retired Roo Code Cloud
 * profile.
 */
import * as vscode from 'vscode';
import { type ModelRegistry } from '../provider/registry';
import { type ModelFacts } from '../provider/models';
import { type Platform } from './platform';
import { migrateRetiredProfile } from './retiredProfileMigration';
import { ServedModelNotice, showNotice, type NoticePrompt } from './onboarding/servedModelNotice';

export const CATALOGUE_KEY = 'grokCodeFast.modelCatalogue';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ModelCatalogueDeps {
  registry: ModelRegistry;
  platform: Platform;
  memento: vscode.Memento;
  /** Whether an API key is set (read after the registry got it). */
  hasKey(): boolean;
}

export class ModelCatalogueSync implements vscode.Disposable {
  private readonly notice: ServedModelNotice;
  private migrating: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private inFlight: Promise<void> | undefined;
  private endpoint: string | null;
  private prompt: NoticePrompt = showNotice;

  constructor(private readonly deps: ModelCatalogueDeps) {
    deps.registry.restore(deps.memento.get(CATALOGUE_KEY));
    this.endpoint = deps.platform.settings().endpoint.baseUrl;
    this.notice = new ServedModelNotice({
      models: deps.registry,
      settings: () => deps.platform.settings(),
      memento: deps.memento,
      setServedModel: (model) => deps.platform.statusBar.setServedModel(model),
      logger: deps.platform.log,
      prompt: (...args) => this.prompt(...args),
    });
  }

  /** Test seam: answers the notices (redirect, not served, retired profile); undefined restores VS Code's. */
  setNoticePrompt(prompt: NoticePrompt | undefined): void {
    this.prompt = prompt ?? showNotice;
  }

  /**
   * Call once the registry has its key and main's own listeners are subscribed (they update the
   * registry's endpoint first). `keyApplied` resolves once the stored key reached the registry.
   */
  start(keyApplied: Promise<unknown>): void {
    const { platform, registry } = this.deps;
    const timer = setInterval(() => this.refresh(), DAY_MS);
    this.disposables.push(
      { dispose: () => clearInterval(timer) },
      registry.onDidFinishRequest((event) => void this.notice.onRequestFinished(event).catch((error) => platform.log.error('Model notice failed:', error))),
      platform.onDidChangeSettings((settings) => {
        // Old settings can come back (Settings Sync, a workspace file): moved again, told once.
        if (settings.endpoint.retiredProfile) this.migrate();
        if (settings.endpoint.baseUrl === this.endpoint) return;
        this.endpoint = settings.endpoint.baseUrl;
        this.refresh();
      }),
      platform.consent.onDidChange((granted) => {
        if (granted) this.refresh();
      }),
    );
    this.migrate();
    void keyApplied.then(() => this.refresh());
  }

  /** One migration at a time: its own setting updates fire change events while it runs. */
  private migrate(): void {
    const { memento, platform } = this.deps;
    this.migrating ??= migrateRetiredProfile(memento, platform.log, (message, buttons) => this.prompt('warning', message, buttons))
      .catch((error: unknown) => platform.log.error('Could not move the rooCodeCloud setting:', error))
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
      throw new Error(this.deps.hasKey() ? 'the endpoint sent no model list (see "Grok: Show Log").' : 'no API key is set.');
    }
    return models;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** A background refresh: only with a key, an endpoint and the user's consent. */
  private refresh(): void {
    const { platform, hasKey } = this.deps;
    if (!hasKey() || platform.settings().endpoint.baseUrl === null || platform.consent.hasConsentNow() !== true) return;
    void this.read().catch((error) => platform.log.error('Could not refresh the model list:', error));
  }

  /** One read at a time (`signal` cancels the read it starts); the snapshot read is kept for the next offline start. */
  private read(signal?: AbortSignal): Promise<void> {
    this.inFlight ??= (async () => {
      try {
        const snapshot = await this.deps.registry.initialize(signal);
        if (snapshot) await this.deps.memento.update(CATALOGUE_KEY, snapshot);
      } finally {
        this.inFlight = undefined;
      }
    })();
    return this.inFlight;
  }
}
