import * as l10n from '@vscode/l10n';

/**
 * Delete My Data: runs every eraser even when one fails, and says which did not finish, so a partial
 * failure is reported rather than hidden. Consent records go first: their removal revokes consent,
 * which stops new requests (and so new analytics) before the rest is erased.
 */
export interface Eraser {
  /** What it erases, in words for the user: "analytics", "chat history", "consent records". */
  what: string;
  erase: () => Promise<void>;
}

export interface ErasureResult {
  erased: string[];
  failed: { what: string; error: string }[];
}

export async function erasePersonalData(erasers: readonly Eraser[]): Promise<ErasureResult> {
  const result: ErasureResult = { erased: [], failed: [] };
  for (const eraser of erasers) {
    try {
      await eraser.erase();
      result.erased.push(eraser.what);
    } catch (error) {
      result.failed.push({ what: eraser.what, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** One line for the notification after Delete My Data. */
export function describeErasure(result: ErasureResult): string {
  if (result.failed.length === 0) {
    return l10n.t('Deleted your {0}. Nothing is left on this machine; your API key stays in the OS keychain until you run "Grok: Clear API Key".', joinWords(result.erased));
  }
  const failed = result.failed.map((f) => `${f.what} (${f.error})`);
  if (result.erased.length === 0) return l10n.t('Could not delete your {0}. Try Delete My Data again.', joinWords(failed));
  return l10n.t('Could not delete your {0}. Deleted: {1}. Try Delete My Data again.', joinWords(failed), joinWords(result.erased));
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return l10n.t('{0} and {1}', words.slice(0, -1).join(', '), words.at(-1) ?? '');
}
