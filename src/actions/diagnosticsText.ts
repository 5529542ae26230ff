/** The diagnostics inside a selection as lines the model reads: `line 12 error: message (source)`. */
import { maskQuotedLiterals } from '../platform/diagnosticLiterals';

export interface DiagnosticLine {
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  /** 1-based, as editors show it. */
  line: number;
  source?: string;
  code?: string;
}

export function formatDiagnostics(diagnostics: readonly DiagnosticLine[]): string {
  return [...diagnostics]
    .sort((a, b) => a.line - b.line)
    .map((d) => {
      const origin = [d.source, d.code].filter(Boolean).join(' ');
      // Quoted literals may come from another, excluded file (diagnosticLiterals.ts).
      const message = maskQuotedLiterals(d.message.replace(/\s*\n\s*/g, ' ').trim());
      return `- line ${d.line} ${d.severity}: ${message}${origin ? ` (${origin})` : ''}`;
    })
    .join('\n');
}
