/**
 * Commands one feature offers another without importing it (not contributed in package.json, so
 * not in the Command Palette). Arguments and results are plain values.
 *
 * Any extension or task can run any command by name, so an internal command such as askInChat
 * would let one send a chat message with the user's key. Each activation therefore makes one random
 * caller token, held only in this extension's memory; every internal command is registered and run
 * through InternalCommands, which passes the token first and refuses (and logs) a call without it.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { type Logger } from '../provider/types';

export const INTERNAL_COMMANDS = {
  /** (text: string, options?: { attachSelection: boolean }): opens the chat panel and sends `text` as the user's next message, with the editor's selection attached as a chip when asked. Registered by chat. */
  askInChat: 'grokCodeFast.askInChat',
  /** (): re-sends the open Performance Report, if any (after data changed). Registered by report. */
  refreshReport: 'grokCodeFast.refreshReport',
  /** (key: string): stores the key, checks it and tells the user, as Set API Key does after its input box; resolves to the verdict's kind ('valid' | 'rejected' | 'unreachable'). Registered by onboarding. */
  useApiKey: 'grokCodeFast.useApiKey',
} as const;

export type InternalCommand = (typeof INTERNAL_COMMANDS)[keyof typeof INTERNAL_COMMANDS];

export class InternalCommands {
  private readonly token = randomUUID();

  constructor(private readonly logger: Logger) {}

  /** Registers `name`; the handler runs only for a caller that passed this activation's token. */
  register(name: InternalCommand, handler: (...args: unknown[]) => unknown): vscode.Disposable {
    return vscode.commands.registerCommand(name, (token: unknown, ...args: unknown[]) => {
      if (token === this.token) return handler(...args);
      this.logger.warn(`Refused the internal command ${name}: the caller is not this extension.`);
      return undefined;
    });
  }

  /** Runs `name` as this extension, token first. */
  execute<T = unknown>(name: InternalCommand, ...args: unknown[]): Thenable<T | undefined> {
    return vscode.commands.executeCommand<T>(name, this.token, ...args);
  }
}
