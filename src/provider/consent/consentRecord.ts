/** One user's answer for one model, as stored: parsed back with zod, anything else counts as no answer. */
import * as z from 'zod';

export const ConsentRecordSchema = z.object({
  userId: z.string(),
  modelId: z.string(),
  consentGiven: z.boolean(),
  dataUsageAcknowledged: z.boolean(),
  /** The CONSENT_NOTICE_VERSION the user answered. */
  version: z.string(),
  timestamp: z.iso.datetime(),
  appName: z.string(),
  appVersion: z.string(),
});
/** One stored answer: user, model, given or not, data use acknowledged, notice version, time (ISO 8601), app name and version. */
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

const KEY_PREFIX = 'grokCodeFast.consent/';

/** Encoded so that no user or model id can make two pairs share a key. */
export function consentKey(userId: string, modelId: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(userId)}/${encodeURIComponent(modelId)}`;
}

export function isConsentKey(key: string): boolean {
  return key.startsWith(KEY_PREFIX);
}
