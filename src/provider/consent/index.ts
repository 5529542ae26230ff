export { consentNotice, CONSENT_NOTICE_VERSION, endpointOrigin } from './consentNotice';
export { ConsentManager, type ConsentChange, type ConsentManagerOptions } from './consentManager';
export { type ConsentQuery, type ConsentRecord, type ConsentSubject } from './consentRecord';
export { MemoryConsentStore, type ConsentStore } from './consentStore';
