import { bytesText } from '../core/protocol';

/**
 * What an imported file may be. An agenda (1,000 speakers) or a roster (500 reviewers) is a few
 * hundred rows of a few columns: these bounds are far above any real sheet and far below what
 * could stall or sink the host. Every one exceeded is refused with its name.
 */
export const IMPORT_LIMITS = {
  /** The uploaded file itself. */
  fileBytes: 5 * 1024 * 1024,
  /** An XLSX is a zip: everything in it, inflated. */
  unzippedBytes: 50 * 1024 * 1024,
  /** Rows, columns and cells of the sheet that is read. */
  rows: 5_000,
  columns: 50,
  cells: 100_000,
  /** Reading one file, in the import's own thread; then it is stopped. */
  timeMs: 10_000,
  /** The import thread's JavaScript heap. */
  heapMb: 256,
};
export type ImportLimits = typeof IMPORT_LIMITS;

/** Refusals that name the limit, as the person who chose the file will read them. */
export const over = {
  fileBytes: (n: number, l: ImportLimits) => `the file is ${bytesText(n)}; an import may be at most ${bytesText(l.fileBytes)} (file size limit)`,
  unzippedBytes: (n: number, l: ImportLimits) => `the workbook unpacks to ${bytesText(n)} or more; an import may unpack to at most ${bytesText(l.unzippedBytes)} (uncompressed size limit)`,
  rows: (n: number, l: ImportLimits) => `the sheet reaches row ${n}; an import reads at most ${l.rows} rows (sheet size limit)`,
  columns: (n: number, l: ImportLimits) => `the sheet reaches column ${n}; an import reads at most ${l.columns} columns (sheet size limit)`,
  cells: (n: number, l: ImportLimits) => `the sheet has ${n} cells or more; an import reads at most ${l.cells} (cell count limit)`,
  timeMs: (l: ImportLimits) => `reading the file took longer than ${l.timeMs / 1000} s and was stopped (time limit)`,
  heapMb: (l: ImportLimits) => `reading the file needed more than ${l.heapMb} MB of memory and was stopped (memory limit)`,
};
