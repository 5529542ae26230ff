/**
 * Export My Data: everything the extension keeps about the user in one JSON document — consent
 * records, every retained analytics event, and the chat history. Pure: the sources are injected.
 */
import { type ConsentRecord } from '../provider/consent';
import { redactSecrets } from '../provider/redact';

export const PERSONAL_DATA_FORMAT = 'grok-code-fast/personal-data';
export const PERSONAL_DATA_VERSION = 1;

export interface PersonalDataSources {
  listConsents: () => Promise<ConsentRecord[]>;
  /** The analytics export (JSON format) over every retained event. */
  exportAnalyticsJson: () => Promise<string>;
  exportChatHistory: () => Promise<unknown>;
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
  };
}
