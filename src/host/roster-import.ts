import { ROSTER_LIMIT } from '../core/scoring.setup';
import type { Reviewer, ReviewerGroup } from '../core/scoring.setup';
import type { ImportLimits } from './import-limits';
import { filledRows, readRows, sheetProblem } from './sheet-file';

/** A problem in the file, where the person will find it in Excel: row 1 is the header. */
export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

export type RosterImport = { ok: true; reviewers: Reviewer[] } | { ok: false; errors: RowError[] };

const COLUMNS = {
  name: ['name', '姓名', '评委', '评委姓名'],
  group: ['group', '组', '分组', '评分组', '类别'],
  unit: ['unit', '单位', '所在单位', '部门'],
} as const;
type Column = keyof typeof COLUMNS;

function findColumns(header: string[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const key = h.toLowerCase();
    for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) if (found[col] === undefined && names.includes(key)) found[col] = i;
  });
  return found;
}

/**
 * Reads a roster (name, group, unit) into reviewers. Every bad row is reported with its row number,
 * column and reason; with any error nothing is imported. A reviewer already on the roster keeps
 * their id, so their QR card stays valid.
 */
export async function importRoster(bytes: Uint8Array, fileName: string, groups: ReviewerGroup[], existing: Reviewer[], limits?: ImportLimits): Promise<RosterImport> {
  const rows = await readRows(bytes, fileName, limits);
  if (typeof rows === 'string') return { ok: false, errors: [{ row: 0, column: null, reason: rows }] };
  const people = filledRows(rows) - 1;
  if (people > ROSTER_LIMIT) return { ok: false, errors: [{ row: 0, column: null, reason: `a roster holds at most ${ROSTER_LIMIT} reviewers; this file has ${people} rows under its header (roster limit)` }] };
  const tooBig = sheetProblem(rows, limits);
  if (tooBig) return { ok: false, errors: [{ row: 0, column: null, reason: tooBig }] };
  const [header = [], ...body] = rows;
  const cols = findColumns(header);
  const errors: RowError[] = [];
  for (const col of ['name', 'group'] as const) {
    if (cols[col] === undefined) errors.push({ row: 1, column: col, reason: `no "${col}" column; the header may say ${COLUMNS[col].map((n) => `"${n}"`).join(', ')}` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const byName = new Map(existing.map((r) => [r.name, r.id]));
  const used = new Set(existing.map((r) => r.id));
  let next = 1;
  const newId = () => {
    while (used.has(`r${next}`)) next++;
    used.add(`r${next}`);
    return `r${next}`;
  };
  const seen = new Map<string, number>();
  const reviewers: Reviewer[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c === '')) return;
    const name = cells[cols.name ?? -1] ?? '';
    const groupText = cells[cols.group ?? -1] ?? '';
    const unit = cols.unit === undefined ? '' : (cells[cols.unit] ?? '');
    const group = groups.find((g) => g.name === groupText || g.id.toLowerCase() === groupText.toLowerCase());
    if (name === '') errors.push({ row, column: 'name', reason: 'the name is empty' });
    else if (name.length > 40) errors.push({ row, column: 'name', reason: `the name is longer than 40 characters` });
    else if (seen.has(name)) errors.push({ row, column: 'name', reason: `"${name}" is already on row ${seen.get(name)}` });
    if (!group) errors.push({ row, column: 'group', reason: `unknown group "${groupText}"; known: ${groups.map((g) => g.name).join(', ')}` });
    if (unit.length > 60) errors.push({ row, column: 'unit', reason: 'the unit is longer than 60 characters' });
    if (name !== '' && !seen.has(name)) seen.set(name, row);
    if (group && name !== '' && name.length <= 40 && unit.length <= 60) reviewers.push({ id: byName.get(name) ?? '', name, groupId: group.id, unit });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, reviewers: reviewers.map((r) => (r.id === '' ? { ...r, id: newId() } : r)) };
}
