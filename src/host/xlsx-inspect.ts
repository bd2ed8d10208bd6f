import { inflateRawSync } from 'node:zlib';
import type { ImportLimits } from './import-limits';
import { over } from './import-limits';

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

/** The zip's table of contents (its central directory), read without inflating anything. */
function centralDirectory(zip: Buffer, limits: ImportLimits): Entry[] | string {
  // The end record is in the last 22 bytes plus at most a 64 KiB comment.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'this is not a readable .xlsx file';
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return 'this is not a readable .xlsx file';
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = {
      method: zip.readUInt16LE(at + 10),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    };
    // 0xFFFFFFFF: the real sizes are in a ZIP64 record; no spreadsheet of a meeting needs one.
    if (entry.size === 0xffffffff || entry.compressed === 0xffffffff) return over.unzippedBytes(0xffffffff, limits);
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** One entry's bytes, inflated at most to `max` (a size the directory may have lied about is not believed). */
function inflate(zip: Buffer, e: Entry, max: number): Buffer | null {
  const local = e.localOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return null;
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length > max ? null : data;
  return inflateRawSync(data, { maxOutputLength: max });
}

const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Checks an XLSX before exceljs opens it: what the zip says it unpacks to, then what it really
 * unpacks to, then every worksheet's size by its declared dimension and by the references of its
 * cells. exceljs would otherwise build a cell for every position up to the farthest one named: a
 * 1.6 KB file with one cell at XFD1048576 is seventeen billion of them.
 * Null when the file is within every limit, else why not.
 */
export function inspectXlsx(bytes: Uint8Array, limits: ImportLimits): string | null {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(zip, limits);
  if (typeof entries === 'string') return entries;
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.unzippedBytes) return over.unzippedBytes(declared, limits);
  let unpacked = 0;
  for (const e of entries) {
    let data: Buffer | null;
    try {
      data = inflate(zip, e, limits.unzippedBytes - unpacked + 1);
    } catch (err) {
      // zlib stops at maxOutputLength with a RangeError: the entry unpacks to more than it may.
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return over.unzippedBytes(limits.unzippedBytes, limits);
      return 'this is not a readable .xlsx file';
    }
    if (data === null) return 'this is not a readable .xlsx file';
    unpacked += data.length;
    if (unpacked > limits.unzippedBytes) return over.unzippedBytes(unpacked, limits);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const problem = inspectSheet(data.toString('utf8'), limits);
      if (problem) return problem;
    }
  }
  return null;
}

/** A worksheet's extent, by its declared dimension and by every cell and row reference in it. */
function inspectSheet(xml: string, limits: ImportLimits): string | null {
  const dimension = /<dimension\s+ref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"/.exec(xml);
  const check = (col: string, row: number): string | null => {
    if (row > limits.rows) return over.rows(row, limits);
    const c = columnNumber(col);
    return c > limits.columns ? over.columns(c, limits) : null;
  };
  if (dimension) {
    const problem = check(dimension[1] ?? 'A', Number(dimension[2]));
    if (problem) return problem;
  }
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+)(\d+)"/g)) {
    const problem = check(m[1] ?? 'A', Number(m[2]));
    if (problem) return problem;
  }
  // Cells and rows may also go without a reference, each one after the last: count them all.
  let cells = 0;
  for (const _ of xml.matchAll(/<c[\s>/]/g)) if (++cells > limits.cells) return over.cells(cells, limits);
  let rows = 0;
  for (const m of xml.matchAll(/<row\b(?:[^>]*?\br="(\d+)")?/g)) {
    rows = m[1] === undefined ? rows + 1 : Math.max(rows + 1, Number(m[1]));
    if (rows > limits.rows) return over.rows(rows, limits);
  }
  return null;
}
