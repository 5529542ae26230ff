/** Where the extension keeps personal data, and how Export and Delete My Data reach each holder. */
import * as l10n from '@vscode/l10n';
import { type AnalyticsTracker } from '../provider/analytics';
import { type ConsentManager } from '../provider/consent';
import { type SpendBudget } from '../provider/limits';
import { allTime } from '../provider/analytics/reportPeriod';
import { type PersonalDataHolder } from '../platform/personalData';
import { type Eraser } from './personalDataEraser';
import { type PersonalDataSources } from './personalDataExport';
import { eraseExtensionStorage, type ExtensionStorage } from './storageEraser';

export interface PersonalDataHolders {
  tracker: Pick<AnalyticsTracker, 'exportAnalytics' | 'deleteAll'>;
  consentManager: Pick<ConsentManager, 'listConsents' | 'deleteAll'>;
  /** The spend budget, whose counters globalState keeps (erased with the other keys). */
  spendBudget: Pick<SpendBudget, 'counters'>;
  /** What the features keep (the chat history), as they registered it. */
  features: { list(): PersonalDataHolder[] };
  /** Everything else the extension keeps: its globalState keys and its global storage folder. */
  storage: ExtensionStorage;
  now: () => number;
}

const CHAT_HISTORY = 'chatHistory';

export function personalDataSources(holders: PersonalDataHolders): PersonalDataSources {
  return {
    listConsents: () => holders.consentManager.listConsents(),
    exportAnalyticsJson: () => holders.tracker.exportAnalytics({ period: allTime(holders.now()), format: 'json' }),
    spendCounters: () => holders.spendBudget.counters(),
    exportChatHistory: async () => (await holders.features.list().find((holder) => holder.key === CHAT_HISTORY)?.exportAll()) ?? null,
    now: () => new Date(holders.now()),
  };
}

export function personalDataErasers(holders: PersonalDataHolders): Eraser[] {
  return [
    { what: l10n.t('consent records'), erase: () => holders.consentManager.deleteAll() },
    { what: 'analytics', erase: () => holders.tracker.deleteAll() },
    ...holders.features.list().map((holder) => ({ what: holder.what, erase: () => holder.deleteAll() })),
    // Last: whatever the holders above left, and what no holder owns (user id, salt, counters).
    { what: l10n.t('other stored data (user id, analytics salt, rate-limit and budget counters)'), erase: () => eraseExtensionStorage(holders.storage) },
  ];
}
