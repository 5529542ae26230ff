import * as l10n from '@vscode/l10n';

/** The selection actions and what each asks the model for. */
export const EDIT_ACTIONS = ['refactor', 'fix', 'addErrorHandling', 'generateDocs', 'askGrok'] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];
export type ActionKind = EditAction | 'writeTests' | 'explain';

export const ACTION_TITLES: Record<ActionKind, string> = {
  refactor: l10n.t('Refactor'),
  fix: l10n.t('Fix'),
  addErrorHandling: l10n.t('Add error handling'),
  generateDocs: l10n.t('Generate docs'),
  askGrok: l10n.t('Ask Grok'),
  writeTests: l10n.t('Write tests'),
  explain: l10n.t('Explain'),
};
