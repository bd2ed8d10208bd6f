import { loadExcel } from './load-excel';
import Papa from 'papaparse';

/** Excel in Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GBK. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** The sheet as rows of trimmed text, from CSV or the first worksheet of an XLSX. */
export async function readRows(bytes: Uint8Array, fileName: string): Promise<string[][] | string> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv') {
    const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
    return parsed.data.map((r) => r.map((c) => c.trim()));
  }
  if (ext === 'xlsx') {
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
