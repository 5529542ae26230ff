/**
 * Every question the analytics and data-rights commands ask the user, behind one replaceable
 * interface: the integration tests answer them without UI (see the report feature's setPrompts test seam).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPORT_PERIODS, type ReportPeriod } from '../provider/analytics/reportPeriod';
import { deletionQuestion } from './deletionQuestion';
import { defaultExportFolder } from './exportFolder';

export type ExportFormat = 'json' | 'csv';
export type ExportSpan = ReportPeriod | 'all';

export interface AnalyticsDialogs {
  /** Export Analytics: the period and the format; undefined when dismissed. */
  chooseAnalyticsExport(): Promise<{ span: ExportSpan; format: ExportFormat } | undefined>;
  /** A save dialog; undefined when dismissed. */
  chooseSaveLocation(options: { title: string; defaultName: string; format: ExportFormat }): Promise<vscode.Uri | undefined>;
  /** Delete My Data: true only for an explicit "Delete" (the default button keeps the data). */
  confirmDeletion(): Promise<boolean>;
}


const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  json: { JSON: ['json'] },
  csv: { CSV: ['csv'] },
};

export const interactiveDialogs: AnalyticsDialogs = {
  async chooseAnalyticsExport() {
    const spans: (vscode.QuickPickItem & { span: ExportSpan })[] = [
      ...REPORT_PERIODS.map((days) => ({ label: vscode.l10n.t('Last {0} days', days), span: days })),
      { label: vscode.l10n.t('Everything retained'), span: 'all' as const },
    ];
    const span = await vscode.window.showQuickPick(spans, { title: vscode.l10n.t('Export Analytics (1/2): period'), placeHolder: vscode.l10n.t('Which period?') });
    if (!span) return undefined;
    const formats: (vscode.QuickPickItem & { format: ExportFormat })[] = [
      { label: 'JSON', description: vscode.l10n.t('one document: version, period and the events as stored'), format: 'json' },
      { label: 'CSV', description: vscode.l10n.t('one event a row, for spreadsheets'), format: 'csv' },
    ];
    const format = await vscode.window.showQuickPick(formats, { title: vscode.l10n.t('Export Analytics (2/2): format'), placeHolder: vscode.l10n.t('Which format?') });
    return format ? { span: span.span, format: format.format } : undefined;
  },

  async chooseSaveLocation({ title, defaultName, format }) {
    const defaultUri = vscode.Uri.file(path.join(defaultExportFolder(), defaultName));
    return vscode.window.showSaveDialog({ title, saveLabel: vscode.l10n.t('Export'), defaultUri, filters: FILTERS[format] });
  },

  async confirmDeletion() {
    const question = deletionQuestion();
    const answer = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, ...question.buttons);
    return question.confirms(answer);
  },
};
