import type ExcelJS from 'exceljs';

/**
 * exceljs takes about a third of a second to load: more than the rest of the host together. It is
 * loaded on the first XLSX import or export, not at start-up, so the host is ready sooner.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  // A CommonJS package: its module object is under `default` when imported dynamically.
  return ((await import('exceljs')) as unknown as { default: typeof ExcelJS }).default;
}
