/**
 * The chat side panel (view `grokCodeFast.chatView`): serves the webview page with a fresh nonce,
 * connects it to the ChatController, and offers the commands' entry points (add selection, add
 * file, new chat, ask). The webview is not kept alive while hidden: on every load it sends `ready`
 * and gets the host's snapshot, so the conversation and the draft come back.
 */
import * as vscode from 'vscode';
import { pageHtml, webviewRoot } from '../platform/webviewAssets';
import { type ApplyDeps } from './apply/applyInEditor';
import { ChatController, type ChatControllerDeps } from './chatController';
import { type ChatEditorHost } from './chatEditorHost';
import { VscodeChatEditorHost } from './vscodeChatEditorHost';

export const CHAT_VIEW_ID = 'grokCodeFast.chatView';

export interface ChatViewDeps extends ChatControllerDeps {
  /** The extension's root: the page loads dist/webview/chat.js and chat-style.css from it. */
  extensionUri: vscode.Uri;
  /** What Apply to file needs: the shared proposed-edit flow, the exclude and consent gates, the merge request. */
  apply: ApplyDeps;
}

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private readonly controller: ChatController;
  private view: vscode.WebviewView | undefined;
  private viewDisposables: vscode.Disposable[] = [];

  /** `editor` replaces the VS Code editor host (tests). */
  constructor(
    private readonly deps: ChatViewDeps,
    editor: ChatEditorHost = new VscodeChatEditorHost(deps.apply),
  ) {
    this.controller = new ChatController(deps, editor);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [webviewRoot(this.deps.extensionUri), vscode.Uri.joinPath(this.deps.extensionUri, 'media')],
    };
    view.webview.html = pageHtml(view.webview, this.deps.extensionUri, 'chat');
    this.controller.connect((message) => void view.webview.postMessage(message));
    this.viewDisposables = [
      view.webview.onDidReceiveMessage((message: unknown) => this.controller.handle(message)),
      view.onDidDispose(() => {
        if (this.view !== view) return;
        this.view = undefined;
        this.disposeView();
      }),
    ];
  }

  /** Opens the panel (resolving the webview if it was never shown). */
  async reveal(): Promise<void> {
    if (this.view !== undefined) this.view.show(true);
    else await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
  }

  async addSelection(): Promise<void> {
    await this.reveal();
    await this.controller.addSelection();
  }

  async addCurrentFile(): Promise<void> {
    await this.reveal();
    await this.controller.addCurrentFile();
  }

  async newChat(): Promise<void> {
    await this.reveal();
    await this.controller.newChat();
  }

  /** Opens the panel and sends `text` (with any attached chips, and the selection if asked) as the user's next message. */
  async ask(text: string, options: { attachSelection?: boolean } = {}): Promise<void> {
    await this.reveal();
    await this.controller.ask(text, options);
  }

  /** Re-sends the status (key, consent, model) after it changed outside the panel. */
  async refresh(): Promise<void> {
    await this.controller.postState();
  }

  /** Stops the answer in progress (e.g. when consent is revoked). */
  stop(): void {
    this.controller.stop();
  }

  /** True while the panel's webview is resolved and shown. */
  get visible(): boolean {
    return this.view?.visible === true;
  }

  /** The controller, for the integration tests. */
  get chat(): ChatController {
    return this.controller;
  }

  dispose(): void {
    this.disposeView();
    this.controller.dispose();
  }

  private disposeView(): void {
    this.controller.connect(undefined);
    for (const disposable of this.viewDisposables) disposable.dispose();
    this.viewDisposables = [];
  }
}

/**
 * Registers the chat view; the provider (a Disposable) is also added to the context's subscriptions.
 * Keep the returned provider for the commands (addSelection, addCurrentFile, newChat, ask, reveal).
 */
export function registerChatView(context: vscode.ExtensionContext, deps: ChatViewDeps): ChatViewProvider {
  const provider = new ChatViewProvider(deps);
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider, { webviewOptions: { retainContextWhenHidden: false } }),
  );
  return provider;
}
