/** Composition root: builds the parts and hands each what it needs; nothing else lives here. */
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Grok Code Fast', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('grokCodeFast.showLog', () => log.show()));
  log.info('activated');
}

export function deactivate(): void {}
