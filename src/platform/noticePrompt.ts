/** How a notice with buttons is shown: VS Code's message by default; the integration tests answer it instead. */
import * as vscode from 'vscode';

/** Shows `message` with `buttons` and resolves with the button clicked (undefined: dismissed). */
export type NoticePrompt = (severity: 'info' | 'warning', message: string, buttons: string[]) => Thenable<string | undefined>;

export const showNotice: NoticePrompt = (severity, message, buttons) =>
  severity === 'info' ? vscode.window.showInformationMessage(message, ...buttons) : vscode.window.showWarningMessage(message, ...buttons);
