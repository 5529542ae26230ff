/**
 * The engine's input in a plain editing session: one cursor, no selection, a trusted workspace,
 * consent given, not snoozed, no other files offered as context. The replay always types so; unit
 * tests start from it and override what they exercise.
 */
import type { CompletionInput } from '../../src/completion/engine';

export type EditedFile = Pick<CompletionInput, 'text' | 'offset' | 'uri' | 'languageId' | 'relativePath' | 'absolutePath' | 'settings'>;

export function plainEditingInput(file: EditedFile): CompletionInput {
  return { ...file, cursorCount: 1, selectionEmpty: true, trusted: true, consentGranted: true, snoozedUntil: undefined, recentSnippets: [] };
}
