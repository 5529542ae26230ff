/**
 * Asks for data-use consent before the first request a feature would send, and records the answer
 * through the core's ConsentManager (globalState, endpoint origin, notice version, time, app name and
 * version). Consent is per endpoint origin: pointing the extension elsewhere asks again, with that
 * endpoint's notice. One consent covers every model at the endpoint, as the notice says: a model
 * chosen later is recorded without asking (endpointConsent). Chat and actions await
 * `ensureConsent()`; inline completions and background checks only read `hasConsentNow()` and never
 * show the modal. The dialog (onboarding/consentModal)
 * is given by the composition root and is replaceable so integration tests answer it.
 */
import * as vscode from 'vscode';
import { consentNotice, CONSENT_NOTICE_VERSION, endpointOrigin, type ConsentManager, type ConsentSubject } from '../provider/consent';
import { type Logger } from '../provider/types';
import { extendEndpointConsent } from './endpointConsent';

export interface ConsentNotice {
  message: string;
  detail: string;
  version: string;
}

/** Shows the notice and resolves true only for an explicit "I consent". */
export type ConsentDialog = (notice: ConsentNotice) => Promise<boolean>;

export interface ConsentGateDeps {
  manager: ConsentManager;
  /** The live user id (platform/identity): after Delete My Data, consent is asked and recorded under the new one. */
  userId: () => string;
  /** The model ids the features currently use (chat, inline, actions): consent is recorded per model, one consent covering the endpoint's models. */
  models: () => string[];
  /** The configured endpoint's base URL; undefined when none is valid (then nothing has consent). */
  endpoint: () => string | undefined;
  /** The question shown to the user (onboarding/consentModal in the product). */
  dialog: ConsentDialog;
  logger: Logger;
}

export class ConsentGate implements vscode.Disposable {
  private dialog: ConsentDialog;
  /** The question on screen per set of models asked about: one modal at a time for the same models. */
  private readonly pending = new Map<string, Promise<boolean>>();
  private readonly revoked = new vscode.EventEmitter<void>();
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires the moment consent is withdrawn: abort requests in flight, stop completions and background checks. */
  readonly onConsentRevoked = this.revoked.event;
  /** Fires with the new overall answer (all current models at the current endpoint) after any change. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: { dispose(): void };
  /** Withdrawals begun, and those still being written: consent is not extended across one. */
  private revocations = 0;
  private revoking = 0;

  constructor(private readonly deps: ConsentGateDeps) {
    this.dialog = deps.dialog;
    this.subscription = deps.manager.onDidChange((change) => {
      if (change.userId !== deps.userId()) return;
      if (!change.granted) this.revoked.fire();
      this.changed.fire(this.hasConsentNow() === true);
    });
  }

  /** Test seam: replaces the dialog; undefined restores the one given at construction. */
  setConsentDialog(dialog: ConsentDialog | undefined): void {
    this.dialog = dialog ?? this.deps.dialog;
  }

  /** The notice for the current endpoint, as the modal and the chat panel show it. */
  noticeText(): string {
    return consentNotice(this.origin() ?? vscode.l10n.t('no valid endpoint'));
  }

  /** The last known answer for every current model at the current endpoint without waiting; undefined until read once. */
  hasConsentNow(): boolean | undefined {
    const subjects = this.subjects();
    if (subjects === undefined) return false;
    let all: boolean | undefined = true;
    for (const subject of subjects) {
      const known = this.deps.manager.hasConsentSync(subject);
      if (known === false) return false;
      if (known === undefined) all = undefined;
    }
    return all;
  }

  /**
   * Reads the stored answers (fills the synchronous cache); a current model not yet recorded at an
   * endpoint the user consented to is recorded now, since the consent covers it.
   */
  async hasConsent(): Promise<boolean> {
    const missing = await this.missingSubjects();
    return missing !== undefined && missing.length === 0;
  }

