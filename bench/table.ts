/** The ledger as a plain-text table, one block per section. */
import { type Figure } from './figure';

const HEADERS = ['figure', 'value', 'baseline', 'ratio', 'target', 'pass', 'runs'];

function valueText(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit ? `${value.toLocaleString('en-US')} ${unit}` : value.toLocaleString('en-US');
}

function row(figure: Figure): string[] {
  return [
    figure.name,
    valueText(figure.value, figure.unit),
    figure.baseline ? `${valueText(figure.baseline.value, figure.unit)} (${figure.baseline.name})` : '',
    figure.ratio === undefined ? '' : `${figure.ratio}×`,
    figure.target?.text ?? '',
    figure.target ? (figure.target.pass ? 'PASS' : 'FAIL') : '',
    figure.runs === undefined ? '' : String(figure.runs),
  ];
}

export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map(row);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...rows.map((cells) => cells[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  const out: string[] = [];
  let section: string | undefined;
  figures.forEach((figure, i) => {
    if (figure.section !== section) {
      section = figure.section;
      out.push('', `== ${section} ==`, line(HEADERS), line(widths.map((width) => '-'.repeat(width))));
    }
    out.push(line(rows[i]));
    if (figure.note) out.push(`    ${figure.note}`);
  });
  return out.join('\n').trimStart();
}
