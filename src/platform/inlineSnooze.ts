/**
 * The user's pause of inline completions (the status menu's Snooze): until an epoch-ms time or until
 * the editor restarts. The status bar shows it, the inline provider reads it on every request.
 */
import * as vscode from 'vscode';

export type SnoozeUntil = number | 'restart' | undefined;

export class InlineSnooze implements vscode.Disposable {
  private until: SnoozeUntil;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly now: () => number = Date.now) {}

  /** Epoch ms or 'restart' while snoozed; undefined when not (a snooze that ran out is over). */
  get snoozedUntil(): number | 'restart' | undefined {
    if (typeof this.until === 'number' && this.until <= this.now()) this.until = undefined;
    return this.until;
  }

  /** Pauses completions until `until`; undefined wakes them. */
  snooze(until: SnoozeUntil): void {
    this.until = until;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
