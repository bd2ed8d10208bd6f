import { loadExcel } from './load-excel';
import Papa from 'papaparse';
import { cellText } from '../core/tables';
import type { Cell, Table } from '../core/tables';

/**
 * Text that Excel would read as the start of a formula is written as text (a leading '): a
 * reviewer's comment "=HYPERLINK(…)", or a group named "+1", must not become a live formula when
 * the clerk opens the CSV. Numbers are numbers, and other text is left exactly as it is.
 */
export const inert = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const csvCell = (cell: Cell): string => (typeof cell === 'string' ? inert(cell) : cell.number);

/** CSV for Excel in Chinese Windows: UTF-8 with a BOM (without it Excel guesses GBK), CRLF lines. */
export function toCsv(table: Table): Buffer {
  const text = Papa.unparse({ fields: table.header.map(inert), data: table.rows.map((r) => r.map(csvCell)) }, { newline: '\r\n' });
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

/**
 * XLSX with a bold, frozen header and columns wide enough to read. Numbers are number cells
 * (scores shown with 2 decimals, counts and seconds with none), so Excel sums and sorts them;
 * text is a string cell, which a workbook never evaluates, so it needs no guarding.
 */
export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rostrum';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.header).font = { bold: true };
  for (const r of table.rows) {
    const row = ws.addRow(r.map((c) => (typeof c === 'string' ? c : Number(c.number))));
    r.forEach((c, i) => {
      if (typeof c !== 'string') row.getCell(i + 1).numFmt = c.places === 2 ? '0.00' : '0';
    });
  }
  ws.columns.forEach((col, i) => {
    const longest = Math.max(...[table.header[i] ?? '', ...table.rows.map((r) => cellText(r[i] ?? ''))].map((c) => [...c].length));
    col.width = Math.min(60, Math.max(8, longest + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
