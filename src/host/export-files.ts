import { loadExcel } from './load-excel';
import Papa from 'papaparse';
import type { Table } from '../core/tables';

/**
 * A cell that starts like a formula is written as text: a reviewer's comment "=HYPERLINK(…)"
 * must not become a live formula when the clerk opens the CSV in Excel.
 */
const inert = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** CSV for Excel in Chinese Windows: UTF-8 with a BOM (without it Excel guesses GBK), CRLF lines. */
export function toCsv(table: Table): Buffer {
  const text = Papa.unparse({ fields: table.header, data: table.rows.map((r) => r.map(inert)) }, { newline: '\r\n' });
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

/** XLSX with a bold, frozen header and columns wide enough to read. */
export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rostrum';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.header).font = { bold: true };
  table.rows.forEach((r) => ws.addRow(r));
  ws.columns.forEach((col, i) => {
    const longest = Math.max(...[table.header[i] ?? '', ...table.rows.map((r) => r[i] ?? '')].map((c) => [...c].length));
    col.width = Math.min(60, Math.max(8, longest + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
