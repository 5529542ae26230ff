export {
  CONSENT_NOTICE,
  CONSENT_NOTICE_VERSION,
  ConsentManager,
  ConsentRecordSchema,
  MemoryConsentStore,
  type ConsentChange,
  type ConsentManagerOptions,
  type ConsentRecord,
  type ConsentStore,
} from './consentManager';
