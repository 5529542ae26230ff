/** One user's answer for one model at one endpoint, as stored: parsed back with zod, anything else counts as no answer. */
import * as z from 'zod';

export const ConsentRecordSchema = z.object({
  userId: z.string(),
  modelId: z.string(),
  /** The endpoint origin the answer is for (endpointOrigin). */
  endpoint: z.string(),
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

/** Who consents to what, where: the user, the model and the endpoint origin. */
export interface ConsentSubject {
  userId: string;
  modelId: string;
  /** An endpoint origin (endpointOrigin), e.g. `https://api.x.ai`. */
  endpoint: string;
}

/** A subject as callers name it: without `endpoint` it means the endpoint of the manager's registry or provider. */
export type ConsentQuery = Omit<ConsentSubject, 'endpoint'> & { endpoint?: string };

const KEY_PREFIX = 'grokCodeFast.consent/';

/** Encoded so that no user, model or origin can make two subjects share a key. */
export function consentKey(subject: ConsentSubject): string {
  return `${KEY_PREFIX}${[subject.userId, subject.modelId, subject.endpoint].map(encodeURIComponent).join('/')}`;
}

export function isConsentKey(key: string): boolean {
  return key.startsWith(KEY_PREFIX);
}
