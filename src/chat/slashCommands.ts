import * as l10n from '@vscode/l10n';

/**
 * The chat's slash commands: `/explain`, `/fix`, `/tests`, `/doc` run the selection action of the same
 * name on the editor's current selection (what Copilot Chat users type). Shared by the webview (the
 * composer's completion, recognising a command) and the host (running it); no `vscode` import.
 */
export const SLASH_COMMANDS = {
  explain: { action: 'explain', description: l10n.t('Explain the selection here in the chat') },
  fix: { action: 'fix', description: l10n.t('Fix the selection (its diagnostics go along), as a diff') },
  tests: { action: 'writeTests', description: l10n.t('Write tests for the selection in a new file') },
  doc: { action: 'generateDocs', description: l10n.t('Add documentation comments to the selection, as a diff') },
} as const;

export type SlashCommandName = keyof typeof SLASH_COMMANDS;
export const SLASH_COMMAND_NAMES = Object.keys(SLASH_COMMANDS) as [SlashCommandName, ...SlashCommandName[]];

/** The command the whole message is (`/fix`, surrounding blanks allowed), else undefined. */
export function parseSlashCommand(text: string): SlashCommandName | undefined {
  const match = /^\s*\/([a-z]+)\s*$/.exec(text);
  const name = match?.[1];
  return name !== undefined && Object.hasOwn(SLASH_COMMANDS, name) ? (name as SlashCommandName) : undefined;
}

/** Commands to complete while the composer holds just `/` and a word start, in menu order; else undefined. */
export function slashCompletions(text: string): { name: SlashCommandName; description: string }[] | undefined {
  const match = /^\/([a-z]*)$/.exec(text);
  if (match === null) return undefined;
  const start = match[1]!;
  return SLASH_COMMAND_NAMES.filter((name) => name.startsWith(start)).map((name) => ({ name, description: SLASH_COMMANDS[name].description }));
}
