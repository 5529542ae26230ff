/**
 * One consent covers every model at an endpoint: the notice says so (consentNotice without a
 * model), so choosing another model there does not ask again. It is still recorded per model, as
 * the core's ConsentManager keeps it (the documented API's `hasConsent(userId, modelId)`): a model
 * first used at an endpoint the user consented to gets its own record, with the same notice version.
 * A withdrawal withdraws every model (ConsentGate.revoke), so a revoked endpoint covers nothing.
 */
import { type ConsentManager, type ConsentSubject } from '../provider/consent';

/** True when the user's consent to some model at the subject's endpoint counts (current notice version, not withdrawn). */
async function endpointConsented(manager: ConsentManager, subject: ConsentSubject): Promise<boolean> {
  for (const record of await manager.listConsents()) {
    if (record.userId !== subject.userId || record.endpoint !== subject.endpoint) continue;
    if (await manager.hasConsent(record)) return true;
  }
  return false;
}

/**
 * The subjects still without consent: each one whose endpoint the user consented to is recorded
 * now (so the others are the ones to ask about). `mayExtend()` is asked right before each record is
 * written: false (a withdrawal under way or made since) records nothing, so a revocation is never undone.
 */
export async function extendEndpointConsent(manager: ConsentManager, subjects: readonly ConsentSubject[], mayExtend: () => boolean = () => true): Promise<ConsentSubject[]> {
  const missing: ConsentSubject[] = [];
  for (const subject of subjects) {
    if (await manager.hasConsent(subject)) continue;
    if ((await endpointConsented(manager, subject)) && mayExtend()) {
      await manager.recordConsent({ ...subject, consentGiven: true, dataUsageAcknowledged: true });
    } else {
      missing.push(subject);
    }
  }
  return missing;
}
