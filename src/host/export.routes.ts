import type { FastifyInstance } from 'fastify';
import { safeFileName } from '../core/file-name';
import { agendaTable } from '../core/agenda-table';
import { ballotsTable, resultsTable } from '../core/tables';
import type { Table } from '../core/tables';
import type { Audience } from '../core/views';
import { toCsv, toXlsx } from './export-files';
import type { Authorize } from './authorize';
import type { MeetingEngine } from './meeting-engine';

const EXPORTS = {
  agenda: { roles: ['host', 'clerk'], table: agendaTable, label: '议程 agenda' },
  results: { roles: ['host', 'clerk'], table: resultsTable, label: '结果 results' },
  // Individual ballots are the clerk's alone.
  ballots: { roles: ['clerk'], table: ballotsTable, label: '评分表 ballots' },
} as const satisfies Record<string, { roles: Audience['role'][]; table: (s: never) => Table; label: string }>;

/** The agenda and results (host and clerk) and ballots (clerk) as CSV or XLSX, named safely after the meeting. */
export function exportRoutes(app: FastifyInstance, engine: MeetingEngine, authorize: Authorize): void {
  app.get<{ Params: { name: string; format: string } }>('/api/v1/export/:name.:format', async (req, reply) => {
    const name = req.params.name;
    const what = name === 'agenda' || name === 'results' || name === 'ballots' ? EXPORTS[name] : null;
    const format = req.params.format;
    if (!what || (format !== 'csv' && format !== 'xlsx')) {
      return reply.code(404).send({ error: 'not_found', message: 'exports are agenda, results and ballots, each .csv or .xlsx' });
    }
    if (!authorize(req, reply, [...what.roles])) return reply;
    const state = engine.current();
    const table = what.table(state);
    const fileName = `${safeFileName(state.title)} ${what.label}.${format}`;
    const body = format === 'csv' ? toCsv(table) : await toXlsx(table, what.label);
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="rostrum-${req.params.name}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
