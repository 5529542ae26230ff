/**
 * Data-use consent per user, model and endpoint origin. Consent counts only when both flags were
 * given for the current notice version at that origin; a listener hears every change so a
 * revocation can cancel requests in flight.
 */
import { consentNotice, CONSENT_NOTICE_VERSION } from './consentNotice';
import { type ConsentRecord, ConsentRecordSchema, consentKey, type ConsentSubject, isConsentKey } from './consentRecord';
import { type ConsentStore, MemoryConsentStore } from './consentStore';

/** What changed: consent for the subject (user, model, endpoint) granted (true) or withdrawn (false). */
export interface ConsentChange extends ConsentSubject {
  granted: boolean;
}

/** The clock for record time stamps, and the app name and version every record keeps for the audit trail. */
export interface ConsentManagerOptions {
  now?: () => Date;
  /** Recorded with every answer, for the audit trail. */
  audit?: { appName?: string; appVersion?: string };
}

/**
 * Data-use consent per user, model and endpoint, bound to the notice version (CONSENT_NOTICE_VERSION: a new version asks again). Records
 * are kept in a ConsentStore (memory by default; VS Code's globalState in the extension); onDidChange fires on every grant and
 * revocation, so providers abort what is in flight.
 */
export class ConsentManager {
  private readonly store: ConsentStore;
  private readonly now: () => Date;
  private readonly appName: string;
  private readonly appVersion: string;
  private readonly listeners = new Set<(e: ConsentChange) => void>();
  /** Answers already read or written, for the synchronous hot path (inline completions). */
  private readonly granted = new Map<string, boolean>();
  /** Bumped by every change, so a read that started before one cannot overwrite its answer. */
  private changes = 0;

  constructor(store: ConsentStore = new MemoryConsentStore(), options: ConsentManagerOptions = {}) {
    this.store = store;
    this.now = options.now ?? (() => new Date());
    this.appName = options.audit?.appName ?? 'Grok Code Fast';
    this.appVersion = options.audit?.appVersion ?? 'unknown';
  }

  /** Whether `subject` must still be asked, and the notice to show (written for its endpoint). */
  async requestConsent(subject: ConsentSubject): Promise<{ required: boolean; version: string; message: string }> {
    const required = !(await this.hasConsent(subject));
    return { required, version: CONSENT_NOTICE_VERSION, message: consentNotice(subject.endpoint) };
  }

  async recordConsent(r: ConsentSubject & { consentGiven: boolean; dataUsageAcknowledged: boolean }): Promise<ConsentRecord> {
    const record: ConsentRecord = {
      userId: r.userId,
      modelId: r.modelId,
      endpoint: r.endpoint,
      consentGiven: r.consentGiven,
      dataUsageAcknowledged: r.dataUsageAcknowledged,
      version: CONSENT_NOTICE_VERSION,
      timestamp: this.now().toISOString(),
      appName: this.appName,
      appVersion: this.appVersion,
    };
    await this.store.set(consentKey(r), record);
    this.changed(r, isGranted(record));
    return record;
  }

  async hasConsent(subject: ConsentSubject): Promise<boolean> {
    const changesBefore = this.changes;
    const granted = isGranted(await this.getConsent(subject));
    if (this.changes === changesBefore) this.granted.set(consentKey(subject), granted);
    return granted;
  }

  /** The last known answer without waiting; undefined until it has been read once. */
  hasConsentSync(subject: ConsentSubject): boolean | undefined {
    return this.granted.get(consentKey(subject));
  }

  async getConsent(subject: ConsentSubject): Promise<ConsentRecord | undefined> {
    return parseRecord(await this.store.get(consentKey(subject)));
  }

  /** Keeps a record of the withdrawal (both flags false) rather than forgetting the answer. */
  async revokeConsent(subject: ConsentSubject): Promise<void> {
    await this.recordConsent({ ...subject, consentGiven: false, dataUsageAcknowledged: false });
  }

  async listConsents(): Promise<ConsentRecord[]> {
    const records: ConsentRecord[] = [];
    for (const key of (await this.store.keys()).filter(isConsentKey)) {
      const record = parseRecord(await this.store.get(key));
      if (record) records.push(record);
    }
    return records;
  }

  /** Removes every consent record (and only those: the store may be shared). */
  async deleteAll(): Promise<void> {
    const keys = (await this.store.keys()).filter(isConsentKey);
    const before = await Promise.all(keys.map(async (key) => parseRecord(await this.store.get(key))));
    for (const key of keys) await this.store.delete(key);
    this.granted.clear();
    for (const record of before) if (record && isGranted(record)) this.changed(record, false);
  }

  onDidChange(listener: (e: ConsentChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(subject: ConsentSubject, granted: boolean): void {
    this.changes++;
    this.granted.set(consentKey(subject), granted);
    const change: ConsentChange = { userId: subject.userId, modelId: subject.modelId, endpoint: subject.endpoint, granted };
    for (const listener of [...this.listeners]) listener(change);
  }
}

function parseRecord(value: unknown): ConsentRecord | undefined {
  const parsed = ConsentRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function isGranted(record: ConsentRecord | undefined): boolean {
  return !!record && record.consentGiven && record.dataUsageAcknowledged && record.version === CONSENT_NOTICE_VERSION;
}
