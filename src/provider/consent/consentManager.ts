/**
 * Data-use consent per user, model and endpoint origin. Consent counts only when both flags were
 * given for the current notice version at that origin; a listener hears every change so a
 * revocation can cancel requests in flight. A registry's or provider's manager knows its endpoint,
 * so a call may leave it out (the documented `(userId, modelId)` form); one made on its own does not,
 * and refuses such a call rather than store a record that could never count.
 */
import { InvalidConfigError } from '../errors';
import { consentNotice, CONSENT_NOTICE_VERSION } from './consentNotice';
import { type ConsentRecord, ConsentRecordSchema, consentKey, type ConsentQuery, type ConsentSubject, isConsentKey } from './consentRecord';
import { type ConsentStore, processConsentStore } from './consentStore';

/** What changed: consent for the subject (user, model, endpoint) granted (true) or withdrawn (false). */
export interface ConsentChange extends ConsentSubject {
  granted: boolean;
}

/**
 * The clock for record time stamps, the app name and version every record keeps for the audit trail, and the endpoint
 * origin a call without one means (given by the registry or provider that owns the manager).
 */
export interface ConsentManagerOptions {
  now?: () => Date;
  /** Recorded with every answer, for the audit trail. */
  audit?: { appName?: string; appVersion?: string };
  /** The owner's current endpoint origin (endpointOrigin); read at each call, so a changed endpoint is followed. */
  endpoint?: () => string;
}

/**
 * Data-use consent per user, model and endpoint, bound to the notice version (CONSENT_NOTICE_VERSION: a new version asks again). Records
 * are kept in a ConsentStore (by default the process's memory, shared by every manager of the process; VS Code's globalState in the
 * extension); onDidChange fires on every grant and revocation, so providers abort what is in flight. Every method takes a subject
 * `{ userId, modelId, endpoint? }` or, except recordConsent, the positional `(userId, modelId)`; a missing endpoint means the owner's
 * (ConsentManagerOptions.endpoint), and a manager without one throws InvalidConfigError (field `endpoint`).
 */
export class ConsentManager {
  private readonly store: ConsentStore;
  private readonly now: () => Date;
  private readonly appName: string;
  private readonly appVersion: string;
  private readonly endpoint: (() => string) | undefined;
  private readonly listeners = new Set<(e: ConsentChange) => void>();
  /** Answers already read or written, for the synchronous hot path (inline completions). */
  private readonly granted = new Map<string, boolean>();
  /** Bumped by every change, so a read that started before one cannot overwrite its answer. */
  private changes = 0;

  constructor(store: ConsentStore = processConsentStore, options: ConsentManagerOptions = {}) {
    this.store = store;
    this.endpoint = options.endpoint;
    this.now = options.now ?? (() => new Date());
    this.appName = options.audit?.appName ?? 'Grok Code Fast'; // not UI text: the product's name
    this.appVersion = options.audit?.appVersion ?? 'unknown';
  }

  /** Whether the subject must still be asked, and the notice to show (written for its endpoint). */
  requestConsent(userId: string, modelId: string): Promise<{ required: boolean; version: string; message: string }>;
  requestConsent(subject: ConsentQuery): Promise<{ required: boolean; version: string; message: string }>;
  async requestConsent(query: ConsentQuery | string, modelId?: string): Promise<{ required: boolean; version: string; message: string }> {
    const subject = this.subjectOf(query, modelId);
    const required = !(await this.hasConsent(subject));
    return { required, version: CONSENT_NOTICE_VERSION, message: consentNotice(subject.endpoint, subject.modelId) };
  }

  /** Stores the answer (with notice version, time and app) and returns the record. */
  async recordConsent(r: ConsentQuery & { consentGiven: boolean; dataUsageAcknowledged: boolean }): Promise<ConsentRecord> {
    const subject = this.subjectOf(r);
    const record: ConsentRecord = {
      ...subject,
      consentGiven: r.consentGiven,
      dataUsageAcknowledged: r.dataUsageAcknowledged,
      version: CONSENT_NOTICE_VERSION,
      timestamp: this.now().toISOString(),
      appName: this.appName,
      appVersion: this.appVersion,
    };
    await this.store.set(consentKey(subject), record);
    this.changed(subject, isGranted(record));
    return record;
  }

  /** True when both flags were given for the current notice version at the subject's endpoint. */
  hasConsent(userId: string, modelId: string): Promise<boolean>;
  hasConsent(subject: ConsentQuery): Promise<boolean>;
  async hasConsent(query: ConsentQuery | string, modelId?: string): Promise<boolean> {
    const subject = this.subjectOf(query, modelId);
    const changesBefore = this.changes;
    const granted = isGranted(await this.getConsent(subject));
    if (this.changes === changesBefore) this.granted.set(consentKey(subject), granted);
    return granted;
  }

  /** The last known answer without waiting; undefined until it has been read once. */
  hasConsentSync(subject: ConsentQuery): boolean | undefined {
    return this.granted.get(consentKey(this.subjectOf(subject)));
  }

  /** The stored record, or undefined (none, or one that is not valid, e.g. stored without an endpoint). */
  getConsent(userId: string, modelId: string): Promise<ConsentRecord | undefined>;
  getConsent(subject: ConsentQuery): Promise<ConsentRecord | undefined>;
  async getConsent(query: ConsentQuery | string, modelId?: string): Promise<ConsentRecord | undefined> {
    return parseRecord(await this.store.get(consentKey(this.subjectOf(query, modelId))));
  }

  /** Keeps a record of the withdrawal (both flags false) rather than forgetting the answer. */
  revokeConsent(userId: string, modelId: string): Promise<void>;
  revokeConsent(subject: ConsentQuery): Promise<void>;
  async revokeConsent(query: ConsentQuery | string, modelId?: string): Promise<void> {
    await this.recordConsent({ ...this.subjectOf(query, modelId), consentGiven: false, dataUsageAcknowledged: false });
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

  /** The full subject: positional or object form, the owner's endpoint when none is named. */
  private subjectOf(query: ConsentQuery | string, modelId?: string): ConsentSubject {
    const { userId, modelId: model, endpoint } = typeof query === 'string' ? { userId: query, modelId, endpoint: undefined } : query;
    if (typeof userId !== 'string' || userId === '') throw new InvalidConfigError('A consent call needs a userId.', 'userId'); // not UI text: an API misuse
    if (typeof model !== 'string' || model === '') throw new InvalidConfigError('A consent call needs a modelId.', 'modelId'); // not UI text: an API misuse
    const origin = endpoint ?? this.endpoint?.();
    if (origin === undefined) {
      throw new InvalidConfigError(
        // not UI text: an API misuse
        'This ConsentManager has no endpoint: name one ({ userId, modelId, endpoint }), or use the consentManager of a ModelRegistry ' +
          '(registry.getConsentManager()) or of a provider (provider.consentManager), which know theirs.',
        'endpoint',
      );
    }
    return { userId, modelId: model, endpoint: origin };
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
