import { agendaFromRows } from '../core/agenda-table';
import type { AgendaImport } from '../core/agenda-table';
import { AGENDA_LIMITS } from '../core/meeting';
import type { Reviewer, ReviewerGroup } from '../core/scoring.setup';
import type { ImportLimits } from './import-limits';
import { importRoster } from './roster-import';
import type { RosterImport } from './roster-import';
import { filledRows, readRows, sheetProblem } from './sheet-file';

export type ImportRequest = { bytes: Uint8Array; fileName: string } & ({ kind: 'roster'; groups: ReviewerGroup[]; existing: Reviewer[] } | { kind: 'agenda' });
export type ImportPreview = RosterImport | AgendaImport;

/** The file's one problem, as a preview shows it: row 0 is the file as a whole. */
export const refused = (reason: string): ImportPreview => ({ ok: false, errors: [{ row: 0, column: null, reason }] });

/** Every bad row, but a sheet of 5,000 bad rows need not travel whole: the first hundred say enough. */
const MAX_ERRORS = 100;

/** What an uploaded roster or agenda would give, or why not. Runs in the import thread (import.worker.ts). */
export async function previewImport(req: ImportRequest, limits: ImportLimits): Promise<ImportPreview> {
  const preview = req.kind === 'roster' ? await importRoster(req.bytes, req.fileName, req.groups, req.existing, limits) : await agendaPreview(req.bytes, req.fileName, limits);
  if (preview.ok || preview.errors.length <= MAX_ERRORS) return preview;
  const more = preview.errors.length - MAX_ERRORS;
  return { ok: false, errors: [...preview.errors.slice(0, MAX_ERRORS), { row: 0, column: null, reason: `and ${more} more` }] };
}

async function agendaPreview(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<AgendaImport> {
  const rows = await readRows(bytes, fileName, limits);
  if (typeof rows === 'string') return refused(rows) as AgendaImport;
  // The header and a few title rows above it: anything much beyond the agenda's own limit is not an agenda.
  const speakers = filledRows(rows) - 1;
  if (speakers > AGENDA_LIMITS.slots + 20) return refused(`an agenda holds at most ${AGENDA_LIMITS.slots} speakers; this file has ${speakers} rows under its header (agenda limit)`) as AgendaImport;
  const tooBig = sheetProblem(rows, limits);
  return tooBig ? (refused(tooBig) as AgendaImport) : agendaFromRows(rows);
}
