import { parseDurationText } from './duration-text';
import { AGENDA_LIMITS, commentPhase, PlannedStartSchema, speechPhase } from './meeting';
import type { PhaseSpec, Sitting, Slot } from './meeting';
import { agenda } from './queue';
import type { Table } from './tables';
import { formatMinutes } from './time';

/** A problem in an imported sheet, where the person will find it: row as Excel numbers it. */
export interface RowError {
  row: number;
  column: string | null;
  reason: string;
}

export type AgendaImport = { ok: true; sittings: Sitting[]; slots: Slot[] } | { ok: false; errors: RowError[] };

type Column = 'sitting' | 'order' | 'unit' | 'speaker' | 'title' | 'topic' | 'speech' | 'comment' | 'start';

/** Header names understood, Chinese and English; the export writes the first of each. */
const HEADERS: Record<Column, readonly string[]> = {
  sitting: ['场次', 'sitting'],
  order: ['序号', 'order', '顺序', '发言顺序', 'no', 'no.'],
  unit: ['单位', 'unit', '部门'],
  speaker: ['发言人', 'speaker', '汇报人', '姓名'],
  title: ['职务', 'title'],
  topic: ['题目', 'topic', '主题', '发言题目'],
  speech: ['发言时长', 'speech', '发言', '发言时间'],
  comment: ['点评时长', 'comment', '点评', '点评时间'],
  start: ['开始时间', 'start', '计划开始', '场次开始'],
};
const COLUMNS = Object.keys(HEADERS) as Column[];

