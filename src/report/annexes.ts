/**
 * The annexes: every table of the Report as CSV (RFC 4180, column ids as header, raw values) and JSON (title in the
 * Report's language, columns, rows), and all of them in one XLSX workbook (exceljs), a sheet per table.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { I18n } from './i18n/index.ts';
import type { ReportTable, Value } from './table.ts';

const csvCell = (v: Value): string => {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function tableCsv(t: ReportTable): string {
  const lines = [t.columns.map((c) => c.id).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(r[c.id] ?? null)).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function tableJson(t: ReportTable, title: string): string {
  return JSON.stringify({ id: t.id, title, columns: t.columns, rows: t.rows }, null, 2) + '\n';
}

/** Excel's sheet names: at most 31 characters, unique. */
function sheetName(id: string, used: Set<string>): string {
  let name = id.slice(0, 31);
  for (let n = 2; used.has(name); n++) name = `${id.slice(0, 28)}-${n}`;
  used.add(name);
  return name;
}

export async function writeAnnexes(dir: string, tables: readonly { table: ReportTable; title: string }[], i18n: I18n): Promise<string[]> {
  const files: string[] = [];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pactcycle';
  // A fixed date keeps the workbook the same from one run to the next.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const used = new Set<string>();
  for (const { table, title } of tables) {
    writeFileSync(path.join(dir, `${table.id}.csv`), tableCsv(table));
    writeFileSync(path.join(dir, `${table.id}.json`), tableJson(table, title));
    files.push(`annexes/${table.id}.csv`, `annexes/${table.id}.json`);
    const sheet = workbook.addWorksheet(sheetName(table.id, used));
    sheet.addRow([title]).font = { bold: true };
    sheet.addRow(table.columns.map((c) => i18n.t(`col.${c.id}`))).font = { bold: true };
    for (const r of table.rows) sheet.addRow(table.columns.map((c) => r[c.id] ?? null));
    for (const [i, c] of table.columns.entries()) {
      if (c.type === 'percent') sheet.getColumn(i + 1).numFmt = '0.0%';
      else if (c.type === 'integer') sheet.getColumn(i + 1).numFmt = '#,##0';
      sheet.getColumn(i + 1).width = c.type === 'text' || c.type === 'label' || c.type === 'route' ? 36 : 16;
    }
  }
  await workbook.xlsx.writeFile(path.join(dir, 'tables.xlsx'));
  files.push('annexes/tables.xlsx');
  return files;
}
