import Papa from 'papaparse';
import { IMPORT_LIMITS, over } from './import-limits';
import type { ImportLimits } from './import-limits';
import { loadExcel } from './load-excel';
import { inspectXlsx } from './xlsx-inspect';

/** Excel in Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GBK. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** Rows that hold something: what a roster or an agenda counts before its own limit. */
export const filledRows = (rows: string[][]): number => rows.filter((r) => r.some((c) => c !== '')).length;

/** A sheet already read (a CSV, parsed in one pass over at most IMPORT_LIMITS.fileBytes) checked against the sheet limits. */
export function sheetProblem(rows: string[][], limits: ImportLimits = IMPORT_LIMITS): string | null {
  const last = rows.findLastIndex((r) => r.some((c) => c !== ''));
  if (last + 1 > limits.rows) return over.rows(last + 1, limits);
  let cells = 0;
  for (const r of rows.slice(0, last + 1)) {
    if (r.length > limits.columns) return over.columns(r.length, limits);
    cells += r.length;
  }
  return cells > limits.cells ? over.cells(cells, limits) : null;
}

/**
 * The sheet as rows of trimmed text, from CSV or the first worksheet of an XLSX. An XLSX is
 * checked against every limit before it is opened (xlsx-inspect.ts); a CSV is checked by the
 * caller after its own limit (a roster's 500 reviewers says more than "too many cells").
 */
export async function readRows(bytes: Uint8Array, fileName: string, limits: ImportLimits = IMPORT_LIMITS): Promise<string[][] | string> {
  if (bytes.byteLength > limits.fileBytes) return over.fileBytes(bytes.byteLength, limits);
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv') {
    const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
    return parsed.data.map((r) => r.map((c) => c.trim()));
  }
  if (ext === 'xlsx') {
    const problem = inspectXlsx(bytes, limits);
    if (problem) return problem;
    const ExcelJS = await loadExcel();
    const wb = new ExcelJS.Workbook();
    try {
      // exceljs declares its own Buffer type; Node's Buffer is what it reads.
      await wb.xlsx.load(Buffer.from(bytes) as never);
    } catch {
      return 'this is not a readable .xlsx file';
    }
    const ws = wb.worksheets[0];
    if (!ws) return 'the workbook has no sheet';
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      rows.push(Array.from({ length: ws.columnCount }, (_, c) => row.getCell(c + 1).text.trim()));
    }
    return rows;
  }
  return `"${fileName}": only .csv and .xlsx files can be imported`;
}