/** A sitting's planned start as people type it (2026-02-14 14:30, 2026/2/14 14:30), as a PlannedStart; null if it is not one. */
export function plannedStartFromText(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map((x) => x ?? '');
  const start = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h!.padStart(2, '0')}:${mi}`;
  return PlannedStartSchema.safeParse(start).success && Number(h) < 24 && Number(mi) < 60 ? start : null;
}

/** The row that names the columns: the first with a unit column, so title rows above it (often merged cells) are passed over. */
function findHeader(rows: string[][]): { index: number; cols: Partial<Record<Column, number>> } | null {
  for (const [index, row] of rows.slice(0, 20).entries()) {
    const cols: Partial<Record<Column, number>> = {};
    row.forEach((cell, i) => {
      const name = cell.trim().toLowerCase();
      const col = COLUMNS.find((c) => HEADERS[c].includes(name));
      if (col && cols[col] === undefined) cols[col] = i;
    });
    if (cols.unit !== undefined) return { index, cols };
  }
  return null;
}

const LIMITS: Partial<Record<Column, number>> = { sitting: 60, unit: 60, speaker: 60, topic: 200 };

/**
 * An agenda from a sheet's rows (CSV or the first worksheet of an XLSX): sittings in order of first
 * appearance, slots by their order number within each sitting. Every bad row is reported with its
 * row number, column and reason; with any error nothing is imported.
 */
export function agendaFromRows(rows: string[][]): AgendaImport {
  const header = findHeader(rows);
  if (!header) return { ok: false, errors: [{ row: 1, column: 'unit', reason: `no "unit" column; the header may say ${HEADERS.unit.map((h) => `"${h}"`).join(', ')}` }] };
  const { cols } = header;
  const errors: RowError[] = [];
  const sittingTitles: string[] = [];
  const starts = new Map<string, { start: string; row: number }>();
  const entries: { row: number; sitting: string; order: number | null; slot: Omit<Slot, 'id' | 'sittingId'> }[] = [];
  const cell = (r: string[], c: Column) => (cols[c] === undefined ? '' : (r[cols[c]] ?? '').trim());

  rows.slice(header.index + 1).forEach((r, i) => {
    const row = header.index + i + 2;
    if (r.every((c) => c.trim() === '')) return;
    // A header cell merged over two rows repeats itself in the second: that row is the header again.
    if (cols.unit !== undefined && cell(r, 'unit').toLowerCase() === (rows[header.index]?.[cols.unit] ?? '').trim().toLowerCase()) return;
    const bad = (column: Column, reason: string) => errors.push({ row, column, reason });
    const unit = cell(r, 'unit');
    if (unit === '') bad('unit', 'the unit is empty');
    for (const [c, max] of Object.entries(LIMITS) as [Column, number][]) if (cell(r, c).length > max) bad(c, `longer than ${max} characters`);
    const orderText = cell(r, 'order');
    const order = orderText === '' ? null : /^\d{1,5}$/.test(orderText) ? Number(orderText) : NaN;
    if (Number.isNaN(order)) bad('order', `"${orderText}" is not a whole number`);
    const phases: PhaseSpec[] = [];
    for (const [c, make, fallback] of [
      ['speech', speechPhase, 8 * 60_000],
      ['comment', commentPhase, 3 * 60_000],
    ] as const) {
      const text = cell(r, c);
      const ms = text === '' ? fallback : parseDurationText(text);
      if (ms === null || ms === 0) bad(c, `"${text}" is not a duration (write 8:00, 8分钟, 8 min or 480)`);
      else phases.push(make(ms));
    }
    const sitting = cell(r, 'sitting') || '第一场 Sitting 1';
    if (!sittingTitles.includes(sitting)) sittingTitles.push(sitting);
    // A sitting's start may be written on any of its rows, or on all of them alike.
    const startText = cell(r, 'start');
    if (startText !== '') {
      const start = plannedStartFromText(startText);
      const known = starts.get(sitting);
      if (start === null) bad('start', `"${startText}" is not a date and time (write 2026-02-14 14:30)`);
      else if (known && known.start !== start) bad('start', `"${sitting}" already starts at ${known.start.replace('T', ' ')} on row ${known.row}`);
      else if (!known) starts.set(sitting, { start, row });
    }
    const speaker = [cell(r, 'speaker'), cell(r, 'title')].filter((s) => s !== '').join(' ').slice(0, 60);
    entries.push({ row, sitting, order, slot: { unit, speaker, topic: cell(r, 'topic'), phases } });
  });

  // The same order number twice in a sitting is a typo the host must settle, not a tie to guess at.
  const seen = new Map<string, number>();
  for (const e of entries) {
    if (e.order === null || Number.isNaN(e.order)) continue;
    const key = `${e.sitting}\u0000${e.order}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ row: e.row, column: 'order', reason: `order ${e.order} is already used in "${e.sitting}" on row ${first}` });
    else seen.set(key, e.row);
  }
  if (entries.length === 0 && errors.length === 0) errors.push({ row: header.index + 2, column: null, reason: 'the sheet has no speakers under its header' });
  if (entries.length > AGENDA_LIMITS.slots) errors.unshift({ row: 0, column: null, reason: `an agenda holds at most ${AGENDA_LIMITS.slots} speakers; this sheet has ${entries.length}` });
  if (sittingTitles.length > AGENDA_LIMITS.sittings) errors.unshift({ row: 0, column: 'sitting', reason: `an agenda holds at most ${AGENDA_LIMITS.sittings} sittings; this sheet has ${sittingTitles.length}` });
  if (errors.length > 0) return { ok: false, errors };

  const sittings = sittingTitles.map((title, i) => {
    const start = starts.get(title)?.start;
    return { id: `d${i + 1}`, title, ...(start === undefined ? {} : { start }) };
  });
  const byOrder = (a: (typeof entries)[number], b: (typeof entries)[number]) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.row - b.row;
  const slots = sittings.flatMap((s) =>
    entries
      .filter((e) => e.sitting === s.title)
      .sort(byOrder)
      .map((e) => ({ ...e.slot, sittingId: s.id })),
  );
  return { ok: true, sittings, slots: slots.map((s, i) => ({ id: `s${i + 1}`, ...s })) };
}

/** The agenda as a sheet with the same columns the import reads, so an export imports back unchanged. */
export function agendaTable(state: { sittings: Sitting[]; slots: Slot[] }): Table & { rows: string[][] } {
  const header = COLUMNS.filter((c) => c !== 'title').map((c) => HEADERS[c][0] ?? c);
  const rows = agenda(state).map((slot) => {
    const of = state.sittings.find((s) => s.id === slot.sittingId);
    const sitting = of?.title ?? '';
    const n = state.slots.filter((s) => s.sittingId === slot.sittingId).indexOf(slot) + 1;
    const phase = (i: number) => (slot.phases[i] ? formatMinutes(Math.round(slot.phases[i].durationMs / 1000)) : '');
    return [sitting, String(n), slot.unit, slot.speaker, slot.topic, phase(0), phase(1), of?.start?.replace('T', ' ') ?? ''];
  });
  return { header, rows };
}
