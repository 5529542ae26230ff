/**
 * The chat feature: the side panel, its commands, and its history as a personal-data holder. It
 * re-sends its status after key, setting and consent changes and stops an answer when consent is revoked.
 */
import * as vscode from 'vscode';
import { createExcludeMatcher } from '../platform/excludeMatcher';
import { INTERNAL_COMMANDS } from '../platform/internalCommands';
import { type Services } from '../platform/platform';
import { type ChatViewProvider, registerChatView } from './chatViewProvider';
import { HistoryStore } from './historyStore';
import { createVscodeWorkspaceAccess } from './tools/vscodeWorkspaceAccess';
import { WorkspaceTools } from './tools/workspaceTools';
import { workspaceKeyOf } from './workspaceKey';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function registerChat(context: vscode.ExtensionContext, services: Services): ChatViewProvider {
  const settings = () => services.settings();
  const history = new HistoryStore(
    services.globalState,
    workspaceKeyOf(vscode.workspace.workspaceFolders?.map((folder) => folder.uri.toString())),
    services.log,
    undefined,
    (message) => void vscode.window.showWarningMessage(message),
  );
  const chat = registerChatView(context, {
    extensionUri: context.extensionUri,
    getProvider: () => services.providerFor('chat'),
    consent: {
      has: () => services.consent.hasConsent(),
      record: (granted) => services.consent.setConsent(granted),
      // Read at each use: the notice names the endpoint the user configured now.
      get notice() {
        return services.consent.noticeText();
      },
    },
    hasApiKey: () => services.hasApiKey(),
    history,
    apply: {
      proposedEdits: services.proposedEdits,
      isExcluded: (uri) => createExcludeMatcher(settings().exclude)(vscode.workspace.asRelativePath(uri, false), uri.fsPath),
      ensureConsent: () => services.consent.ensureConsent(),
      // The chat's model merges what it wrote; analytics, limits and cost count it as feature `apply`.
      merge: async (messages, signal) =>
        (await services.providerFor('chat').generateResponse({ messages, metadata: { feature: 'apply' }, options: { signal } })).content,
    },
    tools: new WorkspaceTools({ access: createVscodeWorkspaceAccess(), getExcludeGlobs: () => settings().exclude }),
    getSettings: () => ({
      model: settings().models.chat,
      maxTokens: settings().maxTokens,
      temperature: settings().temperature,
      maxToolRounds: settings().chat.maxToolRounds,
      estimateNoticeUsd: settings().budget.estimateNoticeUsd,
      // The model's context window from the registry's facts; undefined for a model it does not list.
      contextWindow: services.registry.listModels().find((facts) => facts.id === settings().models.chat)?.contextWindow,
    }),
    logger: services.log,
  });
  const refresh = () => void chat.refresh();
  context.subscriptions.push(
    services.personalData.add({
      key: 'chatHistory',
      what: vscode.l10n.t('chat history'),
      exportAll: () => history.exportAll(),
      deleteAll: async () => {
        await history.deleteAll();
        // The open panel drops the deleted conversation, draft and chips now, not at its next message.
        refresh();
      },
    }),
    services.onDidApplyKey(refresh),
    services.onDidChangeSettings(refresh),
    services.consent.onDidChange(refresh),
    services.consent.onConsentRevoked(() => chat.stop()),
    vscode.commands.registerCommand('grokCodeFast.openChat', () => chat.reveal()),
    vscode.commands.registerCommand('grokCodeFast.newChat', () => chat.newChat()),
    vscode.commands.registerCommand('grokCodeFast.addSelectionToChat', () => chat.addSelection()),
    vscode.commands.registerCommand('grokCodeFast.addFileToChat', () => chat.addCurrentFile()),
    services.internalCommands.register(INTERNAL_COMMANDS.askInChat, (text: unknown, options: unknown) =>
      typeof text === 'string' ? chat.ask(text, { attachSelection: isRecord(options) && options.attachSelection === true }) : undefined,
    ),
  );
  return chat;
}
