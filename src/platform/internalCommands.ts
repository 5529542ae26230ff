/**
 * Commands one feature offers another without importing it (not contributed in package.json, so
 * not in the Command Palette). Arguments and results are plain values.
 */
export const INTERNAL_COMMANDS = {
  /** (text: string, options?: { attachSelection: boolean }): opens the chat panel and sends `text` as the user's next message, with the editor's selection attached as a chip when asked. Registered by chat. */
  askInChat: 'grokCodeFast.askInChat',
  /** (): re-sends the open Performance Report, if any (after data changed). Registered by report. */
  refreshReport: 'grokCodeFast.refreshReport',
} as const;
