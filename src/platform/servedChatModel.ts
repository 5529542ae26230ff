/**
 * The model that answered the chat model's last request when the endpoint served it with another
 * one (a retirement or redirect): the served-model notice sets it, the status bar shows it.
 */
import * as vscode from 'vscode';

export class ServedChatModel implements vscode.Disposable {
  private model: string | undefined;
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires with the new served model (undefined: the configured model answered itself). */
  readonly onDidChange = this.changed.event;

  get current(): string | undefined {
    return this.model;
  }

  set(model: string | undefined): void {
    if (model === this.model) return;
    this.model = model;
    this.changed.fire(model);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
