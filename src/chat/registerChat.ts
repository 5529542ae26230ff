/**
 * The chat feature: the side panel, its commands, and its history as a personal-data holder. It
 * re-sends its status after key, setting and consent changes and stops an answer when consent is revoked.
 */
import * as vscode from 'vscode';
import { INTERNAL_COMMANDS } from '../platform/internalCommands';
import { type Services } from '../platform/platform';
import { CONSENT_NOTICE } from '../provider';
import { type ChatViewProvider, registerChatView } from './chatViewProvider';
import { HistoryStore } from './historyStore';
import { createVscodeWorkspaceAccess } from './tools/vscodeWorkspaceAccess';
import { WorkspaceTools } from './tools/workspaceTools';
import { workspaceKeyOf } from './workspaceKey';

export function registerChat(context: vscode.ExtensionContext, services: Services): ChatViewProvider {
  const settings = () => services.settings();
  const history = new HistoryStore(
    context.globalState,
    workspaceKeyOf(vscode.workspace.workspaceFolders?.map((folder) => folder.uri.toString())),
    services.log,
  );
  const chat = registerChatView(context, {
    extensionUri: context.extensionUri,
    getProvider: () => services.providerFor('chat'),
    consent: {
      has: () => services.consent.hasConsent(),
      record: (granted) => services.consent.setConsent(granted),
      notice: CONSENT_NOTICE,
    },
    hasApiKey: () => services.hasApiKey(),
    history,
    proposalDocuments: services.proposalDocuments,
    tools: new WorkspaceTools({ access: createVscodeWorkspaceAccess(), getExcludeGlobs: () => settings().exclude }),
    getSettings: () => ({
      model: settings().models.chat,
      maxTokens: settings().maxTokens,
      temperature: settings().temperature,
      maxToolRounds: settings().chat.maxToolRounds,
    }),
    logger: services.log,
  });
  const refresh = () => void chat.refresh();
  context.subscriptions.push(
    services.personalData.add({ key: 'chatHistory', what: 'chat history', exportAll: () => history.exportAll(), deleteAll: () => history.deleteAll() }),
    services.onDidApplyKey(refresh),
    services.onDidChangeSettings(refresh),
    services.consent.onDidChange(refresh),
    services.consent.onConsentRevoked(() => chat.stop()),
    vscode.commands.registerCommand('grokCodeFast.openChat', () => chat.reveal()),
    vscode.commands.registerCommand('grokCodeFast.newChat', () => chat.newChat()),
    vscode.commands.registerCommand('grokCodeFast.addSelectionToChat', () => chat.addSelection()),
    vscode.commands.registerCommand('grokCodeFast.addFileToChat', () => chat.addCurrentFile()),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.askInChat, (text: unknown) => (typeof text === 'string' ? chat.ask(text) : undefined)),
  );
  return chat;
}
