/** The selection actions and what each asks the model for. */
export const EDIT_ACTIONS = ['refactor', 'fix', 'addErrorHandling', 'generateDocs', 'askGrok'] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];
export type ActionKind = EditAction | 'writeTests' | 'explain';

export const ACTION_TITLES: Record<ActionKind, string> = {
  refactor: 'Refactor',
  fix: 'Fix',
  addErrorHandling: 'Add error handling',
  generateDocs: 'Generate docs',
  askGrok: 'Ask Grok',
  writeTests: 'Write tests',
  explain: 'Explain',
};
