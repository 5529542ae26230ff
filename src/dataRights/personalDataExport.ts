/**
 * Export My Data: everything the extension keeps about the user in one JSON document — consent
 * records, every retained analytics event, the chat history and the spend budget's counters. Pure: the sources are injected.
 */
import { type ConsentRecord } from '../provider/consent';
import { type SpendCounters } from '../provider/limits';
import { redactSecrets } from '../provider/redact';

export const PERSONAL_DATA_FORMAT = 'grok-code-fast/personal-data';
export const PERSONAL_DATA_VERSION = 1;

export interface PersonalDataSources {
  listConsents: () => Promise<ConsentRecord[]>;
  /** The analytics export (JSON format) over every retained event. */
  exportAnalyticsJson: () => Promise<string>;
  exportChatHistory: () => Promise<unknown>;
  /** Today's and this month's spend as the budget counts it (shared by the windows). */
  spendCounters: () => SpendCounters;
  now: () => Date;
}

export interface PersonalDataExport {
  format: typeof PERSONAL_DATA_FORMAT;
  version: typeof PERSONAL_DATA_VERSION;
  exportedAt: string;
  consents: ConsentRecord[];
  /** The Export Analytics JSON document: { version, exportedAt, period, events }. */
  analytics: unknown;
  chatHistory: unknown;
  /** The spend budget's counters: `{ v, day, dayUsd, month, monthUsd, ... }` (local days, USD). */
  spendBudget: SpendCounters;
}

export async function buildPersonalDataExport(sources: PersonalDataSources): Promise<PersonalDataExport> {
  const [consents, analyticsJson, chatHistory] = await Promise.all([
    sources.listConsents(),
    sources.exportAnalyticsJson(),
    sources.exportChatHistory(),
  ]);
  return {
    format: PERSONAL_DATA_FORMAT,
    version: PERSONAL_DATA_VERSION,
    exportedAt: sources.now().toISOString(),
    consents,
    // Our own serializer's output, parsed only to nest it as an object rather than a string.
    analytics: JSON.parse(analyticsJson) as unknown,
    // Conversations hold error texts and what the user pasted: no key leaves in the file.
    chatHistory: chatHistory === undefined ? null : (JSON.parse(redactSecrets(JSON.stringify(chatHistory))) as unknown),
    spendBudget: sources.spendCounters(),
  };
}
