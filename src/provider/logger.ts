/**
 * The core's logger: leveled lines to a sink (the console unless told otherwise). Every line is
 * redacted, so an API key that slips into a message or a detail never reaches a log.
 */
import { redactSecrets } from './redact';
import { type Logger } from './types';

/** A log line's level, lowest first: debug < info < warn < error. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** createLogger's options: the lowest level kept, where lines go, and the clock for time stamps. */
export interface LoggerOptions {
  /** Lines below this level are dropped. Default `info`. */
  level?: LogLevel;
  /** Where finished lines go. Default: the console method of the same level. */
  sink?: (level: LogLevel, line: string) => void;
  /** The clock for the time stamp. */
  now?: () => Date;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

function describe(detail: unknown): string {
  if (detail instanceof Error) return `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail) ?? String(detail);
  } catch {
    return String(detail);
  }
}

function consoleSink(level: LogLevel, line: string): void {
  console[level](line);
}

/**
 * A Logger for use outside VS Code (plain Node, tests): one line per call, `<ISO time> [level] message details`, secrets
 * redacted, lines below `level` dropped. Never throws on odd details (they are stringified).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LEVEL_RANK[options.level ?? 'info'];
  const sink = options.sink ?? consoleSink;
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel) => (message: string, ...details: unknown[]) => {
    if (LEVEL_RANK[level] < threshold) return;
    const text = [message, ...details.map(describe)].join(' ');
    sink(level, redactSecrets(`${now().toISOString()} [${level}] ${text}`));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
