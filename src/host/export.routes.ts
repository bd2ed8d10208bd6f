import type { FastifyInstance } from 'fastify';
import { safeFileName } from '../core/file-name';
import { agendaTable } from '../core/agenda-table';
import { ballotsTable, resultsTable } from '../core/tables';
import type { Table } from '../core/tables';
import { auditRows, auditTable } from '../core/audit';
import type { MeetingEvent } from '../core/events';
import type { MeetingState } from '../core/state';
import type { Audience } from '../core/views';
import { readLog } from './event-log';
import { toCsv, toXlsx } from './export-files';
import type { Authorize } from './authorize';
import type { MeetingEngine } from './meeting-engine';

interface Source {
  state: MeetingState;
  audience: Audience;
  events(): Promise<MeetingEvent[]>;
}

const EXPORTS: Record<string, { roles: Audience['role'][]; table: (s: Source) => Table | Promise<Table>; label: string }> = {
  agenda: { roles: ['host', 'clerk'], table: (s) => agendaTable(s.state), label: '议程 agenda' },
  // An open slot's score is one ballot from another: only the clerk's export has it, marked provisional.
  results: { roles: ['host', 'clerk'], table: (s) => resultsTable(s.state, { provisional: s.audience.role === 'clerk' }), label: '结果 results' },
  // Individual ballots are the clerk's alone.
  ballots: { roles: ['clerk'], table: (s) => ballotsTable(s.state), label: '评分表 ballots' },
  audit: { roles: ['host', 'clerk'], table: async (s) => auditTable(auditRows(await s.events(), s.audience.role === 'clerk')), label: '操作记录 audit' },
};

/** Every event on disk so far: the audit log is the event log itself. */
export async function loggedEvents(engine: MeetingEngine): Promise<MeetingEvent[]> {
  await engine.settled();
  return (await readLog(engine.file)).events;
}

/** The agenda, results and audit log (host and clerk) and ballots (clerk) as CSV or XLSX, named safely after the meeting. */
export function exportRoutes(app: FastifyInstance, engine: MeetingEngine, authorize: Authorize): void {
  app.get('/api/v1/audit', async (req, reply) => {
    const audience = authorize(req, reply, ['host', 'clerk']);
    if (!audience) return reply;
    return auditRows(await loggedEvents(engine), audience.role === 'clerk');
  });

  app.get<{ Params: { name: string; format: string } }>('/api/v1/export/:name.:format', async (req, reply) => {
    const what = Object.hasOwn(EXPORTS, req.params.name) ? EXPORTS[req.params.name] : undefined;
    const format = req.params.format;
    if (!what || (format !== 'csv' && format !== 'xlsx')) {
      return reply.code(404).send({ error: 'not_found', message: 'exports are agenda, results, ballots and audit, each .csv or .xlsx' });
    }
    const audience = authorize(req, reply, what.roles);
    if (!audience) return reply;
    const state = engine.current();
    const table = await what.table({ state, audience, events: () => loggedEvents(engine) });
    const fileName = `${safeFileName(state.title)} ${what.label}.${format}`;
    const body = format === 'csv' ? toCsv(table) : await toXlsx(table, what.label);
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="rostrum-${req.params.name}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