  /**
   * True when consent is (or has just been) given for `models` (default: the models the features
   * use; VS Code's chat passes the model the user picked there); shows the modal at most once at a time.
   */
  ensureConsent(models: string[] = [...this.deps.models()]): Promise<boolean> {
    const key = [...new Set(models)].sort().join('\n');
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.askIfMissing(models).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  /** The Show Consent command: the notice with the current status; "I consent" (re)records it. */
  async showConsent(): Promise<boolean> {
    const subjects = this.subjects();
    const given = subjects && (await this.deps.manager.getConsent(subjects[0]!));
    const status =
      given && (await this.hasConsent())
        ? vscode.l10n.t('Current status: consent given on {0} for {1}.', new Date(given.timestamp).toLocaleString(), given.endpoint)
        : vscode.l10n.t('Current status: no consent given for this endpoint; nothing is sent to it.');
    const accepted = await this.dialog(this.notice(status));
    if (accepted && subjects) await this.record(subjects);
    return this.hasConsent();
  }

  /**
   * The user's answer given outside the modal (the chat panel's notice): true records consent for
   * every current model at the current endpoint, false withdraws it as Revoke Consent does.
   */
  async setConsent(granted: boolean): Promise<void> {
    const subjects = this.subjects();
    if (granted && subjects) await this.record(subjects);
    else if (!granted) await this.revoke();
  }

  /**
   * A setting's `auto` moved from `from` to `to` (a new catalogue): consent given for `from` at the
   * current endpoint carries over to `to`, since the user chose to let the catalogue pick. Without it,
   * inline completions (which never show the modal) would stop silently.
   */
  async followAutoModel(from: string, to: string): Promise<void> {
    const [before, after] = this.subjects([from, to]) ?? [];
    if (!before || !after || !(await this.deps.manager.hasConsent(before)) || (await this.deps.manager.hasConsent(after))) return;
    await this.record([after]);
    this.deps.logger.info(`Inline model auto moved from ${from} to ${to}; the consent given for ${from} carries over.`);
  }

  /** Withdraws consent for every model and endpoint this user answered for; listeners cancel what is in flight. */
  async revoke(): Promise<void> {
    this.revocations++;
    this.revoking++;
    try {
      const records = await this.deps.manager.listConsents();
      const subjects = new Map<string, ConsentSubject>();
      for (const subject of [...(this.subjects() ?? []), ...records.filter((r) => r.userId === this.deps.userId())]) {
        const { userId, modelId, endpoint } = subject;
        subjects.set(JSON.stringify([modelId, endpoint]), { userId, modelId, endpoint });
      }
      // Started together: every withdrawal is stored before any listener reads the records.
      await Promise.all([...subjects.values()].map((subject) => this.deps.manager.revokeConsent(subject)));
    } finally {
      this.revoking--;
    }
    this.deps.logger.info('Data-use consent revoked.');
  }

  dispose(): void {
    this.subscription.dispose();
    this.revoked.dispose();
    this.changed.dispose();
  }

  private origin(): string | undefined {
    const endpoint = this.deps.endpoint();
    return endpoint === undefined ? undefined : endpointOrigin(endpoint);
  }

  /** One subject per model (default: the models the features use) at the current endpoint; undefined when no endpoint is valid. */
  private subjects(models: readonly string[] = this.deps.models()): ConsentSubject[] | undefined {
    const endpoint = this.origin();
    if (endpoint === undefined) return undefined;
    const userId = this.deps.userId();
    return [...new Set(models)].map((modelId) => ({ userId, modelId, endpoint }));
  }

  /** The subjects still to ask about; undefined when no endpoint is valid. */
  private async missingSubjects(models?: readonly string[]): Promise<ConsentSubject[] | undefined> {
    const subjects = this.subjects(models);
    const started = this.revocations;
    // Never extends while a withdrawal is under way or after one began: that would undo it.
    return subjects === undefined ? undefined : extendEndpointConsent(this.deps.manager, subjects, () => this.revoking === 0 && this.revocations === started);
  }

  private async askIfMissing(models: readonly string[]): Promise<boolean> {
    const missing = await this.missingSubjects(models);
    if (missing === undefined) return false;
    if (missing.length === 0) return true;
    const accepted = await this.dialog(
      this.notice(vscode.l10n.t('Endpoint: {0}. Models in use now: {1}; the consent also covers any other model you choose there.', missing[0]!.endpoint, missing.map((s) => s.modelId).join(', '))),
    );
    if (!accepted) {
      this.deps.logger.info('Data-use consent declined; no request was sent.');
      return false;
    }
    await this.record(missing);
    return true;
  }

  private async record(subjects: ConsentSubject[]): Promise<void> {
    for (const subject of subjects) {
      await this.deps.manager.recordConsent({ ...subject, consentGiven: true, dataUsageAcknowledged: true });
    }
    this.deps.logger.info(`Data-use consent recorded for ${subjects[0]?.endpoint ?? 'no endpoint'} (notice ${CONSENT_NOTICE_VERSION}).`);
  }

  private notice(status: string): ConsentNotice {
    return {
      message: vscode.l10n.t('Grok Code Fast: data-use consent'),
      detail: `${this.noticeText()}\n\n${status}`,
      version: CONSENT_NOTICE_VERSION,
    };
  }
}
