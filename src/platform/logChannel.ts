/**
 * The "Grok Code Fast" log channel as the provider's Logger. Every line is redacted before it is
 * written, and with the `logging` cloud feature off only warnings and errors are kept.
 */
import { inspect } from 'node:util';
import * as vscode from 'vscode';
import { redactSecrets } from '../provider/redact';
import { type Logger } from '../provider/types';

type Level = keyof Logger;

/** Lines kept in memory for the integration tests' look at what was logged. */
const RECENT_LINES = 500;

function render(message: string, details: unknown[]): string {
  const parts = details.map((detail) => (typeof detail === 'string' ? detail : inspect(detail, { depth: 4, breakLength: Infinity })));
  return redactSecrets([message, ...parts].join(' '));
}

export class LogChannel implements Logger, vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly recent: string[] = [];
  private verbose = true;

  constructor(channel: vscode.LogOutputChannel = vscode.window.createOutputChannel('Grok Code Fast', { log: true })) { // not UI text: the product's name
    this.channel = channel;
  }

  /** Follows the `cloud.features.logging` setting: off keeps warnings and errors only. */
  setVerbose(verbose: boolean): void {
    this.verbose = verbose;
  }

  debug(message: string, ...details: unknown[]): void {
    this.write('debug', message, details);
  }
  info(message: string, ...details: unknown[]): void {
    this.write('info', message, details);
  }
  warn(message: string, ...details: unknown[]): void {
    this.write('warn', message, details);
  }
  error(message: string, ...details: unknown[]): void {
    this.write('error', message, details);
  }

  show(): void {
    this.channel.show(true);
  }

  /** The last lines written (already redacted), oldest first. */
  recentLines(): readonly string[] {
    return this.recent;
  }

  dispose(): void {
    this.channel.dispose();
  }

  private write(level: Level, message: string, details: unknown[]): void {
    if (!this.verbose && (level === 'debug' || level === 'info')) return;
    const line = render(message, details);
    this.recent.push(`[${level}] ${line}`);
    if (this.recent.length > RECENT_LINES) this.recent.shift();
    this.channel[level](line);
  }
}
