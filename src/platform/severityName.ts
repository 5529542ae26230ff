/** VS Code's diagnostic severities as the words prompts and tool results use. */
import * as vscode from 'vscode';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, SeverityName> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};
