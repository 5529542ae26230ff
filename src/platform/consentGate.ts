/**
 * Asks for data-use consent before the first request a feature would send, and records the answer
 * through the core's ConsentManager (globalState, notice version, time, app name and version).
 * Chat and actions await `ensureConsent()`; inline completions only read `hasConsentNow()` and never
 * show the modal. The dialog (onboarding/consentModal) is given by the composition root and is
 * replaceable so integration tests answer it.
 */
import * as vscode from 'vscode';
import { CONSENT_NOTICE, CONSENT_NOTICE_VERSION, type ConsentManager } from '../provider/consent';
import { type Logger } from '../provider/types';

export interface ConsentNotice {
  message: string;
  detail: string;
  version: string;
}

/** Shows the notice and resolves true only for an explicit "I consent". */
export type ConsentDialog = (notice: ConsentNotice) => Promise<boolean>;

export interface ConsentGateDeps {
  manager: ConsentManager;
  userId: string;
  /** The model ids the features currently use (chat, inline, actions): consent is kept per model. */
  models: () => string[];
  /** The question shown to the user (onboarding/consentModal in the product). */
  dialog: ConsentDialog;
  logger: Logger;
}

export class ConsentGate implements vscode.Disposable {
  private dialog: ConsentDialog;
  private pending: Promise<boolean> | undefined;
  private readonly revoked = new vscode.EventEmitter<void>();
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires the moment consent is withdrawn: abort requests in flight, stop completions. */
  readonly onConsentRevoked = this.revoked.event;
  /** Fires with the new overall answer (all current models consented) after any change. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly deps: ConsentGateDeps) {
    this.dialog = deps.dialog;
    this.subscription = deps.manager.onDidChange((change) => {
      if (change.userId !== deps.userId) return;
      if (!change.granted) this.revoked.fire();
      this.changed.fire(this.hasConsentNow() === true);
    });
  }

  /** Test seam: replaces the dialog; undefined restores the one given at construction. */
  setConsentDialog(dialog: ConsentDialog | undefined): void {
    this.dialog = dialog ?? this.deps.dialog;
  }

  /** The last known answer for every current model without waiting; undefined until read once. */
  hasConsentNow(): boolean | undefined {
    let all: boolean | undefined = true;
    for (const model of this.models()) {
      const known = this.deps.manager.hasConsentSync(this.deps.userId, model);
      if (known === false) return false;
      if (known === undefined) all = undefined;
    }
    return all;
  }

  /** Reads the stored answers (fills the synchronous cache). */
  async hasConsent(): Promise<boolean> {
    return (await this.missingModels()).length === 0;
  }

  /** True when consent is (or has just been) given; shows the modal at most once at a time. */
  ensureConsent(): Promise<boolean> {
    this.pending ??= this.askIfMissing().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** The Show Consent command: the notice with the current status; "I consent" (re)records it. */
  async showConsent(): Promise<boolean> {
    const given = await this.deps.manager.getConsent(this.deps.userId, this.models()[0]);
    const status =
      given && (await this.hasConsent())
        ? `Current status: consent given on ${new Date(given.timestamp).toLocaleString()}.`
        : 'Current status: no consent given; nothing is sent to the model.';
    const accepted = await this.dialog(this.notice(status));
    if (accepted) await this.record(this.models());
    return this.hasConsent();
  }

  /**
   * The user's answer given outside the modal (the chat panel's notice): true records consent for
   * every current model, false withdraws it as Revoke Consent does.
   */
  async setConsent(granted: boolean): Promise<void> {
    if (granted) await this.record(this.models());
    else await this.revoke();
  }

  /** Withdraws consent for every model this user answered for; listeners cancel what is in flight. */
  async revoke(): Promise<void> {
    const records = await this.deps.manager.listConsents();
    const models = new Set([...this.models(), ...records.filter((r) => r.userId === this.deps.userId).map((r) => r.modelId)]);
    for (const model of models) await this.deps.manager.revokeConsent(this.deps.userId, model);
    this.deps.logger.info('Data-use consent revoked.');
  }

  dispose(): void {
    this.subscription.dispose();
    this.revoked.dispose();
    this.changed.dispose();
  }

  private models(): string[] {
    return [...new Set(this.deps.models())];
  }

  private async missingModels(): Promise<string[]> {
    const missing: string[] = [];
    for (const model of this.models()) {
      if (!(await this.deps.manager.hasConsent(this.deps.userId, model))) missing.push(model);
    }
    return missing;
  }

  private async askIfMissing(): Promise<boolean> {
    const missing = await this.missingModels();
    if (missing.length === 0) return true;
    const accepted = await this.dialog(this.notice(`Models: ${missing.join(', ')}.`));
    if (!accepted) {
      this.deps.logger.info('Data-use consent declined; no request was sent.');
      return false;
    }
    await this.record(missing);
    return true;
  }

  private async record(models: string[]): Promise<void> {
    for (const modelId of models) {
      await this.deps.manager.recordConsent({ userId: this.deps.userId, modelId, consentGiven: true, dataUsageAcknowledged: true });
    }
    this.deps.logger.info(`Data-use consent recorded (notice ${CONSENT_NOTICE_VERSION}).`);
  }

  private notice(status: string): ConsentNotice {
    return {
      message: 'Grok Code Fast: data-use consent',
      detail: `${CONSENT_NOTICE}\n\n${status}`,
      version: CONSENT_NOTICE_VERSION,
    };
  }
}
