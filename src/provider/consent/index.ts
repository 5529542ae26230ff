export { CONSENT_NOTICE, CONSENT_NOTICE_VERSION } from './consentNotice';
export { ConsentManager, type ConsentChange, type ConsentManagerOptions } from './consentManager';
export { type ConsentRecord } from './consentRecord';
export { MemoryConsentStore, type ConsentStore } from './consentStore';
