/**
 * Step 1: decide from a plain snapshot, before any work, whether a completion may be requested at
 * all. A "no" carries a reason, so the status bar can show a hint (e.g. `needs-consent`) instead of
 * a modal.
 */
import { createExcludeMatcher } from '../platform/excludeMatcher';
import type { InlineSettings } from './types';

export interface PrefilterSnapshot {
  settings: Pick<InlineSettings, 'enabled' | 'disabledLanguages' | 'exclude'>;
  languageId: string;
  relativePath: string;
  absolutePath: string;
  /** Epoch ms until which completions are snoozed from the status bar. */
  snoozedUntil: number | undefined;
  now: number;
  cursorCount: number;
  selectionEmpty: boolean;
  /** Workspace Trust. */
  trusted: boolean;
  /** Consent known to be granted, read synchronously (never prompts). */
  consentGranted: boolean;
}

export type PrefilterReason =
  | 'disabled'
  | 'language-disabled'
  | 'snoozed'
  | 'multiple-cursors'
  | 'selection'
  | 'untrusted'
  | 'excluded'
  | 'needs-consent';

export type PrefilterVerdict = { allowed: true } | { allowed: false; reason: PrefilterReason };

/** Checks in order of cost; `needs-consent` comes last so a hint is shown only where a completion would be. */
export function prefilter(s: PrefilterSnapshot): PrefilterVerdict {
  const reason = firstReason(s);
  return reason === undefined ? { allowed: true } : { allowed: false, reason };
}

function firstReason(s: PrefilterSnapshot): PrefilterReason | undefined {
  if (!s.settings.enabled) return 'disabled';
  if (s.settings.disabledLanguages.includes(s.languageId)) return 'language-disabled';
  if (s.snoozedUntil !== undefined && s.now < s.snoozedUntil) return 'snoozed';
  if (s.cursorCount > 1) return 'multiple-cursors';
  if (!s.selectionEmpty) return 'selection';
  if (!s.trusted) return 'untrusted';
  if (createExcludeMatcher(s.settings.exclude)(s.relativePath, s.absolutePath)) return 'excluded';
  if (!s.consentGranted) return 'needs-consent';
  return undefined;
}
