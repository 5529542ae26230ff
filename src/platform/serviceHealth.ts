/** The service's health as the health checks last judged it, for whoever shows it (the status bar). */
import * as vscode from 'vscode';

/** 'ok': answering; 'degraded': slow or failing often; 'down': unreachable. */
export type HealthState = 'ok' | 'degraded' | 'down';

export interface HealthReport {
  state: HealthState;
  /** One line on what was found; undefined when monitoring was switched off. */
  summary: string | undefined;
}

export class ServiceHealth implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HealthReport>();
  readonly onDidChange = this.changed.event;

  report(report: HealthReport): void {
    this.changed.fire(report);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
