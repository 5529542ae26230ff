/**
 * The two export formats.
 * JSON: { version: 1, exportedAt, period: { start, end }, events: [...] } with ISO dates and the events as stored.
 * CSV: a header row of EXPORT_CSV_COLUMNS, one event per row, CRLF line ends, RFC 4180 quoting; `time` is
 * epoch ms and `timeIso` the same instant in ISO 8601; columns that do not apply to an event are empty.
 * A text cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) gets a leading `'` (OWASP, "CSV Injection"); numbers stay numbers.
 */
import { type AnalyticsEvent } from './analyticsEvent';

const EXPORT_FORMAT_VERSION = 1;

/** The CSV export's header, in column order (README "Analytics export format"). */
export const EXPORT_CSV_COLUMNS = [
  'kind',
  'v',
  'time',
  'timeIso',
  'feature',
  'model',
  'requestId',
  'userHash',
  'outcome',
  'errorCode',
  'latencyMs',
  'ttftMs',
  'promptTokens',
  'completionTokens',
  'reasoningTokens',
  'cachedTokens',
  'totalTokens',
  'costUsd',
  'action',
  'chars',
  'servedModel',
  'noSuggestion',
] as const;

export function exportJson(events: readonly AnalyticsEvent[], period: { start: Date; end: Date }, exportedAt: Date): string {
  return JSON.stringify(
    {
      version: EXPORT_FORMAT_VERSION,
      exportedAt: exportedAt.toISOString(),
      period: { start: period.start.toISOString(), end: period.end.toISOString() },
      events,
    },
    null,
    2,
  );
}

export function exportCsv(events: readonly AnalyticsEvent[]): string {
  const rows = [EXPORT_CSV_COLUMNS.join(',')];
  for (const event of events) {
    const values: Record<string, unknown> = { ...event, timeIso: new Date(event.time).toISOString() };
    rows.push(EXPORT_CSV_COLUMNS.map((column) => csvField(values[column])).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

/** The characters a spreadsheet treats as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text that would start a formula is shown as text. */
function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
